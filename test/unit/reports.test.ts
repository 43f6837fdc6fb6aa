import {
  addMonths,
  anomalySignals,
  categoryMix,
  countyReportQuerySchema,
  dominantRecorders,
  isActive,
  mergePrograms,
  monthsBetween,
  monthTrend,
  NOT_STARTED,
  type ReportMonth,
  type ReportVillage,
  refusedSelfApprovals,
  reportRange,
  spikes,
  townshipFigures,
  ValidationError,
  villageFigures,
  villagesCsv,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const month = (villageId: string, m: string, figures: Partial<ReportMonth> = {}): ReportMonth => ({
  villageId,
  month: m,
  programId: 'p1',
  earned: 0,
  deducted: 0,
  redeemed: 0,
  records: 0,
  activeHouseholds: 0,
  categories: {},
  recorders: {},
  refusedSelfApprovals: 0,
  ...figures,
});

const villages: ReportVillage[] = [
  { id: 'A', name: '银川村', townshipId: 'T1', townshipName: '凤山乡', households: 100 },
  { id: 'B', name: '新春村', townshipId: 'T1', townshipName: '凤山乡', households: 20 },
  { id: 'C', name: '羊场村', townshipId: 'T2', townshipName: '羊场镇', households: 50 },
  { id: 'D', name: '红旗村', townshipId: 'T2', townshipName: '羊场镇', households: 0 },
];

describe('months', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-02', -3)).toBe('2025-11');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('refuses reversed, malformed and over-long ranges, naming the field', () => {
    const fieldOf = (q: object) => countyReportQuerySchema.safeParse(q).error?.issues[0]?.path[0];
    expect(fieldOf({ from: '2026-05', to: '2026-04' })).toBe('to');
    expect(fieldOf({ from: '2026-5' })).toBe('from');
    expect(fieldOf({ from: '2023-01', to: '2026-01' })).toBe('from');
    expect(countyReportQuerySchema.safeParse({ from: '2023-02', to: '2026-01' }).success).toBe(true);
  });

  it('defaults to the last six months and checks a range it completes', () => {
    const now = new Date('2026-05-31T20:00:00Z'); // already June in China
    expect(reportRange({}, now)).toEqual({ from: '2026-01', to: '2026-06' });
    expect(reportRange({ to: '2026-03' }, now)).toEqual({ from: '2025-10', to: '2026-03' });
    expect(() => reportRange({ from: '2020-01' }, now)).toThrow(ValidationError);
  });
});

describe('village figures', () => {
  const rows = [
    month('A', '2026-04', { earned: 400, deducted: 20, redeemed: 100, records: 40, activeHouseholds: 60 }),
    month('A', '2026-05', { earned: 600, records: 50, activeHouseholds: 80, categories: { 环境卫生: 600 } }),
    // A second program of A: its households are mostly the same people, so not added twice.
    month('A', '2026-05', {
      programId: 'p2',
      earned: 100,
      activeHouseholds: 30,
      categories: { 志愿服务: 100 },
    }),
    month('B', '2026-05', { earned: 300, activeHouseholds: 20, redeemed: 300 }),
  ];
  const figures = villageFigures(villages, rows, 2);

  it('normalizes by households and ranks by points per household', () => {
    // 羊场村 and 红旗村 recorded nothing: 未开展, listed after the ranked villages by name, unranked.
    expect(figures.map((f) => [f.villageName, f.active, f.rankInCounty, f.rankInTownship])).toEqual([
      ['新春村', true, 1, 1],
      ['银川村', true, 2, 2],
      ['红旗村', false, null, null],
      ['羊场村', false, null, null],
    ]);
    const a = figures.find((f) => f.villageId === 'A');
    expect(a).toMatchObject({
      earned: 1100,
      deducted: 20,
      redeemed: 100,
      activeHouseholdMonths: 140,
      participationRate: 140 / 200,
      pointsPerHousehold: 11,
      redemptionRate: 100 / 1100,
      categories: { 环境卫生: 600, 志愿服务: 100 },
    });
  });

  it('ranks only the villages that recorded points, in the county and in each township', () => {
    const withC = villageFigures(
      villages,
      [...rows, month('C', '2026-04', { deducted: 10, records: 1 }), month('D', '2026-05', { redeemed: 50 })],
      2,
    );
    expect(withC.map((f) => [f.villageName, f.rankInCounty, f.rankInTownship])).toEqual([
      ['新春村', 1, 1],
      ['银川村', 2, 2],
      // Only deductions still counts as started; a store sale alone (红旗村) does not.
      ['羊场村', 3, 1],
      ['红旗村', null, null],
    ]);
    expect(isActive({ records: 0, earned: 0, deducted: 0 })).toBe(false);
    expect(isActive({ records: 1, earned: 0, deducted: 0 })).toBe(true);
  });

  it('lists a village not started as 未开展 in the CSV rank columns', () => {
    const csv = villagesCsv(figures);
    const line = csv.split('\r\n').find((l) => l.includes('羊场村'));
    expect(line?.startsWith(`${NOT_STARTED},羊场镇,${NOT_STARTED},羊场村`)).toBe(true);
  });

  it('gives no rate where there is nothing to divide by', () => {
    expect(figures.find((f) => f.villageId === 'D')).toMatchObject({
      participationRate: null,
      pointsPerHousehold: null,
      redemptionRate: null,
    });
  });

  it('rolls villages up by township', () => {
    const townships = townshipFigures(
      [
        { id: 'T1', name: '凤山乡' },
        { id: 'T2', name: '羊场镇' },
      ],
      figures,
      2,
    );
    expect(townships[0]).toMatchObject({
      villages: 2,
      households: 120,
      earned: 1400,
      pointsPerHousehold: 1400 / 120,
    });
    expect(townships[0]?.participationRate).toBeCloseTo(160 / 240);
    expect(townships[1]).toMatchObject({ villages: 2, households: 50, earned: 0, participationRate: 0 });
  });

  it('merges programs of a village-month without counting households twice', () => {
    const merged = mergePrograms(rows).find((r) => r.villageId === 'A' && r.month === '2026-05');
    expect(merged).toMatchObject({ earned: 700, activeHouseholds: 80 });
  });

  it('gives every month of the trend, empty ones too', () => {
    const trend = monthTrend(['2026-03', '2026-04', '2026-05'], rows, 170);
    expect(trend.map((t) => [t.month, t.earned, t.activeHouseholds])).toEqual([
      ['2026-03', 0, 0],
      ['2026-04', 400, 60],
      ['2026-05', 1000, 100],
    ]);
    expect(trend[2]?.participationRate).toBeCloseTo(100 / 170);
  });

  it('orders categories by volume, deductions included, with each month for stacking', () => {
    const mix = categoryMix(
      ['2026-04', '2026-05'],
      [
        month('A', '2026-04', { categories: { 环境卫生: 50, 违规扣分: -90 } }),
        month('B', '2026-05', { categories: { 环境卫生: 30, 孝老爱亲: 20 } }),
        month('B', '2026-03', { categories: { 孝老爱亲: 999 } }),
      ],
    );
    expect(mix.map((c) => [c.category, c.points, c.byMonth])).toEqual([
      ['违规扣分', -90, [-90, 0]],
      ['环境卫生', 80, [50, 30]],
      ['孝老爱亲', 20, [0, 20]],
    ]);
    expect(mix[0]?.share).toBeCloseTo(90 / 190);
  });
});

