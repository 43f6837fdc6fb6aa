import { getRecord } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
let now = new Date();
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
let households: string[];
const today = () => chinaDate(now);

async function record(householdId: string, ruleCode: string, quantity?: number, token = w.a.recorderToken) {
  const res = await w.call('POST', `${base}/point-records`, {
    token,
    body: { programId, householdId, ruleCode, quantity, occurredOn: today() },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const approve = (id: string, key?: string) =>
  w.call('POST', `${base}/point-records/${id}/approve`, {
    token: w.a.adminToken,
    body: {},
    idempotencyKey: key,
  });

async function ledger(householdId: string, asOf?: string) {
  const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  const res = await w.call('GET', `${base}/households/${householdId}/ledger${query}`, {
    token: w.a.recorderToken,
  });
  expect(res.status).toBe(200);
  return res.body;
}

const balanceOf = async (householdId: string) => (await ledger(householdId)).accounts[0]?.balance ?? 0;
const setPostingDays = (postingDays: number) =>
  w.call('PATCH', `/api/villages/${w.a.id}`, { token: w.a.adminToken, body: { postingDays } });

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  base = `/api/villages/${w.a.id}`;
  const admin = { token: w.a.adminToken };
  programId = (await w.call('POST', `${base}/programs`, { ...admin, body: { name: '生态积分' } })).body.id;
  const set = await w.call('POST', `${base}/rule-sets`, {
    ...admin,
    body: { programId, name: '生态积分细则', templateId: 'builtin:dafang-eco' },
  });
  await w.call('POST', `${base}/rule-sets/${set.body.id}/publish`, {
    ...admin,
    body: { effectiveFrom: today() },
  });
  households = [];
  for (const [number, head] of [
    ['0001', '游振林'],
    ['0002', '林茂平'],
    ['0003', '罗先和'],
    ['0004', '王国富'],
  ]) {
    const h = await w.call('POST', `${base}/households`, {
      ...admin,
      body: { number, group: '第一组', members: [{ name: head, relation: '户主' }] },
    });
    households.push(h.body.id);
  }
  expect((await setPostingDays(0)).status).toBe(200);
});

describe('points take effect on the ledger', () => {
  it('records 20 mu of under-forest planting as pending 100 points, then posts them on approval', async () => {
    const [you] = households;
    const pending = await record(you ?? '', 'ECO-FOREST', 20);
    expect(pending).toMatchObject({ status: 'pending', estimate: 100, ruleVersion: 1, headName: '游振林' });
    expect(await balanceOf(you ?? '')).toBe(0);
    const approved = await approve(pending.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'effective', points: 100 });
    const book = await ledger(you ?? '');
    expect(book.accounts[0]).toMatchObject({ balance: 100, earned: 100 });
    expect(book.entries[0]).toMatchObject({
      points: 100,
      ruleCode: 'ECO-FOREST',
      kind: 'earn',
    });
    expect(book.entries[0].explanation.zh).toBe('林下种植 20 亩 × 5 分/亩 = 100 分');
  });

  it('stops exactly at the yearly cap across records', async () => {
    const lin = households[1] ?? '';
    const first = await record(lin, 'ECO-FOREST', 30);
    const second = await record(lin, 'ECO-FOREST', 20);
    const third = await record(lin, 'ECO-FOREST', 1);
    expect((await approve(first.id)).body.points).toBe(150);
    expect((await approve(second.id)).body.points).toBe(50);
    const capped = await approve(third.id);
    expect(capped.body.points).toBe(0);
    expect(capped.body.explanation.zh).toContain('封顶 200 分');
    expect(await balanceOf(lin)).toBe(200);
  });

  it('posts a record once when 20 approvals race', async () => {
    const luo = households[2] ?? '';
    const pending = await record(luo, 'ECO-SACRIFICE');
    const answers = await Promise.all(Array.from({ length: 20 }, () => approve(pending.id)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const book = await ledger(luo);
    expect(book.accounts[0].balance).toBe(5);
    expect(book.entries).toHaveLength(1);
  });

  it('returns the first answer to a replayed approval and posts nothing more', async () => {
    const wang = households[3] ?? '';
    const pending = await record(wang, 'ECO-TRAVEL');
    const first = await approve(pending.id, 'approve-replay-001');
    const replay = await approve(pending.id, 'approve-replay-001');
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await balanceOf(wang)).toBe(20);
  });

  it('corrects with a reversing entry, once, keeping the original entry', async () => {
    const wang = households[3] ?? '';
    const book = await ledger(wang);
    const recordId = book.entries[0].recordId;
    const reversed = await w.call('POST', `${base}/point-records/${recordId}/reverse`, {
      token: w.a.adminToken,
      body: { reason: '重复登记' },
    });
    expect(reversed.body).toMatchObject({ status: 'reversed', reason: '重复登记' });
    const after = await ledger(wang);
    expect(after.accounts[0].balance).toBe(0);
    expect(after.entries.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([
      ['reversal', -20],
      ['earn', 20],
    ]);
    const again = await w.call('POST', `${base}/point-records/${recordId}/reverse`, {
      token: w.a.adminToken,
      body: { reason: '再冲一次' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('cannot_reverse');
  });

  it('deducts points for a violation', async () => {
    const you = households[0] ?? '';
    const pending = await record(you, 'ECO-BURN');
    expect((await approve(pending.id)).body.points).toBe(-10);
    expect(await balanceOf(you)).toBe(90);
  });
});

describe('public posting (公示)', () => {
  it('keeps approved points on the notice board until the window ends, then posts them', async () => {
    expect((await setPostingDays(3)).status).toBe(200);
    const luo = households[2] ?? '';
    const pending = await record(luo, 'ECO-SACRIFICE');
    const posted = await approve(pending.id);
    expect(posted.body).toMatchObject({ status: 'posted' });
    expect(await balanceOf(luo)).toBe(5);
    const before = now;
    now = new Date(before.getTime() + 3 * DAY + 60_000);
    try {
      // History lists newest first: the record that just took effect heads it.
      const effective = await w.call('GET', `${base}/point-records?status=effective&limit=1`, {
        token: w.a.adminToken,
      });
      expect(effective.body.items.map((r: { id: string }) => r.id)).toEqual([pending.id]);
      expect(await balanceOf(luo)).toBe(10);
      const book = await ledger(luo, before.toISOString());
      expect(book.accounts[0].balanceAsOf).toBe(5);
    } finally {
      now = before;
      await setPostingDays(0);
    }
  });
});

describe('a household’s ledger settles what fell due', () => {
  it('shows a posting whose window ended in the household’s very first read, and settles the village’s others', async () => {
    const admin = { token: w.a.adminToken };
    const [mine, theirs] = await Promise.all(
      [
        ['0005', '周德明'],
        ['0006', '赵春兰'],
      ].map(async ([number, head]) => {
        const h = await w.call('POST', `${base}/households`, {
          ...admin,
          body: { number, group: '第二组', members: [{ name: head, relation: '户主' }] },
        });
        return h.body.id as string;
      }),
    );
    expect((await setPostingDays(2)).status).toBe(200);
    const records = [await record(mine ?? '', 'ECO-SACRIFICE'), await record(theirs ?? '', 'ECO-SACRIFICE')];
    for (const r of records) expect((await approve(r.id)).body.status).toBe('posted');
    const before = now;
    now = new Date(before.getTime() + 2 * DAY + 60_000);
    try {
      // No other read runs first: this read finds its own posting due, settles it, and shows it.
      const book = await ledger(mine ?? '');
      expect(book.accounts[0]).toMatchObject({ balance: 5, earned: 5 });
      expect(book.entries).toMatchObject([{ recordId: records[0]?.id, kind: 'earn', points: 5 }]);
      // The same read settled the other household's due posting too (read from the table: every
      // API read would settle it itself).
      const other = await getRecord(w.db, { countyId: w.x.id, villageId: w.a.id }, records[1]?.id ?? '');
      expect(other).toMatchObject({ status: 'effective', points: 5 });
      expect(await balanceOf(theirs ?? '')).toBe(5);
    } finally {
      now = before;
      await setPostingDays(0);
    }
  });
});

describe('approval rules and bad input', () => {
  it('refuses to let anyone approve a record they made', async () => {
    const own = await record(households[0] ?? '', 'ECO-TRAVEL', undefined, w.a.adminToken);
    const res = await approve(own.id);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('self_approval');
  });

  it('refuses a reversal of a pending record', async () => {
    const pending = await record(households[0] ?? '', 'ECO-SACRIFICE');
    const res = await w.call('POST', `${base}/point-records/${pending.id}/reverse`, {
      token: w.a.adminToken,
      body: { reason: '不该冲正' },
    });
    expect(res.status).toBe(409);
  });

  it('names the field for a rule outside the active set, a missing quantity and a future date', async () => {
    const send = (body: Record<string, unknown>) =>
      w.call('POST', `${base}/point-records`, {
        token: w.a.recorderToken,
        body: { programId, householdId: households[0], occurredOn: today(), ...body },
      });
    expect((await send({ ruleCode: 'NOPE' })).body.fields).toHaveProperty('ruleCode');
    expect((await send({ ruleCode: 'ECO-FOREST' })).body.fields).toHaveProperty('quantity');
    const future = await send({
      ruleCode: 'ECO-TRAVEL',
      occurredOn: chinaDate(new Date(now.getTime() + 2 * DAY)),
    });
    expect(future.status).toBe(400);
    expect(future.body.fields).toHaveProperty('occurredOn');
  });

  it('answers 404 for a household of another village and writes nothing', async () => {
    const before = await w.call('GET', `${base}/point-records`, { token: w.a.adminToken });
    const other = await w.call('POST', `/api/villages/${w.b.id}/households`, {
      token: w.b.adminToken,
      body: { number: '0001', group: '第一组', members: [{ name: '外村人', relation: '户主' }] },
    });
    const res = await w.call('POST', `${base}/point-records`, {
      token: w.a.recorderToken,
      body: { programId, householdId: other.body.id, ruleCode: 'ECO-TRAVEL', occurredOn: today() },
    });
    expect(res.status).toBe(404);
    const after = await w.call('GET', `${base}/point-records`, { token: w.a.adminToken });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});
