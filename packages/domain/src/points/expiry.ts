import type { Expiry } from '../rules/schemas';

/**
 * The latest reset day on or before `today` (both China dates), or nothing for a program whose
 * points never lapse. A reset on 01-01 seen on 2026-11-28 is 2026-01-01; on 12-31 it is 2025-12-31.
 */
export function lastResetOn(expiry: Expiry | undefined, today: string): string | undefined {
  if (!expiry || expiry.kind === 'none') return undefined;
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${expiry.on}`;
  return thisYear <= today ? thisYear : `${year - 1}-${expiry.on}`;
}

/** What lapses at a reset: what was unspent from before it, never more than is left now. */
export const lapsingPoints = (balanceBeforeReset: number, balanceNow: number) =>
  Math.max(0, Math.min(balanceBeforeReset, balanceNow));
