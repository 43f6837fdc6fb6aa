import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@xjf/data';
import { chinaDate, MAX_PHOTO_BYTES } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const MINUTE = 60_000;
let now = new Date();
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
let clerkToken: string;
const households: Record<string, string> = {};

/** A few bytes that start like a JPEG: the store keeps bytes, it never decodes them. */
const photo = (size = 64) => {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7) % 251);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};

type Slot = { photoKey: string; upload: { url: string; method: string; fields: Record<string, string> } };

async function slot(body: Record<string, unknown>, token = w.a.recorderToken, village = w.a.id) {
  const res = await w.call('POST', `/api/villages/${village}/uploads`, {
    token,
    body: { purpose: 'evidence', contentType: 'image/jpeg', size: 64, ...body },
  });
  return res;
}

async function newSlot(body: Record<string, unknown> = {}, token?: string, village?: string) {
  const res = await slot(body, token, village);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Slot;
}

/** What the browser does with a slot: a form POST of its fields, then the file. */
async function send(s: Slot, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...s.upload.fields, ...fields })) form.append(name, value);
  form.append('file', new Blob([bytes]), 'photo.jpg');
  const res = await w.app.request(s.upload.url, { method: s.upload.method, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function uploaded(body: Record<string, unknown> = {}, token?: string, village?: string) {
  const s = await newSlot(body, token, village);
  expect((await send(s, photo())).status).toBe(204);
  return s.photoKey;
}

const record = (householdId: string | undefined, evidence?: unknown) =>
  w.call('POST', `${base}/point-records`, {
    token: w.a.recorderToken,
    body: { programId, householdId, ruleCode: 'ECO-SACRIFICE', occurredOn: chinaDate(now), evidence },
  });

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
    body: { effectiveFrom: chinaDate(now) },
  });
  await w.call('PATCH', base, { ...admin, body: { postingDays: 0 } });
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
  const clerk = await w.call('POST', `${base}/users`, {
    ...admin,
    body: { username: w.unique('ck'), name: '保管员', role: 'store_clerk' },
  });
  clerkToken = await w.tokenFor(clerk.body);
});

describe('evidence photos', () => {
  it('uploads to a signed slot, keeps the photo with the record and serves it back', async () => {
    const s = await newSlot();
    expect(s.photoKey).toMatch(new RegExp(`^photos/${w.x.id}/${w.a.id}/evidence/\\w{32}\\.jpg$`));
    expect(s.upload.fields).toMatchObject({ key: s.photoKey, 'Content-Type': 'image/jpeg' });
    const bytes = photo();
    expect((await send(s, bytes)).status).toBe(204);

    const created = await record(households.罗先和, [s.photoKey]);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.evidence).toEqual([s.photoKey]);
    const pending = await w.call('GET', `${base}/point-records?status=pending`, { token: w.a.adminToken });
    const listed = pending.body.items.find((r: { id: string }) => r.id === created.body.id);
    expect(listed.evidenceUrls).toHaveLength(1);

    const shown = await w.app.request(listed.evidenceUrls[0]);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a file bigger than the slot, a type other than signed, and a forged signature', async () => {
    const small = await newSlot({ size: 10 });
    expect(await send(small, photo(11))).toMatchObject({ status: 400, body: { code: 'too_large' } });
    const png = await newSlot({ contentType: 'image/png' });
    expect(await send(png, photo(), { 'Content-Type': 'image/jpeg' })).toMatchObject({
      status: 403,
      body: { code: 'upload_mismatch' },
    });
    const other = await newSlot();
    expect(await send(other, photo(), { key: png.photoKey })).toMatchObject({ status: 403 });
    expect(await send(other, photo(), { signature: 'forged' })).toMatchObject({
      status: 403,
      body: { code: 'invalid_signature' },
    });
  });

  it('refuses slots for other types, oversized files and the wrong role', async () => {
    const gif = await slot({ contentType: 'image/gif' });
    expect(gif.status).toBe(400);
    expect(gif.body.fields).toHaveProperty('contentType');
    const huge = await slot({ size: MAX_PHOTO_BYTES + 1 });
    expect(huge.status).toBe(400);
    expect(huge.body.fields).toHaveProperty('size');
    expect((await slot({}, clerkToken)).status).toBe(403);
    expect((await slot({ purpose: 'item' }, w.a.recorderToken)).status).toBe(403);
    expect((await slot({}, w.x.officialToken)).status).toBe(403);
  });

  it('lets an upload slot and a view link expire', async () => {
    const s = await newSlot();
    const late = new Date(now.getTime() + 16 * MINUTE);
    const before = now;
    now = late;
    try {
      expect(await send(s, photo())).toMatchObject({ status: 403, body: { code: 'upload_expired' } });
    } finally {
      now = before;
    }
    const created = await record(households.罗先和, [await uploaded()]);
    now = late;
    try {
      const stale = await w.app.request(created.body.evidenceUrls[0]);
      expect(stale.status).toBe(403);
      // A fresh read signs a fresh link.
      const pending = await w.call('GET', `${base}/point-records`, { token: w.a.adminToken });
      const again = pending.body.items.find((r: { id: string }) => r.id === created.body.id);
      expect((await w.app.request(again.evidenceUrls[0])).status).toBe(200);
    } finally {
      now = before;
    }
  });

  it("refuses another village's photo, a store photo and more than three, writing nothing", async () => {
    const inB = await uploaded({}, w.b.recorderToken, w.b.id);
    const item = await uploaded({ purpose: 'item' }, w.a.adminToken);
    const mine = await uploaded();
    const before = await w.call('GET', `${base}/point-records`, { token: w.a.adminToken });
    const foreign = await record(households.罗先和, [mine, inB]);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      code: 'invalid_photo',
      fields: { 'evidence.1': expect.any(String) },
    });
    expect((await record(households.罗先和, [item])).body.fields).toHaveProperty('evidence.0');
    expect((await record(households.罗先和, ['../../etc/passwd'])).status).toBe(400);
    expect((await record(households.罗先和, [mine, mine, mine, mine])).status).toBe(400);
    const after = await w.call('GET', `${base}/point-records`, { token: w.a.adminToken });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});

