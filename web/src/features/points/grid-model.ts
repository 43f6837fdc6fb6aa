import type { Rule } from '@xjf/domain';
import { capRefusal, sortByHouseholdNumber, usageAmong } from '@xjf/domain/record-checks';
import type { Household } from '../households/households-api';
import type { RuleSet } from '../rules/rules-api';
import type { GridCell, RecordedEntry } from './points-api';

/** One line of the month grid: a household, or one of its people when points go per person. */
export type GridLine = { key: string; household: Household; memberId?: string; who: string };

/** Households in 户号 order ('2' before '10'), a line each, or a line per person. */
export function gridLines(households: Household[], perMember: boolean): GridLine[] {
  return sortByHouseholdNumber(households, (h) => h.number).flatMap((h) =>
    perMember
      ? h.members.map((m) => ({ key: `${h.id}#${m.id}`, household: h, memberId: m.id, who: m.name }))
      : [{ key: h.id, household: h, who: h.headName }],
  );
}

/** What a cell holds: a tick for a fixed rule, a quantity for a unit rule. */
export type CellValue = true | number;
export const cellKey = (line: GridLine, rule: Rule) => `${line.key}#${rule.code}`;

/** A cell's points before caps, as the API will estimate them (hundredths keep 0.3 ÷ 0.1 = 3). */
export function cellPoints(rule: Rule, value: CellValue | undefined): number {
  if (value === undefined) return 0;
  if (rule.shape.kind === 'fixed') return rule.shape.points;
  if (value === true) return 0;
  const units = Math.floor(Math.round(value * 100) / Math.round(rule.shape.unitSize * 100));
  return units * rule.shape.points;
}

/** The filled cells as the API takes them, and where each sits (to show the API's cell errors). */
export function filledCells(lines: GridLine[], rules: Rule[], values: Record<string, CellValue>) {
  const cells: GridCell[] = [];
  const where: { line: GridLine; rule: Rule }[] = [];
  for (const line of lines) {
    for (const rule of rules) {
      const value = values[cellKey(line, rule)];
      if (value === undefined) continue;
      cells.push({
        householdId: line.household.id,
        memberId: line.memberId,
        ruleCode: rule.code,
        quantity: rule.shape.kind === 'perUnit' && value !== true ? value : undefined,
      });
      where.push({ line, rule });
    }
  }
  return { cells, where };
}

/** The day records of a month carry: its last day, or today while it runs (as the API decides). */
export function gridDay(month: string, today: string): string {
  if (month === today.slice(0, 7)) return today;
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, m ?? 0, 0)).toISOString().slice(0, 10);
}

/** The published version in effect on a day: the newest whose effective date has come. */
export function versionOn(ruleSet: RuleSet, day: string): number | undefined {
  return (ruleSet.versions ?? [])
    .filter((v) => v.effectiveFrom <= day)
    .reduce<number | undefined>(
      (best, v) => (best === undefined || v.version > best ? v.version : best),
      undefined,
    );
}

/** The key of the cell a recorded entry sits in (its line and rule), matching `cellKey`. */
export const entryCellKey = (entry: RecordedEntry, perMember: boolean) =>
  `${perMember ? `${entry.householdId}#${entry.memberId ?? ''}` : entry.householdId}#${entry.ruleCode}`;

/** The month's records that still count, by the cell they fall in. */
export function recordedByCell(entries: readonly RecordedEntry[], perMember: boolean) {
  const cells = new Map<string, RecordedEntry[]>();
  for (const e of entries) {
    const key = entryCellKey(e, perMember);
    const list = cells.get(key);
    if (list) list.push(e);
    else cells.set(key, [e]);
  }
  return cells;
}

/**
 * Why a cap refuses one more record in this cell, from what the month already holds there (the
 * same rule evaluation the API uses); for a rule capped over a longer period the month's records
 * are only part of the usage, so the API may still refuse or cap what passes here.
 */
export function cellRefusal(rule: Rule, entries: readonly RecordedEntry[] | undefined) {
  if (!rule.cap || !entries?.length) return undefined;
  const first = entries[0];
  return first ? capRefusal(rule, usageAmong(entries, first.accountRef, rule.code)) : undefined;
}
