import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Noon in China on a fixed day, so each step lands on a known day. */
const start = new Date('2026-05-10T12:00:00+08:00');
let now = start;
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let recordIds: { approved: string; rejected: string; reversed: string };

const audit = (query = '', token = w.a.adminToken, village = w.a.id) =>
  w.call('GET', `/api/villages/${village}/audit${query}`, { token });

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  base = `/api/villages/${w.a.id}`;
  const admin = { token: w.a.adminToken };
  const programId = (await w.call('POST', `${base}/programs`, { ...admin, body: { name: '生态积分' } })).body
    .id;
  const set = await w.call('POST', `${base}/rule-sets`, {
    ...admin,
    body: { programId, name: '生态积分细则', templateId: 'builtin:dafang-eco' },
  });
  await w.call('POST', `${base}/rule-sets/${set.body.id}/publish`, {
    ...admin,
    body: { effectiveFrom: chinaDate(start) },
  });
  const household = await w.call('POST', `${base}/households`, {
    ...admin,
    body: { number: '0007', group: '第一组', members: [{ name: '游振林', relation: '户主' }] },
  });
  await w.call('PATCH', base, { ...admin, body: { postingDays: 0 } });
  const record = async (ruleCode: string, quantity?: number) =>
    (
      await w.call('POST', `${base}/point-records`, {
        token: w.a.recorderToken,
        body: { programId, householdId: household.body.id, ruleCode, quantity, occurredOn: chinaDate(now) },
      })
    ).body.id as string;
  const decide = (id: string, action: string, body: unknown) =>
    w.call('POST', `${base}/point-records/${id}/${action}`, { ...admin, body });

  // Day 1 (05-10): two records made. Day 2: one approved, one rejected. Day 3: the approved one reversed.
  // Steps a minute apart, so the log's order is the order they happened in.
  const approved = await record('ECO-FOREST', 20);
  now = new Date(start.getTime() + MINUTE);
  const rejected = await record('ECO-TRAVEL');
  now = new Date(start.getTime() + DAY);
  expect((await decide(approved, 'approve', {})).status).toBe(200);
  now = new Date(start.getTime() + DAY + MINUTE);
  expect((await decide(rejected, 'reject', { reason: '照片不清楚' })).status).toBe(200);
  now = new Date(start.getTime() + 2 * DAY);
  expect((await decide(approved, 'reverse', { reason: '重复登记' })).status).toBe(200);
  recordIds = { approved, rejected, reversed: approved };
});

describe('the audit log', () => {
  it('records every create, approve, reject and reversal with who, when and what, newest first', async () => {
    const res = await audit();
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string; recordId: string }) => [e.action, e.recordId])).toEqual([
      ['reverse', recordIds.reversed],
      ['reject', recordIds.rejected],
      ['approve', recordIds.approved],
      ['create', recordIds.rejected],
      ['create', recordIds.approved],
    ]);
    const [reversal, rejection, approval, , creation] = res.body.items;
    expect(reversal).toMatchObject({
      byName: '村管理员',
      householdNumber: '0007',
      ruleName: expect.any(String),
      points: 100,
      reason: '重复登记',
      at: new Date(start.getTime() + 2 * DAY).toISOString(),
    });
    expect(rejection).toMatchObject({ reason: '照片不清楚', points: 20 });
    expect(approval).toMatchObject({ byName: '村管理员', byUserId: expect.any(String), points: 100 });
    expect(creation).toMatchObject({ byName: '积分员', at: start.toISOString(), points: 100 });
  });

  it('filters by China days and pages with a cursor', async () => {
    const day2 = await audit('?from=2026-05-11&to=2026-05-11');
    expect(day2.body.items.map((e: { action: string }) => e.action)).toEqual(['reject', 'approve']);
    expect((await audit('?to=2026-05-10')).body.items).toHaveLength(2);
    expect((await audit('?from=2026-05-12')).body.items).toHaveLength(1);
    const first = await audit('?limit=3');
    expect(first.body.items).toHaveLength(3);
    const rest = await audit(`?limit=3&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'create']);
    const backwards = await audit('?from=2026-05-12&to=2026-05-10');
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toHaveProperty('from');
  });

  it("is readable by the village admin and the county's admin and officials", async () => {
    for (const token of [w.a.adminToken, w.x.adminToken, w.x.officialToken]) {
      const res = await audit('', token);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(5);
    }
  });

  it('is closed to recorders, to another village and to another county', async () => {
    expect((await audit('', w.a.recorderToken)).status).toBe(403);
    expect((await audit('', w.b.adminToken)).status).toBe(404);
    expect((await audit('', w.y.adminToken)).status).toBe(404);
    expect((await audit('', w.c.adminToken)).status).toBe(404);
    // Village B's own log is its own: nothing of village A's shows there.
    expect((await audit('', w.b.adminToken, w.b.id)).body.items).toEqual([]);
  });
});
