/**
 * The county dashboard's figures, computed from village-month aggregates alone: nothing here
 * ever sees a point record, so the cost of a report follows villages × months, not records.
 */

/** One village's month in one program, as read from its aggregate item. */
export type ReportMonth = {
  villageId: string;
  month: string;
  programId: string;
  earned: number;
  deducted: number;
  redeemed: number;
  records: number;
  activeHouseholds: number;
  categories: Record<string, number>;
  recorders: Record<string, number>;
  refusedSelfApprovals: number;
};

export type ReportVillage = {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
  households: number;
};

type Sums = {
  households: number;
  /** Active households summed over the months: participation is this over households × months. */
  activeHouseholdMonths: number;
  earned: number;
  deducted: number;
  redeemed: number;
  records: number;
};

export type Rates = {
  participationRate: number | null;
  pointsPerHousehold: number | null;
  redemptionRate: number | null;
};

export type VillageFigures = Sums &
  Rates & {
    villageId: string;
    villageName: string;
    townshipId: string;
    townshipName: string;
    categories: Record<string, number>;
    /** Points were recorded in the range; a village without any is listed as 未开展, unranked. */
    active: boolean;
    /** Among the active villages only; null for a village that has not started (未开展). */
    rankInCounty: number | null;
    rankInTownship: number | null;
  };

export type TownshipFigures = Sums & Rates & { townshipId: string; townshipName: string; villages: number };

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function ratesOf(s: Sums, monthCount: number): Rates {
  return {
    participationRate: ratio(s.activeHouseholdMonths, s.households * monthCount),
    pointsPerHousehold: ratio(s.earned, s.households),
    redemptionRate: ratio(s.redeemed, s.earned),
  };
}

const addInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};

/**
 * A village's months across its programs. A household active in two programs is one household,
 * so the month's active count is the largest program's (a lower bound, never double counted).
 */
