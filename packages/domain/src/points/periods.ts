import type { Cap } from '../rules/schemas';

/**
 * The cap period a day falls in, as a key for the account's usage counter:
 * month `2026-05`, quarter `2026-Q2`, year `2026`, ever `ever`. Days are China dates (YYYY-MM-DD).
 */
export function capPeriodKey(period: Cap['period'], day: string): string {
  const [year, month] = day.split('-');
  if (period === 'ever') return 'ever';
  if (period === 'year') return `${year}`;
  if (period === 'quarter') return `${year}-Q${Math.ceil(Number(month) / 3)}`;
  return `${year}-${month}`;
}
