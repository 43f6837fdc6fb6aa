import { chinaDayEnd, chinaDayStart } from '../audit/schemas';
import type { LedgerEntry } from '../points/schemas';
import type { TierLevel, TierWindow } from './tiers';

/**
 * A household's score for a partner: points **earned** in a window, read from its ledger
 * entries, and the tier it reaches. The tiers themselves (`./tiers`) are part of a program's
 * settings, so they import nothing from the points.
 */

/** Kinds that earn a score: redeeming, cancelling a redemption and annual expiry never move it. */
export const scoringKinds: ReadonlySet<LedgerEntry['kind']> = new Set(['earn', 'deduct', 'reversal']);

const DAY = 86_400_000;
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The China days a window covers, both inclusive, for a score as of `asOf`: the twelve months
 * ending that day (2026-05-20 → from 2025-05-21), its calendar year, or everything before.
 */
export function tierWindowDays(window: TierWindow, asOf: string): { from?: string; to: string } {
  if (window === 'ever') return { to: asOf };
  if (window === 'calendarYear') return { to: asOf, from: `${asOf.slice(0, 4)}-01-01` };
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // The same day a year back (29 February falls on the 28th), and the window starts the day after.
  const daysInMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return { to: asOf, from: dayString(Date.UTC(y - 1, m - 1, Math.min(d, daysInMonth)) + DAY) };
}

export type ScoreBreakdownLine = {
  category: string;
  ruleName: string;
  ruleCode?: string;
  points: number;
  entries: number;
};

/**
 * A household's score in one program: the sum of its scoring entries in the window, and how it
 * was earned rule by rule (a reversal nets against its rule). Entries outside the program or
 * the window (China days) are ignored, so callers may pass a wider read.
 */
export function scoreOf(
  entries: readonly Pick<
    LedgerEntry,
    'programId' | 'kind' | 'points' | 'at' | 'ruleCode' | 'ruleName' | 'category'
  >[],
  programId: string,
  window: { from?: string; to: string },
): { score: number; breakdown: ScoreBreakdownLine[] } {
  const from = window.from ? chinaDayStart(window.from) : '';
  const until = chinaDayEnd(window.to);
  const lines = new Map<string, ScoreBreakdownLine>();
  let score = 0;
  for (const e of entries) {
    if (e.programId !== programId || !scoringKinds.has(e.kind) || e.at < from || e.at >= until) continue;
    score += e.points;
    const key = e.ruleCode ?? e.ruleName ?? '';
    const line = lines.get(key) ?? {
      category: e.category ?? '',
      ruleName: e.ruleName ?? e.ruleCode ?? '',
      ruleCode: e.ruleCode,
      points: 0,
      entries: 0,
    };
    line.points += e.points;
    line.entries += 1;
    lines.set(key, line);
  }
  const breakdown = [...lines.values()]
    .filter((l) => l.points !== 0)
    .sort((a, b) => b.points - a.points || a.ruleName.localeCompare(b.ruleName));
  return { score, breakdown };
}

/** The highest level whose threshold the score reaches, and the next one up (if any). */
export function tierOf(levels: readonly TierLevel[], score: number) {
  const reached = levels.filter((l) => l.threshold <= score);
  const tier = reached[reached.length - 1];
  const next = levels.find((l) => l.threshold > score);
  return {
    tier: tier ?? null,
    next: next ? { label: next.label, threshold: next.threshold, pointsToGo: next.threshold - score } : null,
  };
}