export function mergePrograms(rows: readonly ReportMonth[]): ReportMonth[] {
  const merged = new Map<string, ReportMonth>();
  for (const r of rows) {
    const key = `${r.villageId}#${r.month}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, {
        ...r,
        programId: '*',
        categories: { ...r.categories },
        recorders: { ...r.recorders },
      });
      continue;
    }
    m.earned += r.earned;
    m.deducted += r.deducted;
    m.redeemed += r.redeemed;
    m.records += r.records;
    m.refusedSelfApprovals += r.refusedSelfApprovals;
    m.activeHouseholds = Math.max(m.activeHouseholds, r.activeHouseholds);
    addInto(m.categories, r.categories);
    addInto(m.recorders, r.recorders);
  }
  return [...merged.values()];
}

/** Villages rank by points earned per household, so a small village can lead a large one (你追我赶). */
const byStanding = (a: VillageFigures, b: VillageFigures) =>
  (b.pointsPerHousehold ?? -1) - (a.pointsPerHousehold ?? -1) ||
  (b.participationRate ?? -1) - (a.participationRate ?? -1) ||
  a.villageName.localeCompare(b.villageName, 'zh-CN');

/** A village is active in a range when it recorded any points in it (earned or deducted). */
export const isActive = (s: Pick<Sums, 'records' | 'earned' | 'deducted'>) =>
  s.records > 0 || s.earned > 0 || s.deducted > 0;

/**
 * Ranks the active villages in the county and in their townships (你追我赶), best first; villages
 * that have not started (未开展) follow by name, unranked, so a village onboarded today is not
 * 第10名 of 10 before it has recorded a single point. Sorts `figures` in place.
 */
export function rankVillages<F extends VillageFigures>(figures: F[]): F[] {
  figures.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      (a.active ? byStanding(a, b) : a.villageName.localeCompare(b.villageName, 'zh-CN')),
  );
  const seen = new Map<string, number>();
  let rank = 0;
  for (const f of figures) {
    if (!f.active) {
      f.rankInCounty = null;
      f.rankInTownship = null;
      continue;
    }
    f.rankInCounty = ++rank;
    f.rankInTownship = (seen.get(f.townshipId) ?? 0) + 1;
    seen.set(f.townshipId, f.rankInTownship);
  }
  return figures;
}

/** Every village's figures over the months, ranked in the county and in its township. */
export function villageFigures(
  villages: readonly ReportVillage[],
  rows: readonly ReportMonth[],
  monthCount: number,
): VillageFigures[] {
  const merged = mergePrograms(rows);
  const figures = villages.map((v): VillageFigures => {
    const own = merged.filter((r) => r.villageId === v.id);
    const categories: Record<string, number> = {};
    for (const r of own) addInto(categories, r.categories);
    const sums: Sums = {
      households: v.households,
      activeHouseholdMonths: own.reduce((n, r) => n + r.activeHouseholds, 0),
      earned: own.reduce((n, r) => n + r.earned, 0),
      deducted: own.reduce((n, r) => n + r.deducted, 0),
      redeemed: own.reduce((n, r) => n + r.redeemed, 0),
      records: own.reduce((n, r) => n + r.records, 0),
    };
    return {
      villageId: v.id,
      villageName: v.name,
      townshipId: v.townshipId,
      townshipName: v.townshipName,
      ...sums,
      ...ratesOf(sums, monthCount),
      categories,
      active: isActive(sums),
      rankInCounty: null,
      rankInTownship: null,
    };
  });
  return rankVillages(figures);
}

export function sumFigures(figures: readonly Sums[]): Sums {
  const total: Sums = {
    households: 0,
    activeHouseholdMonths: 0,
    earned: 0,
    deducted: 0,
    redeemed: 0,
    records: 0,
  };
  for (const f of figures) {
    total.households += f.households;
    total.activeHouseholdMonths += f.activeHouseholdMonths;
    total.earned += f.earned;
    total.deducted += f.deducted;
    total.redeemed += f.redeemed;
    total.records += f.records;
  }
  return total;
}

/** Township roll-ups in the order townships are given. */
export function townshipFigures(
  townships: readonly { id: string; name: string }[],
  figures: readonly VillageFigures[],
  monthCount: number,
): TownshipFigures[] {
  return townships.map((t) => {
    const own = figures.filter((f) => f.townshipId === t.id);
    const sums = sumFigures(own);
    return {
      townshipId: t.id,
      townshipName: t.name,
      villages: own.length,
      ...sums,
      ...ratesOf(sums, monthCount),
    };
  });
}

export type TrendMonth = {
  month: string;
  earned: number;
  deducted: number;
  redeemed: number;
  records: number;
  activeHouseholds: number;
  participationRate: number | null;
};

/** The county's months, every month of the range present even when nothing happened. */
export function monthTrend(
  months: readonly string[],
  rows: readonly ReportMonth[],
  households: number,
): TrendMonth[] {
  const merged = mergePrograms(rows);
  return months.map((month) => {
    const own = merged.filter((r) => r.month === month);
    const active = own.reduce((n, r) => n + r.activeHouseholds, 0);
    return {
      month,
      earned: own.reduce((n, r) => n + r.earned, 0),
      deducted: own.reduce((n, r) => n + r.deducted, 0),
      redeemed: own.reduce((n, r) => n + r.redeemed, 0),
      records: own.reduce((n, r) => n + r.records, 0),
      activeHouseholds: active,
      participationRate: ratio(active, households),
    };
  });
}

export type CategoryFigures = { category: string; points: number; share: number; byMonth: number[] };

/** Which kinds of conduct move: net points per category, largest first, with each month's for stacking. */
export function categoryMix(months: readonly string[], rows: readonly ReportMonth[]): CategoryFigures[] {
  const byCategory = new Map<string, number[]>();
  for (const r of rows) {
    const i = months.indexOf(r.month);
    if (i < 0) continue;
    for (const [category, points] of Object.entries(r.categories)) {
      const series = byCategory.get(category) ?? months.map(() => 0);
      series[i] = (series[i] ?? 0) + points;
      byCategory.set(category, series);
    }
  }
  const totals = [...byCategory].map(([category, byMonth]) => ({
    category,
    byMonth,
    points: byMonth.reduce((a, b) => a + b, 0),
  }));
  const volume = totals.reduce((n, c) => n + Math.abs(c.points), 0);
  return totals
    .filter((c) => c.byMonth.some((v) => v !== 0))
    .map((c) => ({ ...c, share: volume > 0 ? Math.abs(c.points) / volume : 0 }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.category.localeCompare(b.category, 'zh-CN'));
}
