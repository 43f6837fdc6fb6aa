import * as z from 'zod';
import { ValidationError } from '../errors';
import { MAX_RULE_ROWS, type RuleColumn, ruleColumnByPath, ruleColumns } from '../sheet-columns';
import { type Cap, type RuleSetContent, ruleSetContentSchema } from './schemas';

/**
 * A rule set as spreadsheet rows, for officials who edit rules in Excel: one rule a row, with
 * Chinese headers. The admin reads and writes the workbook; the API turns rows into a rule set
 * here, all or nothing, naming every bad row and column. The columns are in `../sheet-columns`,
 * which the admin imports too.
 */
export { MAX_RULE_ROWS, type RuleColumn, ruleColumns } from '../sheet-columns';

const cell = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]).optional();
export const ruleRowSchema = z.strictObject({
  ...(Object.fromEntries(ruleColumns.map(([key]) => [key, cell])) as Record<RuleColumn, typeof cell>),
  /** The row's number in the sheet, when the client skipped empty rows; else its position + 2. */
  sheetRow: z.int().min(2).max(100_000).optional(),
});
export type RuleRow = z.infer<typeof ruleRowSchema>;

export const ruleRowsImportSchema = z
  .strictObject({
    rows: z.array(ruleRowSchema).min(1, '表格中没有规则 (no rules in the sheet)').max(MAX_RULE_ROWS),
    /** The latest published version the importer started from (0 if none). */
    baseVersion: z.int().min(0),
  })
  .meta({ id: 'RuleRowsImport' });

const KIND = { 固定: 'fixed', 按量: 'perUnit' } as const;
const PERIOD = { 每月: 'month', 每季度: 'quarter', 每年: 'year', 累计: 'ever' } as const satisfies Record<
  string,
  Cap['period']
>;
const periodLabel = Object.fromEntries(Object.entries(PERIOD).map(([label, period]) => [period, label]));
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '', 'n', 'no', 'false', '0']);
/** 是/否 and the usual spellings; anything else is kept as text so validation names the cell. */
const yesNo = (v: RuleRow[RuleColumn]) => {
  const t = text(v).toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : t;
};

/** The first data row is row 2 of the sheet (row 1 holds the headers). */
export const sheetRow = (index: number) => index + 2;

export function contentToRows(content: RuleSetContent): RuleRow[] {
  return content.rules.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category,
    kind: r.shape.kind === 'fixed' ? '固定' : '按量',
    points: r.shape.points,
    unitSize: r.shape.kind === 'perUnit' ? r.shape.unitSize : null,
    unit: r.shape.kind === 'perUnit' ? r.shape.unit : null,
    capPoints: r.cap?.maxPoints ?? null,
    capTimes: r.cap?.maxOccurrences ?? null,
    capPeriod: r.cap ? (periodLabel[r.cap.period] ?? null) : null,
    evidence: r.evidenceRequired ? '是' : '否',
    selfDeclare: r.selfDeclarable ? '是' : '否',
    description: r.description ?? null,
  }));
}

const text = (v: RuleRow[RuleColumn]) => (v === undefined || v === null ? '' : String(v).trim());
const numberOrText = (v: RuleRow[RuleColumn]) => {
  const t = text(v);
  // Plain decimals only: Number() would also take "0x10" or "1e2", which no one types on purpose.
  return t === '' ? undefined : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};

function rowToRule(row: RuleRow): unknown {
  const kind = KIND[text(row.kind) as keyof typeof KIND] ?? text(row.kind);
  const capPeriod = PERIOD[text(row.capPeriod) as keyof typeof PERIOD] ?? (text(row.capPeriod) || undefined);
  const capPoints = numberOrText(row.capPoints);
  const capTimes = numberOrText(row.capTimes);
  const hasCap = capPoints !== undefined || capTimes !== undefined || capPeriod !== undefined;
  return {
    code: text(row.code),
    name: text(row.name),
    category: text(row.category),
    description: text(row.description) || undefined,
    shape:
      kind === 'perUnit'
        ? {
            kind,
            points: numberOrText(row.points),
            unitSize: numberOrText(row.unitSize),
            unit: text(row.unit),
          }
        : { kind, points: numberOrText(row.points) },
    cap: hasCap ? { maxPoints: capPoints, maxOccurrences: capTimes, period: capPeriod } : undefined,
    evidenceRequired: yesNo(row.evidence),
    selfDeclarable: yesNo(row.selfDeclare),
  };
}

const columnOf = (path: PropertyKey[]): RuleColumn =>
  ruleColumnByPath[path.slice(0, 2).map(String).join('.')] ?? ruleColumnByPath[String(path[0])] ?? 'code';

/**
 * Rows → rule set content. Categories are those the rows use, in order of first use. Any bad
 * cell fails the whole import, with one field per bad cell: `rows.<sheet row>.<column>`.
 */
export function rowsToContent(rows: RuleRow[]): RuleSetContent {
  const rules = rows.map(rowToRule);
  const categories = [...new Set(rules.map((r) => (r as { category: string }).category).filter(Boolean))];
  const parsed = ruleSetContentSchema.safeParse({ categories, rules });
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [where, index, ...rest] = issue.path;
    if (where !== 'rules' || typeof index !== 'number') {
      fields.rows ??= issue.message;
      continue;
    }
    const row = rows[index]?.sheetRow ?? sheetRow(index);
    const column = ruleColumns.find(([key]) => key === columnOf(rest))?.[1] ?? '';
    fields[`rows.${row}.${columnOf(rest)}`] ??= `第 ${row} 行「${column}」：${issue.message}`;
  }
  throw new ValidationError(
    `表格有 ${new Set(Object.keys(fields).map((f) => f.split('.')[1])).size} 行有误，未导入任何规则 (bad rows; nothing imported)`,
    fields,
    'import_rejected',
  );
}
