import {
  accountRefOf,
  capRefusal,
  compareHouseholdNumbers,
  likelyDuplicates,
  monthlyCapRefusals,
  type RecordedEntry,
  type Rule,
  sortByHouseholdNumber,
  usageAmong,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';
import { cellRefusal, gridLines, recordedByCell } from '../../web/src/features/points/grid-model';

const yard: Rule = {
  code: 'HYG-YARD',
  name: '庭院整洁（月度评比）',
  category: '环境卫生',
  shape: { kind: 'fixed', points: 5 },
  cap: { maxOccurrences: 1, period: 'month' },
  evidenceRequired: false,
  selfDeclarable: false,
};
const hours: Rule = {
  code: 'VOL-HOURS',
  name: '志愿服务时长',
  category: '志愿服务',
  shape: { kind: 'perUnit', points: 3, unitSize: 1, unit: '小时' },
  cap: { maxPoints: 30, period: 'month' },
  evidenceRequired: false,
  selfDeclarable: false,
};
const forest: Rule = {
  code: 'ECO-FOREST',
  name: '林下种植',
  category: '生态经营',
  shape: { kind: 'perUnit', points: 5, unitSize: 1, unit: '亩' },
  cap: { maxPoints: 200, period: 'year' },
  evidenceRequired: false,
  selfDeclarable: false,
};

const H = 'h'.repeat(26);
const P = 'p'.repeat(26);
const entry = (over: Partial<RecordedEntry> & { id: string }): RecordedEntry => ({
  programId: P,
  householdId: H,
  accountRef: `${H}#${P}`,
  ruleCode: 'HYG-YARD',
  status: 'pending',
  occurredOn: '2026-11-30',
  points: 5,
  createdAt: '2026-11-30T02:00:00.000Z',
  ...over,
});

describe('户号 in natural order', () => {
  it('puts 2 before 10 and keeps zero-padded numbers in order', () => {
    expect(['10', '2', '1', '0400', '0039', '0002'].sort(compareHouseholdNumbers)).toEqual([
      '1',
      '0002',
      '2',
      '10',
      '0039',
      '0400',
    ]);
    expect(compareHouseholdNumbers('12-1', '12')).toBeGreaterThan(0);
    expect(compareHouseholdNumbers('9', '12-1')).toBeLessThan(0);
  });

  it('sorts records by their household number without changing the input', () => {
    const rows = [{ n: '10' }, { n: '2' }, { n: '1' }];
    expect(sortByHouseholdNumber(rows, (r) => r.n).map((r) => r.n)).toEqual(['1', '2', '10']);
    expect(rows.map((r) => r.n)).toEqual(['10', '2', '1']);
  });
});

describe('likely duplicates (疑似重复)', () => {
  it('flags the same account, rule and month among records that still count', () => {
    const flagged = likelyDuplicates([
      entry({ id: 'a', createdAt: '2026-11-30T01:00:00.000Z' }),
      entry({ id: 'b', createdAt: '2026-11-30T02:00:00.000Z' }),
      entry({
        id: 'c',
        status: 'effective',
        createdAt: '2026-11-02T00:00:00.000Z',
        occurredOn: '2026-11-01',
      }),
    ]);
    // Each points at the earliest other record of its group.
    expect(flagged.get('a')).toBe('c');
    expect(flagged.get('b')).toBe('c');
    expect(flagged.get('c')).toBe('a');
  });

  it('leaves other months, rules, households, members and refused or reversed records alone', () => {
    const flagged = likelyDuplicates([
      entry({ id: 'a' }),
      entry({ id: 'oct', occurredOn: '2026-10-31' }),
      entry({ id: 'rule', ruleCode: 'VOL-EVENT' }),
      entry({ id: 'other', accountRef: `${'x'.repeat(26)}#${P}` }),
      entry({ id: 'member', accountRef: `${H}#${P}#${'m'.repeat(26)}` }),
      entry({ id: 'rejected', status: 'rejected' as RecordedEntry['status'] }),
      entry({ id: 'reversed', status: 'reversed' as RecordedEntry['status'] }),
    ]);
    expect(flagged.size).toBe(0);
  });

  it('counts a record listed twice (queue and month) once', () => {
    expect(likelyDuplicates([entry({ id: 'a' }), entry({ id: 'a' })]).size).toBe(0);
  });
});

describe('cap refusals', () => {
  it('refuses a second monthly item with the cap’s own reason', () => {
    expect(capRefusal(yard, { points: 0, occurrences: 0 })).toBeUndefined();
    expect(capRefusal(yard, { points: 5, occurrences: 1 })).toEqual({
      zh: '本月已达 1 次上限，本次计 0 分',
      en: 'limit of 1 times reached this month, 0 pts now',
    });
  });

  it('refuses only when a points cap leaves nothing: a part still counts', () => {
    expect(capRefusal(hours, { points: 27, occurrences: 3 })).toBeUndefined();
    expect(capRefusal(hours, { points: 30, occurrences: 4 })?.zh).toBe(
      '封顶 30 分，本月已计 30 分，本次计 0 分',
    );
    expect(capRefusal({ ...hours, cap: undefined }, { points: 999, occurrences: 99 })).toBeUndefined();
  });

  it('sums an account’s usage under a rule in magnitude', () => {
    const entries = [
      entry({ id: 'a', points: 5 }),
      entry({ id: 'b', points: -5 }),
      entry({ id: 'c', ruleCode: 'VOL-EVENT', points: 5 }),
    ];
    expect(usageAmong(entries, `${H}#${P}`, 'HYG-YARD')).toEqual({ points: 10, occurrences: 2 });
  });

  it('the server refuses the same monthly item twice, across the month and within a batch', () => {
    const accountRef = accountRefOf({ householdId: H, programId: P, accountHolder: 'household' });
    expect(accountRef).toBe(`${H}#${P}`);
    const refused = monthlyCapRefusals(
      [
        { accountRef, rule: yard, occurredOn: '2026-11-30' },
        { accountRef, rule: yard, occurredOn: '2026-12-03' },
        { accountRef, rule: yard, occurredOn: '2026-12-03' },
        // Points caps and longer periods are left to the effect-time cap.
        { accountRef, rule: forest, occurredOn: '2026-11-30' },
        { accountRef, rule: hours, occurredOn: '2026-11-30' },
      ],
      [
        entry({ id: 'x', occurredOn: '2026-11-02' }),
        entry({ id: 'y', occurredOn: '2026-11-03', status: 'rejected' as RecordedEntry['status'] }),
        entry({ id: 'f', ruleCode: 'ECO-FOREST', points: 200 }),
        entry({ id: 'h', ruleCode: 'VOL-HOURS', points: 30 }),
      ],
    );
    expect([...refused.keys()]).toEqual([0, 2]);
    expect(refused.get(0)?.zh).toBe('本月已达 1 次上限，本次计 0 分');
  });
});

describe('the month grid’s cells', () => {
  const household = {
    id: H,
    number: '0039',
    headName: '张三',
    group: '第五组',
    members: [],
  } as unknown as Parameters<typeof gridLines>[0][number];

  it('puts the month’s records in their cells and refuses a full cell', () => {
    const [line] = gridLines([household], false);
    const byCell = recordedByCell(
      [entry({ id: 'a' }), entry({ id: 'b', ruleCode: 'VOL-HOURS', points: 9 })],
      false,
    );
    expect(byCell.get(`${line?.key}#HYG-YARD`)?.map((e) => e.id)).toEqual(['a']);
    expect(cellRefusal(yard, byCell.get(`${line?.key}#HYG-YARD`))?.zh).toBe('本月已达 1 次上限，本次计 0 分');
    expect(cellRefusal(hours, byCell.get(`${line?.key}#VOL-HOURS`))).toBeUndefined();
    expect(cellRefusal(yard, undefined)).toBeUndefined();
  });

  it('lists households in natural 户号 order', () => {
    const lines = gridLines(
      ['10', '2', '1'].map((number, i) => ({ ...household, id: `${i}`.repeat(26), number })),
      false,
    );
    expect(lines.map((l) => l.household.number)).toEqual(['1', '2', '10']);
  });
});
