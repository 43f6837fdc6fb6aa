import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
let ruleSetId: string;
let villagerToken: string;
let villagerId: string;
const households: Record<string, string> = {};
const today = () => chinaDate(new Date());

const declare = (body: Record<string, unknown> = {}, idempotencyKey?: string) =>
  w.call('POST', `${base}/point-records`, {
    token: villagerToken,
    idempotencyKey,
    body: {
      programId,
      householdId: households.罗先和,
      ruleCode: 'ECO-SACRIFICE',
      occurredOn: today(),
      ...body,
    },
  });

const declarations = async (householdId = households.罗先和, token = villagerToken) =>
  w.call('GET', `${base}/households/${householdId}/declarations`, { token });

const pendingIds = async () =>
  (await w.call('GET', `${base}/point-records?status=pending`, { token: w.a.adminToken })).body.items.map(
    (r: { id: string }) => r.id,
  );

async function photoKey() {
  const slot = await w.call('POST', `${base}/uploads`, {
    token: villagerToken,
    body: { purpose: 'evidence', contentType: 'image/jpeg', size: 64 },
  });
  expect(slot.status, JSON.stringify(slot.body)).toBe(201);
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.body.upload.fields as Record<string, string>))
    form.append(name, value);
  form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), 'photo.jpg');
  const sent = await w.app.request(slot.body.upload.url, { method: 'POST', body: form });
  expect(sent.status).toBe(204);
  return slot.body.photoKey as string;
}

beforeAll(async () => {
  w = await buildWorld();
  base = `/api/villages/${w.a.id}`;
  const admin = { token: w.a.adminToken };
  programId = (await w.call('POST', `${base}/programs`, { ...admin, body: { name: '生态积分' } })).body.id;
  const set = await w.call('POST', `${base}/rule-sets`, {
    ...admin,
    body: { programId, name: '生态积分细则', templateId: 'builtin:dafang-eco' },
  });
  ruleSetId = set.body.id;
  await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
    ...admin,
    body: { effectiveFrom: today() },
  });
  expect((await w.call('PATCH', base, { ...admin, body: { postingDays: 0 } })).status).toBe(200);
  for (const [number, head] of [
    ['0001', '罗先和'],
    ['0002', '游振林'],
  ] as const) {
    const h = await w.call('POST', `${base}/households`, {
      ...admin,
      body: { number, group: '第一组', members: [{ name: head, relation: '户主' }] },
    });
    households[head] = h.body.id;
  }
  const villager = await w.call('POST', `${base}/users`, {
    ...admin,
    body: { username: '13800001111', name: '罗先和', role: 'villager', householdId: households.罗先和 },
  });
  expect(villager.status, JSON.stringify(villager.body)).toBe(201);
  expect(villager.body).toMatchObject({ role: 'villager', householdId: households.罗先和 });
  villagerId = villager.body.id;
  villagerToken = await w.tokenFor(villager.body);
});

describe('villager users', () => {
  it('knows its household from the user the admin linked, not from the token', async () => {
    const me = await w.call('GET', '/api/me', { token: villagerToken });
    expect(me.body).toMatchObject({ role: 'villager', villageId: w.a.id, householdId: households.罗先和 });
  });

  it('refuses a villager without a household, staff with one, and a household of another village', async () => {
    const add = (body: Record<string, unknown>, village = w.a) =>
      w.call('POST', `/api/villages/${village.id}/users`, {
        token: village.adminToken,
        body: { username: w.unique('vl'), name: '村民', ...body },
      });
    const without = await add({ role: 'villager' });
    expect(without).toMatchObject({ status: 400, body: { fields: { householdId: expect.any(String) } } });
    const staff = await add({ role: 'recorder', householdId: households.罗先和 });
    expect(staff).toMatchObject({ status: 400, body: { fields: { householdId: expect.any(String) } } });
    const foreign = await add({ role: 'villager', householdId: households.罗先和 }, w.b);
    expect(foreign.status).toBe(404);
  });

  it('moves a villager to another household but never leaves them without one', async () => {
    const path = `${base}/users/${villagerId}`;
    const unlink = await w.call('PATCH', path, { token: w.a.adminToken, body: { householdId: null } });
    expect(unlink).toMatchObject({ status: 400, body: { code: 'household_required' } });
    const me = await w.call('GET', '/api/me', { token: villagerToken });
    expect(me.body.householdId).toBe(households.罗先和);
  });
});

