import type { RuleSetContent } from '@xjf/domain';
import { MAX_RULE_ROWS, ruleColumnByPath, ruleColumns } from '@xjf/domain/sheet-columns';
import { ApiError } from '../../lib/api';
import { localizeMessage } from '../../lib/i18n';
import type { RuleRow } from './rules-api';

/**
 * A rule set as a workbook or a JSON file, both ways. The Excel libraries are loaded only when a
 * file is written or read (`import()`), so they stay out of the admin's first load.
 */

/** The sheet's columns: the domain's own list (`GET …/rows` answers the same). */
export const RULE_COLUMNS = ruleColumns satisfies readonly (readonly [keyof RuleRow, string])[];
export type ColumnKey = (typeof RULE_COLUMNS)[number][0];

const headerOf = (key: string) => RULE_COLUMNS.find(([k]) => k === key)?.[1] ?? key;

/** Which version a file holds: the draft or a published version. */
export type VersionPick = 'draft' | number;

/** `<name>-v3.xlsx`, `<name>-草稿.json`: the name without characters file systems refuse. */
export function exportFileName(name: string, version: VersionPick, ext: 'xlsx' | 'json'): string {
  const safe =
    name
      .replace(/[\\/:*?"<>|]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim() || 'rules';
  return `${safe}-${version === 'draft' ? '草稿' : `v${version}`}.${ext}`;
}

/** Saves a Blob through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Cell = string | number | boolean | null;

/** Header row, then one row per rule, in the columns' order. */
export async function writeRulesWorkbook(
  columns: { key: string; header: string }[],
  rows: Record<string, Cell | undefined>[],
): Promise<Blob> {
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  const data = [
    columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? null)),
  ];
  const widths = columns.map((c) => ({ width: c.key === 'description' ? 40 : c.key === 'name' ? 24 : 12 }));
  return writeExcelFile(data, { columns: widths, stickyRowsCount: 1 }).toBlob();
}

/** A problem with the file itself, found before anything is sent. */
export type FileProblem =
  | { kind: 'unreadable' }
  | { kind: 'noHeader' }
  | { kind: 'noRows' }
  | { kind: 'tooManyRows'; max: number }
  | { kind: 'unknownHeader'; header: string; column: number }
  | { kind: 'unnamedColumn'; column: number }
  | { kind: 'duplicateHeader'; header: string }
  | { kind: 'missingHeader'; header: string }
  | { kind: 'badJson' }
  | { kind: 'notContent' };

/** What an import will send: sheet rows (with where each sits in the sheet) or JSON content. */
export type ImportPlan =
  | { kind: 'xlsx'; fileName: string; rows: RuleRow[]; sheetRows: number[] }
  | { kind: 'json'; fileName: string; content: RuleSetContent };

export type Parsed =
  | { plan: ImportPlan; problems?: undefined }
  | { plan?: undefined; problems: FileProblem[] };

export const MAX_ROWS = MAX_RULE_ROWS;

const isEmptyCell = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());

/** The spreadsheet's 1-based column letter (A, B, …, AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A sheet (rows of cells, row 1 the headers) as the API's rows. Headers are matched by their text
 * (the column key is also accepted); fully empty rows are skipped but the sheet row of every kept
 * row is remembered, so errors name the row the user sees.
 */
