import { errorCodes as reviewCodes } from './zh-review';

/** API error codes worded by the client (web/src/lib/errors.ts); `en-errors.ts` has the same keys. */
export const errorCodes = {
  // 乡镇审核 and maker-checker refusals (zh-review.ts).
  ...reviewCodes,
  unauthenticated: '登录已过期，请重新登录。',
  forbidden: '您的角色无权执行此操作。',
  try_again: '系统繁忙，请稍后重试。',
  internal: '服务器出错，请稍后重试。',
  route_not_found: '请求的功能不存在，请刷新页面后重试。',
  payload_too_large: '提交的内容太大。',
  write_conflict: '数据刚被他人修改，请刷新后重试。',
  edit_conflict: '数据刚被他人修改，请刷新后重试。',
  request_in_progress: '上一次提交仍在处理中，请稍候。',
  record_already_processed: '这条记录已被处理，请刷新查看。',
  already_cancelled: '这笔兑换已撤销。',
  consent_withdrawn: '该农户已撤回授权。',
  invite_expired: '邀请码已过期。',
  invite_used: '邀请码已被使用。',
  username_taken: '用户名已被占用。',
  mobile_taken: '手机号已被占用。',
  household_number_taken: '户号已存在。',
  township_name_taken: '乡镇名称已存在。',
  partner_name_taken: '合作机构名称已存在。',
};
