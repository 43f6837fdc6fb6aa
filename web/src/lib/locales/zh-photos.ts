/** Evidence and item photos, and the household a village user lives in. */
export const photos = {
  add: '添加照片',
  wrongType: '只能上传 JPEG、PNG 或 WebP 图片',
  uploading: '照片上传中…',
  tooLarge: '图片不能超过 {{mb}} MB',
  nth: '照片 {{n}}',
  evidence: '佐证照片',
  evidenceHint: '最多 3 张，例如活动现场或整治前后的照片',
  itemPhoto: '商品图片',
  column: '照片',
  detail: '记录详情',
  household: '所在农户',
  householdHint: '村管理员不能审核自家的积分',
  householdSaved: '已保存所在农户',
};
