import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { backfillVillageRefs, keys } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
let now = new Date();
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let board: string;
let programId: string;
const households: Record<string, string> = {};

async function posted(head: string, ruleCode = 'ECO-SACRIFICE') {
  const created = await w.call('POST', `${base}/point-records`, {
    token: w.a.recorderToken,
    body: { programId, householdId: households[head], ruleCode, occurredOn: chinaDate(now) },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const approved = await w.call('POST', `${base}/point-records/${created.body.id}/approve`, {
    token: w.a.adminToken,
    body: {},
  });
  expect(approved.body.status).toBe('posted');
  return approved.body as { id: string; householdId: string; recordedBy: string };
}

const object = (
  recordId: string,
  body: unknown = { reason: '当天他家没人在村里' },
  idempotencyKey?: string,
) => w.call('POST', `${board}/${recordId}/objections`, { body, idempotencyKey });

const readBoard = async () => {
  const res = await w.call('GET', board);
  expect(res.status).toBe(200);
  return res.body;
};

/** Moves the clock for one check and back, so the tests do not depend on each other's time. */
async function at<T>(moment: Date, check: () => Promise<T>): Promise<T> {
  const before = now;
  now = moment;
  try {
    return await check();
  } finally {
    now = before;
  }
}

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  base = `/api/villages/${w.a.id}`;
  board = `/api/public/villages/${w.a.id}/board`;
  const admin = { token: w.a.adminToken };
  programId = (await w.call('POST', `${base}/programs`, { ...admin, body: { name: '生态积分' } })).body.id;
  const set = await w.call('POST', `${base}/rule-sets`, {
    ...admin,
    body: { programId, name: '生态积分细则', templateId: 'builtin:dafang-eco' },
  });
  await w.call('POST', `${base}/rule-sets/${set.body.id}/publish`, {
    ...admin,
    body: { effectiveFrom: chinaDate(now) },
  });
  for (const [number, group, head] of [
    ['0001', '第一组', '罗先和'],
    ['0002', '第二组', '游振林'],
    ['0003', '第二组', '王强'],
  ] as const) {
    const h = await w.call('POST', `${base}/households`, {
      ...admin,
      body: { number, group, members: [{ name: head, relation: '户主', phone: '13985719999' }] },
    });
    households[head] = h.body.id;
  }
});

