import {
  auditQuerySchema,
  boardLineOf,
  chinaDayEnd,
  chinaDayStart,
  MAX_OBJECTIONS,
  objectionCreateSchema,
  objectionOutcome,
  rankHouseholds,
} from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const now = new Date('2026-05-20T08:00:00.000Z');
const later = '2026-05-22T08:00:00.000Z';
const earlier = '2026-05-19T08:00:00.000Z';

describe('objections (异议)', () => {
  it('send a posted record back to pending while its window is open', () => {
    expect(objectionOutcome({ status: 'posted', postedUntil: later }, now)).toBe('pending');
  });

  it('are refused once the window has ended, whether or not the record has settled yet', () => {
    for (const record of [
      { status: 'posted' as const, postedUntil: earlier },
      { status: 'posted' as const, postedUntil: now.toISOString() },
      { status: 'effective' as const },
      { status: 'reversed' as const },
    ])
      expect(() => objectionOutcome(record, now)).toThrow(
        expect.objectContaining({ status: 409, code: 'posting_ended' }),
      );
  });

  it('are refused for records not on the board: pending (already objected) or rejected', () => {
    for (const status of ['pending', 'rejected'] as const)
      expect(() => objectionOutcome({ status }, now)).toThrow(
        expect.objectContaining({ status: 409, code: 'cannot_object' }),
      );
  });

  it('stop after a few per record, so nobody holds a record off the ledger forever', () => {
    const objections = Array.from({ length: MAX_OBJECTIONS }, () => ({}));
    expect(() => objectionOutcome({ status: 'posted', postedUntil: later, objections }, now)).toThrow(
      expect.objectContaining({ code: 'too_many_objections' }),
    );
    expect(
      objectionOutcome({ status: 'posted', postedUntil: later, objections: objections.slice(1) }, now),
    ).toBe('pending');
  });

  it('need a reason of 2–200 characters; name and phone are optional, phone a mobile number', () => {
    expect(objectionCreateSchema.safeParse({ reason: '不对' }).success).toBe(true);
    expect(objectionCreateSchema.safeParse({ reason: ' 不 ' }).success).toBe(false);
    expect(objectionCreateSchema.safeParse({ reason: '字'.repeat(201) }).success).toBe(false);
    expect(objectionCreateSchema.safeParse({ reason: '不对', phone: '12345' }).success).toBe(false);
    expect(objectionCreateSchema.safeParse({ reason: '不对', villageId: 'x' }).success).toBe(false);
  });
});

const households = new Map([
  ['h1', { id: 'h1', group: '第一组', headName: '罗先和', members: [{ id: 'm1', name: '罗小梅' }] }],
  ['h2', { id: 'h2', group: '第二组', headName: '游振林', members: [] }],
  ['h3', { id: 'h3', group: '第二组', headName: '王强', members: [] }],
  ['h4', { id: 'h4', group: '第三组', headName: '林茂平', members: [] }],
]);

describe('the public board', () => {
  const record = {
    householdId: 'h1',
    headName: '罗先和',
    programId: 'p',
    rule: { name: '文明祭祀' },
    estimate: 5,
    occurredOn: '2026-05-18',
  };

  it('shows a record with the masked head name, the group, the rule and the points', () => {
    expect(boardLineOf(record, households.get('h1'), '生态积分')).toEqual({
      name: '罗*和',
      group: '第一组',
      programName: '生态积分',
      ruleName: '文明祭祀',
      points: 5,
      occurredOn: '2026-05-18',
    });
  });

  it("masks the member's name for per-person accounts, and shows capped points once known", () => {
    const line = boardLineOf({ ...record, memberId: 'm1', points: 3 }, households.get('h1'), '生态积分');
    expect(line).toMatchObject({ name: '罗*梅', points: 3 });
  });

  it('ranks households by points earned across their accounts, equal points sharing a rank', () => {
    const rows = rankHouseholds(
      [
        { householdId: 'h1', earned: 30 },
        { householdId: 'h1', earned: 10 },
        { householdId: 'h2', earned: 40 },
        { householdId: 'h3', earned: 25 },
        { householdId: 'h4', earned: 0 },
      ],
      households,
      10,
    );
    expect(rows).toEqual([
      { rank: 1, name: '罗*和', group: '第一组', earned: 40 },
      { rank: 1, name: '游*林', group: '第二组', earned: 40 },
      { rank: 3, name: '王*', group: '第二组', earned: 25 },
    ]);
    expect(rankHouseholds([{ householdId: 'h2', earned: 1 }], households, 0)).toEqual([]);
  });
});

describe('audit log queries', () => {
  it('turn China days into the instants the log sorts by', () => {
    expect(chinaDayStart('2026-05-11')).toBe('2026-05-10T16:00:00.000Z');
    expect(chinaDayEnd('2026-05-11')).toBe('2026-05-11T16:00:00.000Z');
  });

  it('refuse a range that ends before it starts', () => {
    expect(auditQuerySchema.safeParse({ from: '2026-05-12', to: '2026-05-11' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: '2026-05-11', to: '2026-05-11' }).success).toBe(true);
  });
});
