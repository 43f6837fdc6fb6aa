import {
  gridDay,
  gridToDrafts,
  type Household,
  type RecordRow,
  type Rule,
  type RuleSetVersion,
  rowsToRecordDrafts,
  sheetDate,
  versionOn,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const rule = (code: string, name: string, shape: Rule['shape']): Rule => ({
  code,
  name,
  category: '志愿服务',
  shape,
  evidenceRequired: false,
  selfDeclarable: false,
});
const VOL = rule('VOL', '志愿活动', { kind: 'fixed', points: 5 });
const FOREST = rule('FOREST', '林下种植', { kind: 'perUnit', points: 5, unitSize: 1, unit: '亩' });
const version = (n: number, effectiveFrom: string, rules: Rule[]): RuleSetVersion => ({
  ruleSetId: 'rs00000000000001',
  version: n,
  name: '细则',
  content: { categories: ['志愿服务'], rules },
  effectiveFrom,
  publishedAt: `${effectiveFrom}T00:00:00.000Z`,
  publishedBy: '村管理员',
});
const v1 = version(1, '2026-01-01', [VOL]);
const v2 = version(2, '2026-05-01', [VOL, FOREST]);
const luo: Household = {
  id: 'hh00000000000001',
  villageId: 'vv00000000000001',
  number: '0001',
  group: '第一组',
  headName: '罗先和',
  members: [
    { id: 'mm00000000000001', name: '罗先和', relation: '户主' },
    { id: 'mm00000000000002', name: '罗小明', relation: '子女' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const ctx = {
  programId: 'pp00000000000001',
  accountHolder: 'household' as const,
  today: '2026-05-20',
  households: new Map([[luo.number, luo]]),
  versions: [v2, v1],
};

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error as { status: number; code: string; message: string; fields: Record<string, string> };
  }
  throw new Error('accepted');
}

describe('dates in a sheet', () => {
  it('reads the ways people type a day, and only real days', () => {
    expect(sheetDate('2026-05-31')).toBe('2026-05-31');
    expect(sheetDate('2026/5/3')).toBe('2026-05-03');
    expect(sheetDate('2026.5.3')).toBe('2026-05-03');
    expect(sheetDate('2026年5月3日')).toBe('2026-05-03');
    expect(sheetDate('2026-02-30')).toBeUndefined();
    expect(sheetDate('5/3/2026')).toBeUndefined();
  });
});

describe('the rule version in effect', () => {
  it('is the newest version whose day has come', () => {
    expect(versionOn([v1, v2], '2026-04-30')?.version).toBe(1);
    expect(versionOn([v2, v1], '2026-05-01')?.version).toBe(2);
    expect(versionOn([v1, v2], '2025-12-31')).toBeUndefined();
  });
});

describe('record import', () => {
  it('turns rows into drafts under the version in effect on each date', () => {
    const rows: RecordRow[] = [
      { household: '0001', ruleCode: 'vol', date: '2026-04-10', note: '清扫河道' },
      { household: '0001', member: '罗小明', ruleName: '林下种植', quantity: 2.5, date: '2026/5/18' },
      { household: '0001', ruleCode: 'VOL', ruleName: '志愿活动', quantity: '1', date: '2026-05-20' },
    ];
    const drafts = rowsToRecordDrafts(rows, ctx);
    expect(drafts.map((d) => [d.version.version, d.rule.code, d.quantity, d.occurredOn])).toEqual([
      [1, 'VOL', undefined, '2026-04-10'],
      [2, 'FOREST', 2.5, '2026-05-18'],
      [2, 'VOL', 1, '2026-05-20'],
    ]);
    expect(drafts[1]?.memberId).toBe('mm00000000000002');
    expect(drafts[0]?.note).toBe('清扫河道');
  });

  it('names every bad cell and writes nothing', () => {
    const e = refusal(() =>
      rowsToRecordDrafts(
        [
          { household: '0009', ruleCode: 'VOL', date: '2026-05-01', sheetRow: 2 },
          { household: '0001', member: '王五', ruleCode: 'VOL', date: '2026-05-01', sheetRow: 3 },
          { household: '0001', ruleCode: 'FOREST', date: '2026-04-01', sheetRow: 4 },
          { household: '0001', ruleCode: 'FOREST', date: '2026-05-01', sheetRow: 5 },
          { household: '0001', ruleCode: 'VOL', quantity: 3, date: '2026-05-21', sheetRow: 6 },
          { household: '0001', ruleCode: 'VOL', ruleName: '林下种植', date: '5月1日', sheetRow: 7 },
          { household: '0001', ruleCode: 'VOL', date: '2025-12-31', sheetRow: 8 },
          { household: '0001', date: '2026-05-01', quantity: 'abc', sheetRow: 9 },
          { household: '0001', ruleCode: 'VOL', date: '2026-05-01', sheetRow: 10 },
          { household: '0001', ruleCode: 'VOL', date: '2026-05-01', sheetRow: 11 },
        ],
        ctx,
      ),
    );
    expect(e).toMatchObject({ status: 400, code: 'import_rejected' });
    expect(Object.keys(e.fields)).toEqual([
      'rows.2.household',
      'rows.3.member',
      'rows.4.ruleCode',
      'rows.5.quantity',
      'rows.6.date',
      'rows.6.quantity',
      'rows.7.date',
      'rows.7.ruleName',
      'rows.8.date',
      'rows.9.ruleCode',
      'rows.9.quantity',
      'rows.11.household',
    ]);
    expect(e.fields['rows.4.ruleCode']).toContain('第 1 版细则中没有');
    expect(e.fields['rows.5.quantity']).toContain('须填写亩数');
    expect(e.fields['rows.6.quantity']).toContain('数量留空或填 1');
    expect(e.fields['rows.8.date']).toContain('没有生效的积分细则');
    expect(e.fields['rows.11.household']).toContain('与第 10 行完全相同');
    expect(e.message).toContain('9 行有误');
  });

  it('needs a member when the program keeps points per person', () => {
    const e = refusal(() =>
      rowsToRecordDrafts([{ household: '0001', ruleCode: 'VOL', date: '2026-05-01' }], {
        ...ctx,
        accountHolder: 'member',
      }),
    );
    expect(Object.keys(e.fields)).toEqual(['rows.2.member']);
  });
});

describe('month grid', () => {
  it('dates records on the month’s last day, today for the running month, never a future month', () => {
    expect(gridDay('2026-04', '2026-05-20')).toBe('2026-04-30');
    expect(gridDay('2024-02', '2026-05-20')).toBe('2024-02-29');
    expect(gridDay('2025-12', '2026-05-20')).toBe('2025-12-31');
    expect(gridDay('2026-05', '2026-05-20')).toBe('2026-05-20');
    expect(() => gridDay('2026-06', '2026-05-20')).toThrow(
      expect.objectContaining({ status: 400, fields: { month: expect.stringContaining('2026-05') } }),
    );
  });

  const grid = {
    programId: ctx.programId,
    accountHolder: 'household' as const,
    households: new Map([[luo.id, luo]]),
    version: v2,
    occurredOn: '2026-04-30',
  };

  it('makes one draft per filled cell', () => {
    const drafts = gridToDrafts(
      [
        { householdId: luo.id, ruleCode: 'VOL' },
        { householdId: luo.id, ruleCode: 'FOREST', quantity: 4 },
      ],
      grid,
    );
    expect(drafts.map((d) => [d.rule.code, d.quantity, d.occurredOn])).toEqual([
      ['VOL', undefined, '2026-04-30'],
      ['FOREST', 4, '2026-04-30'],
    ]);
  });

  it('names each bad cell by its index', () => {
    const e = refusal(() =>
      gridToDrafts(
        [
          { householdId: 'hh00000000000009', ruleCode: 'VOL' },
          { householdId: luo.id, ruleCode: 'NOPE' },
          { householdId: luo.id, ruleCode: 'FOREST' },
          { householdId: luo.id, ruleCode: 'VOL', memberId: 'mm00000000000009' },
          { householdId: luo.id, ruleCode: 'VOL' },
          { householdId: luo.id, ruleCode: 'VOL' },
        ],
        grid,
      ),
    );
    expect(e).toMatchObject({ status: 400, code: 'grid_rejected' });
    expect(Object.keys(e.fields)).toEqual([
      'cells.0.householdId',
      'cells.1.ruleCode',
      'cells.2.quantity',
      'cells.3.memberId',
      'cells.5.ruleCode',
    ]);
  });
});