describe('the public notice board (公示栏)', () => {
  it('shows posted records without sign-in, with masked names and nothing private', async () => {
    const record = await posted('罗先和');
    const body = await readBoard();
    expect(body.village).toMatchObject({ name: '银川村', townshipName: '凤山乡', countyName: '大方县' });
    expect(body.posted).toContainEqual(
      expect.objectContaining({
        recordId: record.id,
        name: '罗*和',
        group: '第一组',
        programName: '生态积分',
        points: 5,
        occurredOn: chinaDate(now),
      }),
    );
    const text = JSON.stringify(body);
    for (const secret of ['罗先和', '13985719999', record.householdId, record.recordedBy, w.x.id, '村管理员'])
      expect(text).not.toContain(secret);
  });

  it('ranks households by points earned once their posting ends, and lists them as effective', async () => {
    await posted('游振林', 'ECO-TRAVEL');
    const body = await at(new Date(now.getTime() + 3 * DAY + 60_000), readBoard);
    expect(body.posted).toEqual([]);
    expect(body.recentlyEffective.map((l: { name: string }) => l.name)).toEqual(
      expect.arrayContaining(['罗*和', '游*林']),
    );
    const [ranking] = body.rankings;
    expect(ranking.programName).toBe('生态积分');
    expect(ranking.rows).toEqual([
      { rank: 1, name: '游*林', group: '第二组', earned: 20 },
      { rank: 2, name: '罗*和', group: '第一组', earned: 5 },
    ]);
  });

  it('posts a record once, with one approval in the audit log, when 20 approvals race', async () => {
    const created = await w.call('POST', `${base}/point-records`, {
      token: w.a.recorderToken,
      body: {
        programId,
        householdId: households.王强,
        ruleCode: 'ECO-SACRIFICE',
        occurredOn: chinaDate(now),
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        w.call('POST', `${base}/point-records/${created.body.id}/approve`, {
          token: w.a.adminToken,
          body: {},
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    const log = await w.call('GET', `${base}/audit?limit=100`, { token: w.a.adminToken });
    const approvals = log.body.items.filter(
      (e: { action: string; recordId: string }) => e.action === 'approve' && e.recordId === created.body.id,
    );
    expect(approvals).toHaveLength(1);
    const onBoard = (await readBoard()).posted.filter(
      (l: { recordId: string }) => l.recordId === created.body.id,
    );
    expect(onBoard).toHaveLength(1);
  });

  it('answers 404 for a village that does not exist', async () => {
    const res = await w.call('GET', '/api/public/villages/0000000000000000/board');
    expect(res.status).toBe(404);
  });
});

describe('objections (异议)', () => {
  it('sends a posted record back to review with the objection, off the board and into the audit log', async () => {
    const record = await posted('王强');
    const res = await object(record.id, { reason: '那天他在外地打工', name: '张三', phone: '13800138000' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ recordId: record.id, status: 'pending', receivedAt: now.toISOString() });

    const queue = await w.call('GET', `${base}/point-records?status=pending`, { token: w.a.adminToken });
    const back = queue.body.items.find((r: { id: string }) => r.id === record.id);
    expect(back).toMatchObject({
      status: 'pending',
      objections: [{ reason: '那天他在外地打工', name: '张三' }],
    });
    expect(back.postedUntil).toBeUndefined();
    expect((await readBoard()).posted.map((l: { recordId: string }) => l.recordId)).not.toContain(record.id);

    const audit = await w.call('GET', `${base}/audit`, { token: w.a.adminToken });
    // The test clock stands still, so entries of this record share one instant: find it by action.
    expect(audit.body.items.find((e: { action: string }) => e.action === 'object')).toMatchObject({
      recordId: record.id,
      householdNumber: '0003',
      reason: '那天他在外地打工',
      byName: '张三（公众）',
    });
  });

  it('makes a double submit harmless: a replay gets the first answer, a second objection a 409', async () => {
    const record = await posted('王强', 'ECO-TRAVEL');
    const first = await object(record.id, undefined, 'objection-once-001');
    const replay = await object(record.id, undefined, 'objection-once-001');
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await object(record.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('cannot_object');
    const queue = await w.call('GET', `${base}/point-records?status=pending`, { token: w.a.adminToken });
    expect(queue.body.items.find((r: { id: string }) => r.id === record.id).objections).toHaveLength(1);
  });

  it('refuses an objection after the posting window with a clear 409', async () => {
    const record = await posted('罗先和', 'ECO-TRAVEL');
    const late = new Date(now.getTime() + 3 * DAY + 1000);
    const res = await at(late, () => object(record.id));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'posting_ended' });
    expect(res.body.message).toContain('公示期已结束');
    // Once the board has settled it, the record is in effect and still refuses objections.
    await at(late, readBoard);
    expect((await at(late, () => object(record.id))).body.code).toBe('posting_ended');
  });

  it('refuses a short reason, unknown fields and a record of another village', async () => {
    const record = await posted('游振林', 'ECO-TRAVEL');
    const short = await object(record.id, { reason: '不' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toHaveProperty('reason');
    expect((await object(record.id, { reason: '理由充分', householdId: 'x' })).status).toBe(400);
    const elsewhere = await w.call('POST', `/api/public/villages/${w.b.id}/board/${record.id}/objections`, {
      body: { reason: '跨村异议' },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('lets village staff log an objection phoned in by a villager', async () => {
    const record = await posted('游振林', 'ECO-SACRIFICE');
    const res = await w.call('POST', `${base}/point-records/${record.id}/object`, {
      token: w.a.recorderToken,
      body: { reason: '村民来电：重复登记', name: '李四' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('pending');
    expect(res.body.objections[0]).toMatchObject({
      reason: '村民来电：重复登记',
      byUserId: expect.any(String),
    });
  });
});

describe('the village → county lookup', () => {
  it('is backfilled for villages onboarded before the board existed', async () => {
    await w.db.doc.send(new DeleteCommand({ TableName: w.db.tableName, Key: keys.villageRef(w.b.id) }));
    const boardOfB = `/api/public/villages/${w.b.id}/board`;
    expect((await w.call('GET', boardOfB)).status).toBe(404);
    await backfillVillageRefs(w.db);
    const res = await w.call('GET', boardOfB);
    expect(res.status).toBe(200);
    expect(res.body.village).toMatchObject({ name: '新春村', countyName: '大方县', postingDays: 3 });
  });
});
