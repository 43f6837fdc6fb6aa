import * as z from 'zod';
import { ValidationError } from '../errors';
import type { Household } from '../households/schemas';
import { idSchema } from '../ids';
import { type RuleSetVersion, ruleCodeSchema } from '../rules/schemas';
import type { RecordDraft } from './build-record';
import { quantityProblem, quantitySchema } from './record-import';

/**
 * The month grid (月度登记表): households (or people) as rows, the rules as columns. A recorder
 * collects a month's participation and submits the filled cells at once, one record per cell.
 */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 2026-05 (a month like 2026-05)')
  .meta({ example: '2026-05' });

export const MAX_GRID_CELLS = 5000;

export const gridCellSchema = z.strictObject({
  householdId: idSchema,
  /** Required when the program keeps accounts per person. */
  memberId: idSchema.optional(),
  ruleCode: ruleCodeSchema,
  /** For unit rules; a fixed rule's cell is a tick (blank or 1). */
  quantity: quantitySchema.optional(),
});
export type GridCell = z.infer<typeof gridCellSchema>;

export const monthGridSchema = z
  .strictObject({
    programId: idSchema,
    month: monthSchema,
    cells: z
      .array(gridCellSchema)
      .min(1, '表格中没有填写任何格子 (no cell is filled)')
      .max(MAX_GRID_CELLS, `最多 ${MAX_GRID_CELLS} 格 (at most ${MAX_GRID_CELLS} cells)`),
  })
  .meta({ id: 'MonthGrid' });
export type MonthGrid = z.infer<typeof monthGridSchema>;

/**
 * The day a month's records carry: its last day, or today while the month is still running.
 * A month that has not begun cannot be recorded.
 */
export function gridDay(month: string, today: string): string {
  if (month > today.slice(0, 7)) {
    throw new ValidationError('不能登记未来的月份 (the month has not begun)', {
      month: `最晚为 ${today.slice(0, 7)} (at the latest ${today.slice(0, 7)})`,
    });
  }
  if (month === today.slice(0, 7)) return today;
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 0, m ?? 0, 0));
  return last.toISOString().slice(0, 10);
}

export interface GridContext {
  programId: string;
  accountHolder: 'household' | 'member';
  households: ReadonlyMap<string, Household>;
  version: RuleSetVersion;
  occurredOn: string;
}

/** Cells → record drafts, all or nothing, each bad cell named `cells.<index>.<field>`. */
export function gridToDrafts(cells: GridCell[], ctx: GridContext): RecordDraft[] {
  const fields: Record<string, string> = {};
  const bad = new Set<number>();
  const add = (index: number, field: keyof GridCell, message: string) => {
    bad.add(index);
    fields[`cells.${index}.${field}`] ??= message;
  };
  const seen = new Map<string, number>();
  const drafts: RecordDraft[] = [];
  cells.forEach((cell, index) => {
    const where = `${cell.householdId}#${cell.memberId ?? ''}#${cell.ruleCode}`;
    const twin = seen.get(where);
    if (twin !== undefined) add(index, 'ruleCode', `与第 ${twin + 1} 格重复 (same cell as #${twin + 1})`);
    else seen.set(where, index);

    const household = ctx.households.get(cell.householdId);
    if (!household) add(index, 'householdId', '本村没有这一户 (no such household in the village)');
    const member = household?.members.find((m) => m.id === cell.memberId);
    if (cell.memberId && household && !member) {
      add(index, 'memberId', '不是本户成员 (not a member of the household)');
    } else if (!cell.memberId && ctx.accountHolder === 'member') {
      add(index, 'memberId', '本项目按人计分，须选择成员 (points go to a person here: choose a member)');
    }
    const rule = ctx.version.content.rules.find((r) => r.code === cell.ruleCode);
    if (!rule) {
      add(
        index,
        'ruleCode',
        `第 ${ctx.version.version} 版细则中没有 ${cell.ruleCode} (not in version ${ctx.version.version})`,
      );
    }
    const mismatch = rule && quantityProblem(rule, cell.quantity);
    if (mismatch) add(index, 'quantity', mismatch);
    if (bad.has(index) || !household || !rule) return;
    drafts.push({
      programId: ctx.programId,
      accountHolder: ctx.accountHolder,
      household,
      memberId: member?.id,
      version: ctx.version,
      rule,
      quantity: cell.quantity,
      occurredOn: ctx.occurredOn,
    });
  });
  if (bad.size > 0) {
    throw new ValidationError(
      `有 ${bad.size} 格有误，未录入任何记录 (${bad.size} bad cells; nothing recorded)`,
      fields,
      'grid_rejected',
    );
  }
  return drafts;
}
