import { mergePrograms, type ReportMonth, type ReportVillage } from './figures';
import { addMonths } from './months';

/** One recorder behind more than this share of a village's points is worth a look. */
export const DOMINANT_SHARE = 0.6;
/** Below this many points in the range a village is too quiet for a recorder's share to mean much. */
export const DOMINANT_MIN_POINTS = 100;
/** A month earning more than this multiple of the mean of the three before it is a spike… */
export const SPIKE_FACTOR = 3;
/** …if it earns at least this much: a quiet village doubling 10 points is no signal. */
export const SPIKE_MIN_POINTS = 100;
/** Months before the range the spike check needs. */
export const SPIKE_LOOKBACK = 3;

export type Signal =
  | { kind: 'dominant_recorder'; villageId: string; recorderId: string; share: number; value: number }
  | { kind: 'spike'; villageId: string; month: string; value: number; baseline: number }
  | { kind: 'refused_self_approvals'; villageId: string; value: number };

/** One recorder behind most of a village's points (by absolute volume, so deductions count too). */
export function dominantRecorders(rows: readonly ReportMonth[]): Signal[] {
  const byVillage = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const recorders = byVillage.get(r.villageId) ?? new Map<string, number>();
    for (const [id, points] of Object.entries(r.recorders)) {
      recorders.set(id, (recorders.get(id) ?? 0) + Math.abs(points));
    }
    byVillage.set(r.villageId, recorders);
  }
  return [...byVillage].flatMap(([villageId, recorders]): Signal[] => {
    const total = [...recorders.values()].reduce((a, b) => a + b, 0);
    const [top] = [...recorders].sort((a, b) => b[1] - a[1]);
    if (!top || total < DOMINANT_MIN_POINTS || top[1] / total <= DOMINANT_SHARE) return [];
    return [
      { kind: 'dominant_recorder', villageId, recorderId: top[0], share: top[1] / total, value: top[1] },
    ];
  });
}

/**
 * Months whose points earned jump past SPIKE_FACTOR × the mean of the three months before.
 * `rows` must reach SPIKE_LOOKBACK months before `months[0]`. A village with no history yet is
 * not spiking, it is starting.
 */
export function spikes(months: readonly string[], rows: readonly ReportMonth[]): Signal[] {
  const earned = new Map<string, number>();
  for (const r of mergePrograms(rows)) earned.set(`${r.villageId}#${r.month}`, r.earned);
  const villages = new Set(rows.map((r) => r.villageId));
  return [...villages].flatMap((villageId) =>
    months.flatMap((month): Signal[] => {
      const value = earned.get(`${villageId}#${month}`) ?? 0;
      const before = [1, 2, 3].map((n) => earned.get(`${villageId}#${addMonths(month, -n)}`) ?? 0);
      const baseline = before.reduce((a, b) => a + b, 0) / SPIKE_LOOKBACK;
      if (value < SPIKE_MIN_POINTS || baseline <= 0 || value <= SPIKE_FACTOR * baseline) return [];
      return [{ kind: 'spike', villageId, month, value, baseline: Math.round(baseline) }];
    }),
  );
}

/** Attempts to approve one's own records or household's, refused by the maker-checker rule. */
export function refusedSelfApprovals(months: readonly string[], rows: readonly ReportMonth[]): Signal[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (!months.includes(r.month) || r.refusedSelfApprovals <= 0) continue;
    counts.set(r.villageId, (counts.get(r.villageId) ?? 0) + r.refusedSelfApprovals);
  }
  return [...counts].map(([villageId, value]) => ({ kind: 'refused_self_approvals', villageId, value }));
}

/** Every signal for the range, villages named, most pressing kinds first. */
export function anomalySignals(
  months: readonly string[],
  rows: readonly ReportMonth[],
  villages: readonly ReportVillage[],
) {
  const inRange = rows.filter((r) => months.includes(r.month));
  const named = new Map(villages.map((v) => [v.id, v]));
  return [...refusedSelfApprovals(months, inRange), ...dominantRecorders(inRange), ...spikes(months, rows)]
    .filter((s) => named.has(s.villageId))
    .map((s) => ({
      ...s,
      villageName: named.get(s.villageId)?.name ?? '',
      townshipName: named.get(s.villageId)?.townshipName ?? '',
    }));
}
