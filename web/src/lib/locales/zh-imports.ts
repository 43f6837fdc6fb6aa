/** Spreadsheet imports and the month grid, split out of zh.ts to keep it readable. */
export const imports = {
  template: '下载模板',
  chooseFile: '选择文件',
  chooseAnother: '重新选择文件',
  reading: '正在读取文件…',
  confirm: '确认导入',
  retry: '重试',
  ignored: '以下列不导入：{{columns}}',
  fileProblems: '无法导入此文件，未导入任何数据',
  rejected: '表格有错，未导入任何数据',
  rejectedHint: '请改正下列各行后重新选择文件。',
  failed: '导入失败',
  row: '行号',
  rowN: '第 {{row}} 行',
  column: '列',
  problem: '问题',
  problems: {
    unreadable: '无法读取此文件，请确认是 .xlsx 工作簿或 .csv 文件',
    noHeader: '前 10 行中找不到表头，请使用模板的列名',
    noRows: '表格中没有数据',
    tooManyRows: '行数太多：一次最多导入 {{max}} 行',
    duplicateHeader: '表头「{{header}}」出现了不止一次',
    missingHeader: '缺少「{{header}}」列',
    unsupported: '只能导入 .xlsx 或 .csv 文件',
  },
  roster: {
    button: '导入花名册',
    title: '导入花名册',
    intro:
      '一人一行，同一户号的各行为一户，每户须有一名户主。户号、村民小组留空表示与上一行同户（合并单元格也可）。有任何错误时不会导入任何农户。',
    templateFile: '花名册模板.xlsx',
    summary: '共 {{rows}} 人',
    done: '已导入 {{households}} 户、{{members}} 人',
  },
  records: {
    button: '批量导入',
    title: '批量导入积分记录',
    intro:
      '一条记录一行：户号、规则编号或规则名称、日期必填；按量计分的规则填数量；按人计分的项目填成员姓名。记录按日期对应当时生效的细则，全部进入待审核。有任何错误时不会导入任何记录。',
    program: '导入到积分项目：{{name}}',
    templateFile: '积分记录模板.xlsx',
    summary: '共 {{rows}} 条记录，导入到「{{program}}」',
    done: '已导入 {{created}} 条记录（约 {{estimate}} 分），等待审核',
    example: '示例，可删除',
  },
};

export const grid = {
  title: '月度登记',
  intro:
    '把一个月收集到的参与情况一次录入：每户一行，每条规则一列，固定分值的规则打勾，按量计分的规则填数量。提交后每个格子成为一条待审核的记录。',
  month: '月份',
  datedOn: '记录日期：{{day}}（该月最后一天；本月为今天）',
  noRules: '该月份没有生效的积分细则',
  lineTotal: '本行估算',
  cells: '已填格数',
  estimate: '估算积分（未计封顶）',
  submit: '提交 {{count}} 条记录',
  submitted: '已提交 {{count}} 条记录（约 {{points}} 分），日期 {{day}}，等待审核',
};
