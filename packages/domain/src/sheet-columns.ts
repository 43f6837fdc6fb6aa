/**
 * The spreadsheets' columns (key, Chinese header) and row limits, for the API that checks the
 * rows and the admin that reads and writes the files. Kept free of imports (no zod) so that the
 * admin can import them alone (`@xjf/domain/sheet-columns`) instead of copying them.
 */

/** A village roster (花名册), one person a row (households/roster.ts reads it). */
export const rosterColumns = [
  ['number', '户号'],
  ['group', '村民小组'],
  ['name', '姓名'],
  ['relation', '与户主关系'],
  ['phone', '电话'],
  ['address', '住址'],
] as const;
export type RosterColumn = (typeof rosterColumns)[number][0];

/** People, not households: enough for a large village (about 1,500 households) in one file. */
export const MAX_ROSTER_ROWS = 5000;

/** Point records, one a row (points/record-import.ts reads them). */
export const recordColumns = [
  ['household', '户号'],
  ['member', '成员'],
  ['ruleCode', '规则编号'],
  ['ruleName', '规则名称'],
  ['quantity', '数量'],
  ['date', '日期'],
  ['note', '备注'],
] as const;
export type RecordColumn = (typeof recordColumns)[number][0];

export const MAX_RECORD_ROWS = 5000;

/** A rule set, one rule a row, for officials who edit rules in Excel (rules/rows.ts reads it). */
export const ruleColumns = [
  ['code', '编码'],
  ['name', '名称'],
  ['category', '类别'],
  ['kind', '计分方式'],
  ['points', '分值'],
  ['unitSize', '每多少单位'],
  ['unit', '单位'],
  ['capPoints', '封顶分数'],
  ['capTimes', '封顶次数'],
  ['capPeriod', '封顶周期'],
  ['evidence', '需要照片'],
  ['selfDeclare', '村民可自报'],
  ['description', '说明'],
] as const;
export type RuleColumn = (typeof ruleColumns)[number][0];

export const MAX_RULE_ROWS = 300;

/** Where each of a rule's fields (`content.rules.N.<path>` in an error) sits in the sheet. */
export const ruleColumnByPath: Readonly<Record<string, RuleColumn>> = {
  code: 'code',
  name: 'name',
  category: 'category',
  description: 'description',
  shape: 'kind',
  'shape.kind': 'kind',
  'shape.points': 'points',
  'shape.unitSize': 'unitSize',
  'shape.unit': 'unit',
  cap: 'capPoints',
  'cap.maxPoints': 'capPoints',
  'cap.maxOccurrences': 'capTimes',
  'cap.period': 'capPeriod',
  evidenceRequired: 'evidence',
  selfDeclarable: 'selfDeclare',
};
