import { chinaDate } from '../rules/schemas';

/** What one ledger entry adds to its village's month: the only arithmetic the dashboard's totals use. */
export type AggregateDelta = {
  earned: number;
  deducted: number;
  redeemed: number;
  /** Unspent points that lapsed at an annual reset. */
  expired: number;
  /** Records in effect: +1 when one takes effect, −1 when it is reversed. */
  records: number;
  /** Net points per category of conduct (earned minus deducted). */
  categories: Record<string, number>;
  /** Net points per recorder, for the "one recorder behind most points" signal. */
  recorders: Record<string, number>;
};

export type AggregatedEntry = {
  kind: 'earn' | 'deduct' | 'reversal' | 'redeem' | 'redeem_cancel' | 'expire';
  points: number;
  category?: string;
  recordedBy?: string;
  selfDeclared?: boolean;
};

export const UNCATEGORIZED = '未分类';

/**
 * A reversal undoes its original in the month the reversal happens: a reversed earning lowers
 * that month's points earned, a reversed deduction lowers its points deducted.
 */
export function aggregateDelta(entry: AggregatedEntry): AggregateDelta {
  const delta: AggregateDelta = {
    earned: 0,
    deducted: 0,
    redeemed: 0,
    expired: 0,
    records: 0,
    categories: {},
    recorders: {},
  };
  const conduct = () => {
    delta.categories[entry.category ?? UNCATEGORIZED] = entry.points;
    // A villager declaring for their own household is not a recorder: counting them would hide
    // a village where one recorder is behind most of the points.
    if (entry.recordedBy && !entry.selfDeclared) delta.recorders[entry.recordedBy] = entry.points;
  };
  switch (entry.kind) {
    case 'earn':
      delta.earned = entry.points;
      delta.records = 1;
      conduct();
      break;
    case 'deduct':
      delta.deducted = -entry.points;
      delta.records = 1;
      conduct();
      break;
    case 'reversal':
      if (entry.points < 0) delta.earned = entry.points;
      else delta.deducted = -entry.points;
      delta.records = -1;
      conduct();
      break;
    case 'redeem':
    case 'redeem_cancel':
      delta.redeemed = -entry.points;
      break;
    case 'expire':
      delta.expired = -entry.points;
      break;
  }
  return delta;
}

/** Entries count in the China month they happened in. */
export const monthOf = (at: string) => chinaDate(new Date(at)).slice(0, 7);

/** Whether an entry makes its household active that month (a record of its conduct took effect). */
export const marksActivity = (kind: AggregatedEntry['kind']) => kind === 'earn' || kind === 'deduct';

/** Sums deltas: what a month's aggregate must equal when recomputed from its ledger entries. */
export function sumDeltas(deltas: AggregateDelta[]): AggregateDelta {
  const total: AggregateDelta = {
    earned: 0,
    deducted: 0,
    redeemed: 0,
    expired: 0,
    records: 0,
    categories: {},
    recorders: {},
  };
  for (const d of deltas) {
    total.earned += d.earned;
    total.deducted += d.deducted;
    total.redeemed += d.redeemed;
    total.expired += d.expired;
    total.records += d.records;
    for (const [k, v] of Object.entries(d.categories)) total.categories[k] = (total.categories[k] ?? 0) + v;
    for (const [k, v] of Object.entries(d.recorders)) total.recorders[k] = (total.recorders[k] ?? 0) + v;
  }
  return total;
}
