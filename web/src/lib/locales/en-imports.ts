import type { grid as zhGrid, imports as zhImports } from './zh-imports';

/** Spreadsheet imports and the month grid, split out of en.ts to keep it readable. */
export const imports: typeof zhImports = {
  template: 'Download template',
  chooseFile: 'Choose file',
  chooseAnother: 'Choose another file',
  reading: 'Reading the file…',
  confirm: 'Import',
  retry: 'Retry',
  ignored: 'These columns are not imported: {{columns}}',
  fileProblems: 'This file cannot be imported; nothing was imported',
  rejected: 'The sheet has errors; nothing was imported',
  rejectedHint: 'Correct the rows below and choose the file again.',
  failed: 'Import failed',
  row: 'Row',
  rowN: 'Row {{row}}',
  column: 'Column',
  problem: 'Problem',
  problems: {
    unreadable: 'This file cannot be read: use an .xlsx workbook or a .csv file',
    noHeader: 'No header row in the first 10 rows: use the template’s column names',
    noRows: 'The sheet holds no data',
    tooManyRows: 'Too many rows: at most {{max}} at a time',
    duplicateHeader: 'The header “{{header}}” appears more than once',
    missingHeader: 'The column “{{header}}” is missing',
    unsupported: 'Only .xlsx or .csv files can be imported',
  },
  roster: {
    button: 'Import roster',
    title: 'Import a roster',
    intro:
      'One person a row; rows with the same household number form one household, which needs one head. A blank household number or group continues the household above (merged cells work too). If any row is wrong, no household is imported.',
    templateFile: 'roster-template.xlsx',
    summary: '{{rows}} people',
    done: 'Imported {{households}} households, {{members}} people',
  },
  records: {
    button: 'Import from file',
    title: 'Import point records',
    intro:
      'One record a row: household number, rule code or rule name, and date are required; unit rules need a quantity; per-person programs need the member’s name. Each record uses the rules in effect on its date, and all wait for approval. If any row is wrong, no record is imported.',
    program: 'Into the program: {{name}}',
    templateFile: 'point-records-template.xlsx',
    summary: '{{rows}} records, into “{{program}}”',
    done: 'Imported {{created}} records (about {{estimate}} pts), waiting for approval',
    example: 'example, delete me',
  },
};

export const grid: typeof zhGrid = {
  title: 'Month grid',
  intro:
    'Enter a month’s participation at once: a household a row, a rule a column; tick fixed rules, enter quantities for unit rules. Each filled cell becomes a record waiting for approval.',
  month: 'Month',
  datedOn: 'Records dated {{day}} (the month’s last day; today for this month)',
  noRules: 'No rules were in effect in that month',
  lineTotal: 'Row estimate',
  cells: 'Cells filled',
  estimate: 'Estimated points (before caps)',
  submit: 'Submit {{count}} records',
  submitted: 'Submitted {{count}} records (about {{points}} pts) dated {{day}}, waiting for approval',
  recorded: '{{count}} recorded · {{status}}',
  recordedStatus: { pending: 'pending', posted: 'posted', effective: 'effective' },
  recordedNote:
    '“Recorded” shows the month’s existing records (pending, posted, effective); a cell whose cap is full cannot be filled.',
  refusedCells: '{{count}} cells refused by a cap',
  previous: 'Previous',
  next: 'Next',
  position: 'Household {{index}} of {{total}}',
  jump: 'Go to household',
  tick: 'Once ({{points}} pts)',
};
