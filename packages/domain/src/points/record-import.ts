import * as z from 'zod';
import type { Household } from '../households/schemas';
import { idSchema } from '../ids';
import type { Rule, RuleSetVersion } from '../rules/schemas';
import { cellProblem, cellText, SheetProblems, sheetRowSchema } from '../sheet';
import { MAX_RECORD_ROWS, type RecordColumn, recordColumns } from '../sheet-columns';
import { optionalText } from '../text';
import { type RecordDraft, versionOn } from './build-record';

export { MAX_RECORD_ROWS, type RecordColumn, recordColumns } from '../sheet-columns';

/** A file of point records (`recordColumns`), one a row: who, under which rule, how much, and when. */
const headers = Object.fromEntries(recordColumns);

export const recordRowSchema = sheetRowSchema(recordColumns);
export type RecordRow = z.infer<typeof recordRowSchema>;

export const recordImportSchema = z
  .strictObject({
    programId: idSchema,
    rows: z
      .array(recordRowSchema)
      .min(1, '表格中没有记录 (no records in the sheet)')
      .max(MAX_RECORD_ROWS, `最多 ${MAX_RECORD_ROWS} 行 (at most ${MAX_RECORD_ROWS} rows)`),
  })
  .meta({ id: 'PointRecordImport' });

/** What a batch (file or month grid) recorded: all its records are pending approval. */
export const recordBatchResultSchema = z
  .object({
    created: z.int(),
    /** The records' points before caps, summed. */
    estimate: z.int(),
    occurredOn: z.iso.date().optional(),
  })
  .meta({ id: 'PointRecordBatchResult' });
export type RecordBatchResult = z.infer<typeof recordBatchResultSchema>;

/** A measured quantity: positive, at most two decimals, as rules measure (0.5 亩). */
export const quantitySchema = z
  .number('须为数字 (a number)')
  .positive('须大于 0 (must be positive)')
  .max(1_000_000)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '最多两位小数 (at most 2 decimals)');

const note = optionalText(200);

/** 2026-05-31, 2026/5/31, 2026.5.31 or 2026年5月31日, as a real calendar day; else undefined. */
export function sheetDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** A fixed rule counts once per record: its quantity is blank or 1; a unit rule needs one. */
export function quantityProblem(rule: Rule, quantity: number | undefined): string | undefined {
  if (rule.shape.kind === 'perUnit') {
    return quantity === undefined
      ? `「${rule.name}」须填写${rule.shape.unit}数 (a quantity in ${rule.shape.unit} is required)`
      : undefined;
  }
  return quantity === undefined || quantity === 1
    ? undefined
    : `「${rule.name}」每条记一次，数量留空或填 1 (a fixed rule counts once: leave blank or 1)`;
}

export interface RecordImportContext {
  programId: string;
  accountHolder: 'household' | 'member';
  /** China date: no record may be dated after it. */
  today: string;
  households: ReadonlyMap<string, Household>;
  /** The program's published rule versions; each row uses the one in effect on its date. */
  versions: readonly RuleSetVersion[];
}

/** Rows → record drafts, all or nothing, every bad cell named by its sheet row and column. */
export function rowsToRecordDrafts(rows: RecordRow[], ctx: RecordImportContext): RecordDraft[] {
  const problems = new SheetProblems(headers);
  const drafts: RecordDraft[] = [];
  const seen = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = cells.sheetRow ?? index + 2;
    const add = (column: RecordColumn, message: string) => problems.add(row, column, message);
    const { sheetRow: _, ...content } = cells;
    const fingerprint = JSON.stringify(recordColumns.map(([key]) => cellText(content[key])));
    const twin = seen.get(fingerprint);
    if (twin) add('household', `与第 ${twin} 行完全相同 (same as row ${twin})`);
    else seen.set(fingerprint, row);

    const number = cellText(cells.household);
    const household = ctx.households.get(number);
    if (!number) add('household', '不能为空 (required)');
    else if (!household) add('household', `本村没有户号 ${number} (no such household in the village)`);

    const memberName = cellText(cells.member);
    const member = memberName ? household?.members.find((m) => m.name === memberName) : undefined;
    if (memberName && household && !member) {
      add('member', `户号 ${number} 没有成员「${memberName}」(no such member in the household)`);
    } else if (!memberName && ctx.accountHolder === 'member') {
      add('member', '本项目按人计分，须填写成员 (points go to a person here: name the member)');
    }

    const dateText = cellText(cells.date);
    const day = sheetDate(dateText);
    if (!day) {
      add('date', dateText ? '日期格式为 2026-05-31 (a date like 2026-05-31)' : '不能为空 (required)');
    } else if (day > ctx.today) {
      add('date', `不能晚于今天 ${ctx.today} (cannot be in the future)`);
    }
    const version = versionOn(ctx.versions, day ?? ctx.today);
    if (!version) add('date', '该日期没有生效的积分细则 (no rules in effect on that day)');

    const rule = version && findRule(version, cells, add);
    const quantityText = cellText(cells.quantity);
    // Plain decimals only: Number() would also take "0x10" or "1e2", which no one types on purpose.
    const quantity =
      quantityText === ''
        ? undefined
        : /^-?\d+(\.\d+)?$/.test(quantityText)
          ? Number(quantityText)
          : Number.NaN;
    const badQuantity = quantity !== undefined && cellProblem(quantitySchema, quantity);
    if (badQuantity) add('quantity', badQuantity);
    const quantityMismatch = rule && !badQuantity && quantityProblem(rule, quantity);
    if (quantityMismatch) add('quantity', quantityMismatch);

    const noteText = cellText(cells.note) || undefined;
    const badNote = noteText && cellProblem(note, noteText);
    if (badNote) add('note', badNote);

    if (problems.has(row) || !household || !rule || !version || !day) return;
    drafts.push({
      programId: ctx.programId,
      accountHolder: ctx.accountHolder,
      household,
      memberId: member?.id,
      version,
      rule,
      quantity,
      occurredOn: day,
      note: noteText,
    });
  });
  problems.throwIfAny({ zh: '积分记录', en: 'point records' });
  return drafts;
}

/** By 规则编号, else by 规则名称; when both are given they must name the same rule. */
function findRule(
  version: RuleSetVersion,
  cells: RecordRow,
  add: (column: RecordColumn, message: string) => void,
): Rule | undefined {
  const code = cellText(cells.ruleCode).toUpperCase();
  const name = cellText(cells.ruleName);
  const rules = version.content.rules;
  if (!code && !name) {
    add('ruleCode', '填写规则编号或规则名称 (give a rule code or name)');
    return undefined;
  }
  const rule = code ? rules.find((r) => r.code === code) : rules.find((r) => r.name === name);
  const missing = `第 ${version.version} 版细则中没有 (not in version ${version.version} of the rules)`;
  if (!rule) add(code ? 'ruleCode' : 'ruleName', `「${code || name}」${missing}`);
  else if (code && name && rule.name !== name) {
    add('ruleName', `编号 ${code} 的规则是「${rule.name}」(code ${code} is named ${rule.name})`);
  }
  return rule;
}
