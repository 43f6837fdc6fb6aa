import * as z from 'zod';
import { ValidationError } from './errors';

/**
 * Spreadsheet imports (roster, point records): the admin reads the CSV or Excel file in the
 * browser and sends its rows as cells; the API checks every cell and either writes everything
 * or nothing, naming each bad cell as `rows.<sheet row>.<column>`.
 */
export const sheetCell = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]).optional();
export type SheetCell = z.infer<typeof sheetCell>;

/** The row's number in the sheet (row 1 holds the headers); without it, its position + 2. */
export const sheetRowField = z.int().min(2).max(1_000_000).optional();

/** A sheet row as sent: one cell for each of the columns, and its row number. */
export const sheetRowSchema = <Key extends string>(columns: readonly (readonly [Key, string])[]) =>
  z.strictObject({
    ...(Object.fromEntries(columns.map(([key]) => [key, sheetCell])) as Record<Key, typeof sheetCell>),
    sheetRow: sheetRowField,
  });

export const cellText = (v: SheetCell): string => (v === undefined || v === null ? '' : String(v).trim());

/** A schema's first complaint about a cell, or nothing. */
export function cellProblem(schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * At most this many bad cells are listed: the answer stays small enough to send and to keep for
 * an idempotent replay; the message still counts every bad row.
 */
export const MAX_LISTED_PROBLEMS = 1000;

/** Collects bad cells of a sheet, then refuses the whole import if there are any. */
export class SheetProblems {
  private readonly fields: Record<string, string> = {};
  private readonly rows = new Set<number>();
  private listed = 0;

  constructor(private readonly headers: Readonly<Record<string, string>>) {}

  add(row: number, column: string, message: string) {
    this.rows.add(row);
    const key = `rows.${row}.${column}`;
    if (key in this.fields || this.listed >= MAX_LISTED_PROBLEMS) return;
    this.listed++;
    this.fields[key] = `第 ${row} 行「${this.headers[column] ?? column}」：${message}`;
  }

  has(row: number) {
    return this.rows.has(row);
  }

  /** `what` names what was not imported: 农户 (households), 积分记录 (point records). */
  throwIfAny(what: { zh: string; en: string }) {
    if (this.rows.size === 0) return;
    throw new ValidationError(
      `表格有 ${this.rows.size} 行有误，未导入任何${what.zh} (${this.rows.size} bad rows; no ${what.en} imported)`,
      this.fields,
      'import_rejected',
    );
  }
}