describe('anomaly signals', () => {
  it('flags one recorder behind more than 60% of a busy village’s points', () => {
    const signals = dominantRecorders([
      month('A', '2026-05', { recorders: { u1: 250, u2: 100 } }),
      month('A', '2026-04', { recorders: { u1: 100, u2: -20 } }),
      month('B', '2026-05', { recorders: { u3: 60, u4: 40 } }),
      month('C', '2026-05', { recorders: { u5: 90 } }), // too quiet to mean anything
    ]);
    expect(signals).toEqual([
      { kind: 'dominant_recorder', villageId: 'A', recorderId: 'u1', share: 350 / 470, value: 350 },
    ]);
    expect(dominantRecorders([month('A', '2026-05', { recorders: { u1: 600, u2: 400 } })])).toEqual([]);
  });

  it('flags a month past three times the mean of the three before, above a minimum', () => {
    const history = (villageId: string, earned: number[]) =>
      earned.map((e, i) => month(villageId, addMonths('2026-01', i), { earned: e }));
    const rows = [
      ...history('A', [100, 120, 80, 500, 90]), // April: 500 > 3 × 100
      ...history('B', [10, 10, 10, 90, 10]), // a jump, but too small to matter
      ...history('C', [0, 0, 0, 900, 0]), // a village starting, not spiking
      ...history('D', [200, 200, 200, 600, 200]), // exactly 3×: not past it
    ];
    expect(spikes(['2026-04', '2026-05'], rows)).toEqual([
      { kind: 'spike', villageId: 'A', month: '2026-04', value: 500, baseline: 100 },
    ]);
  });

  it('counts refused self-approvals in the range and names the villages', () => {
    const rows = [
      month('A', '2026-05', { refusedSelfApprovals: 2 }),
      month('A', '2026-04', { programId: 'p2', refusedSelfApprovals: 1 }),
      month('B', '2026-01', { refusedSelfApprovals: 5 }),
    ];
    expect(refusedSelfApprovals(['2026-04', '2026-05'], rows)).toEqual([
      { kind: 'refused_self_approvals', villageId: 'A', value: 3 },
    ]);
    expect(anomalySignals(['2026-04', '2026-05'], rows, villages)).toEqual([
      {
        kind: 'refused_self_approvals',
        villageId: 'A',
        value: 3,
        villageName: '银川村',
        townshipName: '凤山乡',
      },
    ]);
  });
});

describe('CSV export', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const [first] = villageFigures(
      [{ id: 'A', name: '=HYPERLINK("x")', townshipId: 'T1', townshipName: '凤山乡, 北', households: 3 }],
      [month('A', '2026-05', { earned: 10, activeHouseholds: 1 })],
      1,
    );
    const csv = villagesCsv(first ? [first] : []);
    expect(csv.startsWith('\uFEFF全县排名,乡镇,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('1,"凤山乡, 北",1,"\'=HYPERLINK(""x"")",3,33.3,10,0,0,3.3,0,0');
  });
});
