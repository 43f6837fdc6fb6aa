import { ApiError } from '../../lib/api';
import { localizeMessage } from '../../lib/i18n';
import type { FileProblem } from '../rules/transfer';

/**
 * Spreadsheet imports (roster, point records) read in the browser: an .xlsx workbook (the Excel
 * library loads only when used) or a CSV file, UTF-8 or the GBK that Excel on Chinese Windows writes.
 */
export type Columns = readonly (readonly [key: string, header: string])[];
export type Cell = string | number | boolean | null;
export type SheetRow = Record<string, Cell | number> & { sheetRow: number };
export type SheetPlan = { fileName: string; rows: SheetRow[]; ignored: string[] };

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim());

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  // Excel dates come as midnight UTC: the calendar day is the ISO date.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function decodeCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/**
 * Sheet cells → rows keyed by column. The header row is the first of the top ten that names at
 * least two columns (a title row above it is common); columns it does not know are left out and
 * listed, so nothing unasked (身份证号) is sent. Empty rows are skipped; each row keeps its sheet row.
 */
export function sheetToRows(
  data: unknown[][],
  columns: Columns,
  required: readonly string[],
  maxRows: number,
): { rows: SheetRow[]; ignored: string[] } | { problems: FileProblem[] } {
  const keyOf = (raw: unknown) =>
    isEmpty(raw) ? undefined : columns.find(([k, h]) => h === String(raw).trim() || k === String(raw).trim());
  const headerAt = data.slice(0, 10).findIndex((row) => row.filter((c) => keyOf(c)).length >= 2);
  if (headerAt < 0) return { problems: [{ kind: 'noHeader' }] };
  const problems: FileProblem[] = [];
  const keyAt = new Map<number, string>();
  const ignored: string[] = [];
  (data[headerAt] ?? []).forEach((raw, column) => {
    const found = keyOf(raw);
    if (!found) {
      if (!isEmpty(raw)) ignored.push(String(raw).trim());
      return;
    }
    if ([...keyAt.values()].includes(found[0])) problems.push({ kind: 'duplicateHeader', header: found[1] });
    keyAt.set(column, found[0]);
  });
  for (const key of required) {
    const header = columns.find(([k]) => k === key)?.[1] ?? key;
    if (![...keyAt.values()].includes(key)) problems.push({ kind: 'missingHeader', header });
  }
  if (problems.length > 0) return { problems };
  const rows: SheetRow[] = [];
  data.slice(headerAt + 1).forEach((cells, i) => {
    if ([...keyAt.keys()].every((column) => isEmpty(cells[column]))) return;
    const row: SheetRow = { sheetRow: headerAt + i + 2 };
    for (const [column, key] of keyAt) row[key] = toCell(cells[column]);
    rows.push(row);
  });
  if (rows.length === 0) return { problems: [{ kind: 'noRows' }] };
  if (rows.length > maxRows) return { problems: [{ kind: 'tooManyRows', max: maxRows }] };
  return { rows, ignored };
}

/** Reads a chosen .xlsx or .csv file into the rows an import would send. */
export async function readSheetFile(
  file: File,
  columns: Columns,
  required: readonly string[],
  maxRows: number,
): Promise<{ plan: SheetPlan } | { problems: FileProblem[] }> {
  let data: unknown[][];
  try {
    if (/\.csv$/i.test(file.name)) data = parseCsv(await decodeCsv(file));
    else {
      const { readSheet } = await import('read-excel-file/browser');
      data = await readSheet(file);
    }
  } catch {
    return { problems: [{ kind: 'unreadable' }] };
  }
  const read = sheetToRows(data, columns, required, maxRows);
  if ('problems' in read) return read;
  return { plan: { fileName: file.name, ...read } };
}

/** One bad cell of a refused import, as the error table shows it. */
export type SheetError = { key: string; row?: number; column: string; problem: string };

/** `第 3 行「电话」：` — the API's own prefix, dropped because the table has these columns. */
const PREFIX = /^第\s*\d+\s*行「[^」]*」[：:]\s*/;

/**
 * The API's `fields` as table rows. Checked rows are named by sheet row (`rows.<row>.<column>`);
 * a failed body check names the array index instead (`validation_failed`), mapped back here.
 */
export function sheetErrors(error: unknown, plan: SheetPlan, columns: Columns, lng: string): SheetError[] {
  if (!(error instanceof ApiError)) return [];
  const byIndex = error.code === 'validation_failed';
  return Object.entries(error.fields)
    .map(([path, message]) => {
      const [where, n, key] = path.split('.');
      const problem = localizeMessage(message.replace(PREFIX, ''), lng);
      if (where !== 'rows' || !/^\d+$/.test(n ?? '')) return { key: path, column: path, problem };
      const row = byIndex ? plan.rows[Number(n)]?.sheetRow : Number(n);
      const column = columns.find(([k]) => k === key)?.[1] ?? key ?? '';
      return { key: path, row, column, problem };
    })
    .sort(
      (a, b) =>
        (a.row ?? 0) - (b.row ?? 0) ||
        columns.findIndex(([, h]) => h === a.column) - columns.findIndex(([, h]) => h === b.column),
    );
}