describe('declaring points (村民自主申报)', () => {
  it('lists only the rules villagers may declare, under the version in effect', async () => {
    const res = await w.call('GET', `${base}/households/${households.罗先和}/declarable-rules`, {
      token: villagerToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ programId, ruleSetId, version: 1, programName: '生态积分' });
    const codes = res.body.items[0].rules.map((r: { code: string }) => r.code);
    expect(codes).toEqual(['ECO-SACRIFICE', 'ECO-TRAVEL']);
  });

  it('estimates a declaration on the published rules, never on a draft', async () => {
    const preview = (version?: unknown) =>
      w.call('POST', `${base}/rule-sets/${ruleSetId}/preview`, {
        token: villagerToken,
        body: { ruleCode: 'ECO-SACRIFICE', version },
      });
    expect((await preview(1)).body).toMatchObject({ points: 5 });
    expect((await preview()).body).toMatchObject({ points: 5 });
    expect(await preview('draft')).toMatchObject({ status: 403, body: { code: 'draft_not_published' } });
  });

  it('declares for the own household: pending, self-declared, then approved onto the ledger', async () => {
    const evidence = [await photoKey()];
    const declared = await declare({ note: '清明节鲜花祭祀', evidence });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect(declared.body).toMatchObject({
      status: 'pending',
      selfDeclared: true,
      recordedBy: villagerId,
      recordedByName: '罗先和',
      estimate: 5,
      evidence,
    });
    expect(await pendingIds()).toContain(declared.body.id);
    const mine = await declarations();
    expect(mine.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [declared.body.id, 'pending'],
    ]);
    expect(mine.body.items[0].evidenceUrls).toHaveLength(1);

    const approved = await w.call('POST', `${base}/point-records/${declared.body.id}/approve`, {
      token: w.a.adminToken,
      body: {},
    });
    expect(approved.body).toMatchObject({ status: 'effective', points: 5, selfDeclared: true });
    const ledger = await w.call('GET', `${base}/households/${households.罗先和}/ledger`, {
      token: villagerToken,
    });
    expect(ledger.status).toBe(200);
    expect(ledger.body.accounts[0]).toMatchObject({ balance: 5, earned: 5 });
    expect(ledger.body.entries[0]).toMatchObject({ recordId: declared.body.id, kind: 'earn', points: 5 });
    expect((await declarations()).body.items[0]).toMatchObject({ status: 'effective', points: 5 });
    // The month's figures count the points, but no recorder stands behind a villager's own.
    const month = await w.db.doc.send(
      new GetCommand({
        TableName: w.db.tableName,
        Key: keys.villageMonthKey(w.x.id, w.a.id, today().slice(0, 7), programId),
      }),
    );
    expect(month.Item?.earned).toBeGreaterThanOrEqual(5);
    expect(Object.keys(month.Item ?? {})).not.toContain(`rec#${villagerId}`);
    const audit = await w.call('GET', `${base}/audit`, { token: w.a.adminToken });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'create', recordId: declared.body.id, byUserId: villagerId }),
    );
  });

  it('replays a declaration sent twice with the same Idempotency-Key', async () => {
    const key = crypto.randomUUID();
    const first = await declare({ ruleCode: 'ECO-TRAVEL', note: '骑车赶集' }, key);
    const again = await declare({ ruleCode: 'ECO-TRAVEL', note: '骑车赶集' }, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    const ids = (await declarations()).body.items.map((r: { id: string }) => r.id);
    expect(ids.filter((id: string) => id === first.body.id)).toHaveLength(1);
    const changed = await declare({ ruleCode: 'ECO-TRAVEL', note: '步行' }, key);
    expect(changed.status).toBe(409);
  });

  it('refuses a rule that does not allow it, another household and another village, writing nothing', async () => {
    const before = [await pendingIds(), (await declarations()).body.items.length];
    const rule = await declare({ ruleCode: 'ECO-FOREST', quantity: 20 });
    expect(rule).toMatchObject({ status: 403, body: { code: 'not_self_declarable' } });
    expect(rule.body.message).toMatch(/[\u4e00-\u9fff].*\(.+\)/);
    const other = await declare({ householdId: households.游振林 });
    expect(other).toMatchObject({ status: 403, body: { code: 'other_household' } });
    const village = await w.call('POST', `/api/villages/${w.b.id}/point-records`, {
      token: villagerToken,
      body: { programId, householdId: households.罗先和, ruleCode: 'ECO-SACRIFICE', occurredOn: today() },
    });
    expect(village.status).toBe(404);
    expect([await pendingIds(), (await declarations()).body.items.length]).toEqual(before);
  });
});

describe('what a villager may not do', () => {
  it('never approves, rejects or reverses, nor reads the queue, the roster or the audit log', async () => {
    const pending = (await declare({ ruleCode: 'ECO-TRAVEL' })).body.id;
    for (const [method, path, body] of [
      ['POST', `${base}/point-records/${pending}/approve`, {}],
      ['POST', `${base}/point-records/${pending}/reject`, { reason: '自己驳回' }],
      ['POST', `${base}/point-records/${pending}/reverse`, { reason: '自己冲正' }],
      ['POST', `${base}/point-records/batch`, { programId, month: '2026-01', cells: [] }],
      ['GET', `${base}/point-records`, undefined],
      ['GET', `${base}/households`, undefined],
      ['GET', `${base}/audit`, undefined],
      ['POST', `${base}/store/items`, { name: '大米', price: 10, unit: '袋' }],
    ] as const) {
      const res = await w.call(method, path, { token: villagerToken, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await pendingIds()).toContain(pending);
  });

  it('reads nothing of another household: not its page, ledger, declarations or rules', async () => {
    for (const what of ['', '/ledger', '/declarations', '/declarable-rules']) {
      const res = await w.call('GET', `${base}/households/${households.游振林}${what}`, {
        token: villagerToken,
      });
      expect(res, what).toMatchObject({ status: 403, body: { code: 'other_household' } });
    }
    const own = await w.call('GET', `${base}/households/${households.罗先和}`, { token: villagerToken });
    expect(own.body.headName).toBe('罗先和');
  });
});

describe('the approval queue', () => {
  it('answers a staff objection with the evidence URLs, as every record answer does', async () => {
    await w.call('PATCH', base, { token: w.a.adminToken, body: { postingDays: 3 } });
    const declared = await declare({ evidence: [await photoKey()] });
    await w.call('POST', `${base}/point-records/${declared.body.id}/approve`, {
      token: w.a.adminToken,
      body: {},
    });
    const objected = await w.call('POST', `${base}/point-records/${declared.body.id}/object`, {
      token: w.a.recorderToken,
      body: { reason: '村民来电：当天并未祭祀' },
    });
    expect(objected.status).toBe(200);
    expect(objected.body).toMatchObject({ status: 'pending', selfDeclared: true });
    expect(objected.body.evidenceUrls).toHaveLength(1);
  });
});
