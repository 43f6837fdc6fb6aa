import { type LedgerEntry, scoreOf, tierOf, tiersSchema, tierWindowDays } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const levels = [
  { threshold: 100, label: '铜', benefit: '月利率 5.5‰' },
  { threshold: 300, label: '银', benefit: '月利率 4.5‰' },
  { threshold: 500, label: '金', benefit: '月利率 4.0‰' },
];

type Entry = Pick<LedgerEntry, 'programId' | 'kind' | 'points' | 'at' | 'ruleCode' | 'ruleName' | 'category'>;
const entry = (at: string, points: number, kind: Entry['kind'] = 'earn', ruleCode = 'ECO-FOREST'): Entry => ({
  programId: 'eco',
  kind,
  points,
  at,
  ruleCode,
  ruleName: ruleCode === 'ECO-FOREST' ? '林下种植' : '绿色出行',
  category: '生态经营',
});

describe('tiers', () => {
  it('reach a level exactly at its threshold, not one point below', () => {
    expect(tierOf(levels, 300).tier?.label).toBe('银');
    expect(tierOf(levels, 299).tier?.label).toBe('铜');
    expect(tierOf(levels, 99).tier).toBeNull();
    expect(tierOf(levels, 100).tier?.label).toBe('铜');
    expect(tierOf(levels, 10_000).tier?.label).toBe('金');
  });

  it('say how far the next level is', () => {
    expect(tierOf(levels, 305).next).toEqual({ label: '金', threshold: 500, pointsToGo: 195 });
    expect(tierOf(levels, 500).next).toBeNull();
  });

  it('refuse thresholds that do not ascend, duplicates, and more than ten levels', () => {
    expect(tiersSchema.safeParse({ window: 'rolling12', levels }).success).toBe(true);
    const duplicate = tiersSchema.safeParse({ window: 'ever', levels: [levels[1], levels[1]] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.path).toEqual(['levels', 1, 'threshold']);
    expect(tiersSchema.safeParse({ window: 'ever', levels: [levels[2], levels[0]] }).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ threshold: i + 1, label: `L${i}`, benefit: 'x' }));
    expect(tiersSchema.safeParse({ window: 'ever', levels: eleven }).success).toBe(false);
    expect(tiersSchema.safeParse({ window: 'monthly', levels }).success).toBe(false);
  });
});

describe('tier windows', () => {
  it('cover the twelve months ending the day, the calendar year, or everything', () => {
    expect(tierWindowDays('rolling12', '2026-05-20')).toEqual({ from: '2025-05-21', to: '2026-05-20' });
    expect(tierWindowDays('calendarYear', '2026-05-20')).toEqual({ from: '2026-01-01', to: '2026-05-20' });
    expect(tierWindowDays('ever', '2026-05-20')).toEqual({ to: '2026-05-20' });
    expect(tierWindowDays('rolling12', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(tierWindowDays('rolling12', '2026-01-01')).toEqual({ from: '2025-01-02', to: '2026-01-01' });
  });
});

describe('scores', () => {
  const ledger: Entry[] = [
    entry('2025-03-01T02:00:00.000Z', 50),
    entry('2025-12-31T15:59:59.000Z', 100), // 2025-12-31 23:59:59 in China
    entry('2025-12-31T16:00:00.000Z', 20, 'earn', 'ECO-GREEN'), // 2026-01-01 00:00 in China
    entry('2026-02-01T00:00:00.000Z', -10, 'deduct'),
    entry('2026-03-01T00:00:00.000Z', -30, 'redeem'),
    entry('2026-03-02T00:00:00.000Z', 30, 'redeem_cancel'),
    entry('2026-03-03T00:00:00.000Z', -40, 'expire'),
    entry('2026-04-01T00:00:00.000Z', -100, 'reversal'),
    { ...entry('2026-04-02T00:00:00.000Z', 999), programId: 'civic' },
  ];

  it('count earning, deductions and reversals, never redemptions or expiry', () => {
    expect(scoreOf(ledger, 'eco', { to: '2026-05-20' }).score).toBe(50 + 100 + 20 - 10 - 100);
  });

  it('are taken as of a day, in China time', () => {
    expect(scoreOf(ledger, 'eco', { to: '2025-12-31' }).score).toBe(150);
    expect(scoreOf(ledger, 'eco', { to: '2026-01-01' }).score).toBe(170);
    expect(scoreOf(ledger, 'eco', { to: '2025-02-28' }).score).toBe(0);
  });

  it('keep only the window', () => {
    expect(scoreOf(ledger, 'eco', tierWindowDays('calendarYear', '2026-05-20')).score).toBe(20 - 10 - 100);
    expect(scoreOf(ledger, 'eco', tierWindowDays('rolling12', '2026-03-01')).score).toBe(100 + 20 - 10);
    // Twelve months ending 2026-02-28 start on 2025-03-01: the first entry's day is inside.
    expect(scoreOf(ledger, 'eco', tierWindowDays('rolling12', '2026-02-28')).score).toBe(50 + 100 + 20 - 10);
  });

  it('break the score down by rule, a reversal netting against its rule', () => {
    const { breakdown } = scoreOf(ledger, 'eco', { to: '2026-05-20' });
    expect(breakdown).toEqual([
      { category: '生态经营', ruleName: '林下种植', ruleCode: 'ECO-FOREST', points: 40, entries: 4 },
      { category: '生态经营', ruleName: '绿色出行', ruleCode: 'ECO-GREEN', points: 20, entries: 1 },
    ]);
  });
});