describe('store item photos', () => {
  it('shows an uploaded photo on the catalog and takes it off again', async () => {
    const photoKey = await uploaded({ purpose: 'item' }, clerkToken);
    const created = await w.call('POST', `${base}/store/items`, {
      token: clerkToken,
      body: { name: '大米', price: 10, unit: '袋', photoKey },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const catalog = await w.call('GET', `${base}/store/items`, { token: w.a.recorderToken });
    const rice = catalog.body.items.find((i: { id: string }) => i.id === created.body.id);
    expect(rice.photoKey).toBe(photoKey);
    expect((await w.app.request(rice.photoUrl)).status).toBe(200);

    const cleared = await w.call('PATCH', `${base}/store/items/${created.body.id}`, {
      token: clerkToken,
      body: { photoKey: null },
    });
    expect(cleared.body.photoKey).toBeUndefined();
    expect(cleared.body.photoUrl).toBeUndefined();
  });

  it('refuses an evidence photo or a foreign key as an item photo', async () => {
    const evidence = await uploaded();
    const refused = await w.call('POST', `${base}/store/items`, {
      token: clerkToken,
      body: { name: '食用油', price: 30, unit: '瓶', photoKey: evidence },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 'invalid_photo', fields: { photoKey: expect.any(String) } },
    });
    const url = await w.call('POST', `${base}/store/items`, {
      token: clerkToken,
      body: { name: '食用油', price: 30, unit: '瓶', photoUrl: 'https://example.com/oil.jpg' },
    });
    expect(url.status).toBe(400);
  });
});

describe('own household', () => {
  it("refuses an admin's approval of their own household's points, and counts it", async () => {
    const me = await w.call('GET', '/api/me', { token: w.a.adminToken });
    const link = (householdId: string | null) =>
      w.call('PATCH', `${base}/users/${me.body.userId}`, { token: w.a.adminToken, body: { householdId } });
    const linked = await link(households.罗先和 ?? '');
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.householdId).toBe(households.罗先和);
    const users = await w.call('GET', `${base}/users`, { token: w.a.adminToken });
    expect(users.body.items.find((u: { id: string }) => u.id === me.body.userId).householdId).toBe(
      households.罗先和,
    );

    const own = await record(households.罗先和);
    const other = await record(households.游振林);
    const approve = (id: string) =>
      w.call('POST', `${base}/point-records/${id}/approve`, { token: w.a.adminToken, body: {} });
    const refused = await approve(own.body.id);
    expect(refused).toMatchObject({ status: 403, body: { code: 'own_household' } });
    expect((await approve(other.body.id)).body.status).toBe('effective');
    const month = keys.villageMonthKey(w.x.id, w.a.id, chinaDate(now).slice(0, 7), programId);
    const counted = await w.db.doc.send(new GetCommand({ TableName: w.db.tableName, Key: month }));
    expect(counted.Item?.refusedSelfApprovals).toBe(1);

    expect((await link(null)).body.householdId).toBeUndefined();
    expect((await approve(own.body.id)).body.status).toBe('effective');
  });

  it('links only households of the village, and only the village admin links', async () => {
    const me = await w.call('GET', '/api/me', { token: w.a.recorderToken });
    const path = `${base}/users/${me.body.userId}`;
    const elsewhere = await w.call('POST', `/api/villages/${w.b.id}/households`, {
      token: w.b.adminToken,
      body: { number: '0001', group: '第一组', members: [{ name: '李四', relation: '户主' }] },
    });
    const foreign = await w.call('PATCH', path, {
      token: w.a.adminToken,
      body: { householdId: elsewhere.body.id },
    });
    expect(foreign.status).toBe(404);
    const byRecorder = await w.call('PATCH', path, {
      token: w.a.recorderToken,
      body: { householdId: households.游振林 },
    });
    expect(byRecorder.status).toBe(403);
    const unknownUser = await w.call('PATCH', `${base}/users/0000000000000000`, {
      token: w.a.adminToken,
      body: { householdId: null },
    });
    expect(unknownUser.status).toBe(404);
  });
});
