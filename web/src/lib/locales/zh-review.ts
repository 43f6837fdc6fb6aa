/** 乡镇审核: the township reviewer's work list, the village's switch and the queue's maker-checker notes. */
export const review = {
  title: '乡镇待审',
  intro: '本乡镇各村等待审核的积分记录。只有开启了乡镇审核的村，才能由您审核。',
  pending: '待审核 {{count}} 条',
  open: '去审核',
  off: '未开启乡镇审核',
  offNote: '该村没有申请乡镇审核，由本村管理员审核。',
  empty: '本乡镇还没有村',
  reviewerReadOnly: '该村没有开启乡镇审核，您只能查看，不能审核。',
  reviewerIntro: '您是乡镇审核员：可以通过或驳回本村的待审核记录，但不能冲正。',
  // The village page's switch.
  switchTitle: '乡镇审核',
  switchHelp: '本村只有一名干部时，开启后由乡镇审核员审核本村积分。',
  switchOn: '已开启乡镇审核',
  switchOff: '已关闭乡镇审核',
  on: '已开启',
  offShort: '未开启',
  // Why a record offers no approve button, and who can decide it instead.
  ownRecord: '您录入的记录不能由您审核',
  ownHousehold: '这是您本户的记录，不能由您审核',
  byTownship: '由乡镇审核员审核',
  byAnother: '请另一名村管理员审核，或在村设置中开启乡镇审核',
  openSetting: '去开启',
  // Bulk decisions.
  rejectSelected: '批量驳回（{{count}}）',
  tooMany: '一次最多 {{max}} 条，请减少勾选',
  confirmApproveTitle: '确认批量通过',
  confirmRejectTitle: '确认批量驳回',
  confirmApprove: '将通过 {{count}} 条记录，共 {{points}} 分。',
  confirmReject: '将驳回 {{count}} 条记录，共 {{points}} 分。',
  confirmApproveOk: '确认通过',
  confirmRejectOk: '确认驳回',
  rejectedDone: '已驳回 {{ok}} 条，失败 {{failed}} 条',
  rejectedAllDone: '已驳回 {{ok}} 条',
  rejectFailures: '以下记录未驳回',
  points: '{{points}} 分',
  recorder: '录入：{{name}}',
  // Likely duplicates and the queue's filters (issue 15).
  duplicate: '疑似重复',
  duplicateOf: '同户、同一细则、同一月份已有记录：{{other}}',
  duplicatesSelected: '所选记录中有 {{count}} 条疑似重复（同户、同项、同月），请核对后再通过。',
  selectAllSkips: '全选时不勾选疑似重复的记录',
  allRecorders: '全部录入人',
  allRules: '全部细则',
  allSources: '全部来源',
  onlySelfDeclared: '仅自主申报',
  noSelfDeclared: '不含自主申报',
  shown: '共 {{count}} 条',
  shownOf: '显示 {{count}} / {{total}} 条',
  truncated: '只读取了前 {{count}} 条',
  // Users: the township select for a reviewer.
  township: '所属乡镇',
  townshipHint: '乡镇审核员只能审核本乡镇开启了乡镇审核的村',
};

/** API refusals, translated by their code rather than by splitting the message. */
export const errorCodes = {
  township_review_off: '该村没有开启乡镇审核，乡镇审核员不能审核。',
  self_approval: '不能审核自己录入的记录。',
  own_household: '不能审核本户的积分。',
  cannot_approve: '您无权审核这条记录。',
};
