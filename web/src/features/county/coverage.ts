/**
 * Two different household counts, named the same way on the dashboard and the county overview:
 * 在册户数 (households on the village roster, what reports count) and 申报户数 (the count a village
 * declared at onboarding). Coverage is the first over the second; without a declared count, none.
 */
export function coverage(roster: number | undefined, declared: number | null | undefined): string {
  if (roster === undefined || !declared) return '—';
  return `${((roster / declared) * 100).toFixed(1)}%`;
}