export function sheetToRows(
  data: unknown[][],
): { rows: RuleRow[]; sheetRows: number[]; problems?: undefined } | { problems: FileProblem[] } {
  const header = data[0];
  if (!header || header.every(isEmptyCell)) return { problems: [{ kind: 'noHeader' }] };
  const problems: FileProblem[] = [];
  const keyAt = new Map<number, ColumnKey>();
  const seen = new Set<ColumnKey>();
  header.forEach((raw, column) => {
    if (isEmptyCell(raw)) {
      const used = data.slice(1).some((row) => !isEmptyCell(row[column]));
      if (used) problems.push({ kind: 'unnamedColumn', column });
      return;
    }
    const text = String(raw).trim();
    const found = RULE_COLUMNS.find(([key, h]) => h === text || key === text);
    if (!found) {
      problems.push({ kind: 'unknownHeader', header: text, column });
      return;
    }
    if (seen.has(found[0])) {
      problems.push({ kind: 'duplicateHeader', header: found[1] });
      return;
    }
    seen.add(found[0]);
    keyAt.set(column, found[0]);
  });
  for (const [key, h] of RULE_COLUMNS)
    if (!seen.has(key)) problems.push({ kind: 'missingHeader', header: h });
  if (problems.length > 0) return { problems };

  const rows: RuleRow[] = [];
  const sheetRows: number[] = [];
  data.slice(1).forEach((cells, i) => {
    if (cells.every(isEmptyCell)) return;
    const row: RuleRow = {};
    for (const [column, key] of keyAt) row[key] = toCell(cells[column]);
    rows.push(row);
    sheetRows.push(i + 2);
  });
  if (rows.length === 0) return { problems: [{ kind: 'noRows' }] };
  if (rows.length > MAX_ROWS) return { problems: [{ kind: 'tooManyRows', max: MAX_ROWS }] };
  return { rows, sheetRows };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file from 导出 JSON (`{name, version, content}`), `{content}`, or bare content. */
export function jsonToContent(text: string): RuleSetContent | FileProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'badJson' };
  }
  const content = isRecord(parsed) && isRecord(parsed.content) ? parsed.content : parsed;
  if (!isRecord(content) || !Array.isArray(content.rules)) return { kind: 'notContent' };
  // Without categories, those the rules use (in order); the API checks the rest, field by field.
  const categories = Array.isArray(content.categories)
    ? content.categories
    : [...new Set(content.rules.map((r) => (isRecord(r) ? r.category : undefined)).filter(Boolean))];
  return { ...content, categories } as unknown as RuleSetContent;
}

/** Reads a chosen .xlsx or .json file into what the import would send. */
export async function readImportFile(file: File): Promise<Parsed> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) {
    const content = jsonToContent(await file.text());
    return 'kind' in content
      ? { problems: [content] }
      : { plan: { kind: 'json', fileName: file.name, content } };
  }
  let data: unknown[][];
  try {
    const { readSheet } = await import('read-excel-file/browser');
    data = await readSheet(file);
  } catch {
    return { problems: [{ kind: 'unreadable' }] };
  }
  const read = sheetToRows(data);
  if (read.problems) return { problems: read.problems };
  return { plan: { kind: 'xlsx', fileName: file.name, rows: read.rows, sheetRows: read.sheetRows } };
}

/** One bad cell of a rejected import: where it is (sheet row or rule number) and what is wrong. */
export type ImportError = { key: string; row?: number; rule?: number; column: string; problem: string };

/** `第 3 行「分值」：` — the API's own prefix, dropped because the table has these columns. */
const PREFIX = /^第\s*\d+\s*行「[^」]*」[：:]\s*/;

/**
 * The API's `fields` as table rows. `import_rejected` names sheet rows as if none were skipped
 * (`rows.<index + 2>`), a failed body check names array indexes (`rows.<index>`): both are mapped
 * back to the sheet row the user sees. JSON imports name `content.rules.<index>.<field>`.
 */
export function importErrors(error: unknown, plan: ImportPlan, lng: string): ImportError[] {
  if (!(error instanceof ApiError)) return [];
  const out: ImportError[] = [];
  for (const [path, message] of Object.entries(error.fields)) {
    const problem = localizeMessage(message.replace(PREFIX, ''), lng);
    const parts = path.split('.');
    if (plan.kind === 'xlsx' && parts[0] === 'rows' && /^\d+$/.test(parts[1] ?? '')) {
      const n = Number(parts[1]);
      const index = error.code === 'import_rejected' ? n - 2 : n;
      const key = parts[2] ?? '';
      out.push({
        key: path,
        row: plan.sheetRows[index] ?? n,
        column: key ? headerOf(key) : '',
        problem,
      });
    } else if (plan.kind === 'json' && parts[0] === 'content' && parts[1] === 'rules' && parts[2]) {
      const index = Number(parts[2]);
      const rest = parts.slice(3);
      const key = ruleColumnByPath[rest.slice(0, 2).join('.')] ?? ruleColumnByPath[rest[0] ?? ''];
      out.push({
        key: path,
        rule: index + 1,
        column: key ? headerOf(key) : rest.join('.'),
        problem,
      });
    } else {
      out.push({ key: path, column: path, problem });
    }
  }
  return out.sort(
    (a, b) =>
      (a.row ?? a.rule ?? 0) - (b.row ?? b.rule ?? 0) ||
      RULE_COLUMNS.findIndex(([, h]) => h === a.column) - RULE_COLUMNS.findIndex(([, h]) => h === b.column),
  );
}

/** How many rules an import holds, for the confirmation. */
export const ruleCount = (plan: ImportPlan) =>
  plan.kind === 'xlsx' ? plan.rows.length : plan.content.rules.length;
