import { publicRoutes } from '@xjf/api/public-routes';
import { chinaDate } from '@xjf/domain';
import { devTokens } from '@xjf/http';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET } from '../support/app';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
/** Village C's rule set, published once, so rule routes have something to refuse. */
let ruleSetOfC: {
  programId: string;
  ruleSetId: string;
  householdId: string;
  recordId: string;
  itemId: string;
  redemptionId: string;
};
beforeAll(async () => {
  w = await buildWorld();
  const program = await w.call('POST', `/api/villages/${w.c.id}/programs`, {
    token: w.c.adminToken,
    body: { name: '志愿服务积分' },
  });
  const ruleSet = await w.call('POST', `/api/villages/${w.c.id}/rule-sets`, {
    token: w.c.adminToken,
    body: { programId: program.body.id, name: '音寨村细则', templateId: 'builtin:yinzhai-volunteer' },
  });
  const published = await w.call('POST', `/api/villages/${w.c.id}/rule-sets/${ruleSet.body.id}/publish`, {
    token: w.c.adminToken,
    body: { effectiveFrom: chinaDate(new Date()) },
  });
  expect([program.status, ruleSet.status, published.status]).toEqual([201, 201, 201]);
  const household = await w.call('POST', `/api/villages/${w.c.id}/households`, {
    token: w.c.adminToken,
    body: { number: '0001', group: '第一组', members: [{ name: '罗文军', relation: '户主' }] },
  });
  expect(household.status).toBe(201);
  const record = await w.call('POST', `/api/villages/${w.c.id}/point-records`, {
    token: w.c.recorderToken,
    body: {
      programId: program.body.id,
      householdId: household.body.id,
      ruleCode: 'VOL-EVENT',
      occurredOn: chinaDate(new Date()),
    },
  });
  expect(record.status).toBe(201);
  const store = await storeOfC(program.body.id, household.body.id);
  ruleSetOfC = {
    programId: program.body.id,
    ruleSetId: ruleSet.body.id,
    householdId: household.body.id,
    recordId: record.body.id,
    ...store,
  };
});

/** Village C's store with one item and one sale, so store routes have something to refuse. */
async function storeOfC(programId: string, householdId: string) {
  const c = async (method: string, path: string, body: unknown, token = w.c.adminToken) => {
    const res = await w.call(method, `/api/villages/${w.c.id}${path}`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  await c('PATCH', '', { postingDays: 0 });
  const earned = await c(
    'POST',
    '/point-records',
    { programId, householdId, ruleCode: 'VOL-EVENT', occurredOn: chinaDate(new Date()) },
    w.c.recorderToken,
  );
  await c('POST', `/point-records/${earned.id}/approve`, {});
  await c('PUT', '/store/settings', {
    programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  const item = await c('POST', '/store/items', { name: '肥皂', price: 5, unit: '块' });
  await c('POST', `/store/items/${item.id}/stock-movements`, {
    kind: 'intake',
    quantity: 10,
    source: 'donation',
  });
  const sale = await c('POST', '/redemptions', {
    householdId,
    lines: [{ itemId: item.id, quantity: 1, price: 5 }],
  });
  return { itemId: item.id as string, redemptionId: sale.id as string };
}

/** A valid body for each effectful route, so refusals come from scope, not from validation. */
const sampleBodies: Record<string, unknown> = {
  'POST /api/counties/{countyId}/townships': { name: '外来乡' },
  'POST /api/counties/{countyId}/invites': { townshipId: '0000000000000000' },
  'POST /api/counties/{countyId}/users': { username: 'intruder', name: '外人', role: 'county_official' },
  'POST /api/villages/{villageId}/users': { username: 'intruder', name: '外人', role: 'recorder' },
  'PATCH /api/villages/{villageId}': { name: '被改名村' },
  'POST /api/villages/{villageId}/programs': { name: '外来项目' },
  'PATCH /api/villages/{villageId}/programs/{programId}': { expiry: { kind: 'annual', on: '01-01' } },
  'POST /api/villages/{villageId}/rule-sets': { programId: '0000000000000000', name: '外来细则' },
  'PUT /api/villages/{villageId}/rule-sets/{ruleSetId}': {
    content: { categories: [], rules: [] },
    baseVersion: 1,
  },
  'POST /api/villages/{villageId}/rule-sets/{ruleSetId}/publish': { effectiveFrom: '2030-01-01' },
  'POST /api/villages/{villageId}/rule-sets/{ruleSetId}/preview': { ruleCode: 'VOL-EVENT' },
  'PUT /api/villages/{villageId}/rule-sets/{ruleSetId}/rows': {
    rows: [{ code: 'X', name: '外来', category: '外', kind: '固定', points: 1 }],
    baseVersion: 1,
  },
  'POST /api/villages/{villageId}/households': {
    number: '9999',
    group: '外组',
    members: [{ name: '外人', relation: '户主' }],
  },
  'POST /api/villages/{villageId}/households/import': {
    rows: [{ number: '9999', group: '外组', name: '外人', relation: '户主' }],
  },
  'POST /api/villages/{villageId}/point-records/import': {
    programId: '0000000000000000',
    rows: [{ household: '0001', ruleCode: 'VOL-EVENT', date: '2026-01-01' }],
  },
  'POST /api/villages/{villageId}/point-records/batch': {
    programId: '0000000000000000',
    month: '2026-01',
    cells: [{ householdId: '0000000000000000', ruleCode: 'VOL-EVENT' }],
  },
  'POST /api/villages/{villageId}/point-records': {
    programId: '0000000000000000',
    householdId: '0000000000000000',
    ruleCode: 'VOL-EVENT',
    occurredOn: '2026-01-01',
  },
  'POST /api/villages/{villageId}/point-records/{recordId}/approve': {},
  'POST /api/villages/{villageId}/point-records/{recordId}/reject': { reason: '外来驳回' },
  'POST /api/villages/{villageId}/point-records/{recordId}/reverse': { reason: '外来冲正' },
  'POST /api/villages/{villageId}/point-records/{recordId}/object': { reason: '外来异议' },
  'POST /api/public/villages/{villageId}/board/{recordId}/objections': { reason: '公众异议' },
  'POST /api/villages/{villageId}/store/items': { name: '外来商品', price: 1, unit: '个' },
  'PATCH /api/villages/{villageId}/store/items/{itemId}': { price: 1 },
  'POST /api/villages/{villageId}/store/items/{itemId}/stock-movements': {
    kind: 'adjustment',
    delta: -1,
    reason: '外来盘亏',
  },
  'PUT /api/villages/{villageId}/store/settings': {
    programId: '0000000000000000',
    cancelWithinDays: 0,
    redemptionDays: { restricted: true },
  },
  'POST /api/villages/{villageId}/redemptions': {
    householdId: '0000000000000000',
    lines: [{ itemId: '0000000000000000', quantity: 1, price: 5 }],
  },
  'POST /api/villages/{villageId}/redemptions/{redemptionId}/cancel': { reason: '外来撤销' },
  'POST /api/counties/{countyId}/rule-templates': {
    name: '外来模板',
    content: { categories: [], rules: [] },
  },
};

/** Path and query values that point into county Y and village C. */
function urlInY(path: string) {
  const url = path
    .replace('{countyId}', w.y.id)
    .replace('{villageId}', w.c.id)
    .replace('{ruleSetId}', ruleSetOfC.ruleSetId)
    .replace('{version}', '1')
    .replace('{householdId}', ruleSetOfC.householdId)
    .replace('{recordId}', ruleSetOfC.recordId)
    .replace('{programId}', ruleSetOfC.programId)
    .replace('{itemId}', ruleSetOfC.itemId)
    .replace('{redemptionId}', ruleSetOfC.redemptionId);
  return url.endsWith('/rule-sets/active') ? `${url}?program=${ruleSetOfC.programId}` : url;
}

/**
 * Every tenant-scoped route of the API, read from the OpenAPI document so a new route cannot be
 * missed. The public notice board is open to everyone by design, so it is not in the matrix.
 */
async function scopedRoutes(options: { withPublic?: boolean } = {}) {
  const doc = (await w.call('GET', '/api/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter(() => path.includes('{countyId}') || path.includes('{villageId}'))
      .filter(() => options.withPublic || !path.startsWith('/api/public/'))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/** Everything county Y and village C hold, as their own admins read it. */
async function snapshotOfY() {
  const reads = [
    [`/api/counties/${w.y.id}`, w.y.adminToken],
    [`/api/counties/${w.y.id}/townships`, w.y.adminToken],
    [`/api/counties/${w.y.id}/villages`, w.y.adminToken],
    [`/api/counties/${w.y.id}/users`, w.y.adminToken],
    [`/api/counties/${w.y.id}/rule-templates`, w.y.adminToken],
    [`/api/villages/${w.c.id}/users`, w.c.adminToken],
    [`/api/villages/${w.c.id}/programs`, w.c.adminToken],
    [`/api/villages/${w.c.id}/rule-sets/${ruleSetOfC.ruleSetId}`, w.c.adminToken],
    [`/api/villages/${w.c.id}/households`, w.c.adminToken],
    [`/api/villages/${w.c.id}/point-records`, w.c.adminToken],
    [`/api/villages/${w.c.id}/households/${ruleSetOfC.householdId}/ledger`, w.c.adminToken],
    [`/api/villages/${w.c.id}/audit`, w.c.adminToken],
    [`/api/villages/${w.c.id}/store/items`, w.c.adminToken],
    [`/api/villages/${w.c.id}/store/items/${ruleSetOfC.itemId}/stock-movements`, w.c.adminToken],
    [`/api/villages/${w.c.id}/store/settings`, w.c.adminToken],
    [`/api/villages/${w.c.id}/redemptions/${ruleSetOfC.redemptionId}`, w.c.adminToken],
  ] as const;
  const answers = await Promise.all(reads.map(([path, token]) => w.call('GET', path, { token })));
  return JSON.stringify(answers.map((a) => a.body));
}

describe('tenant isolation', () => {
  it('covers every tenant-scoped route in the matrix', async () => {
    const routes = await scopedRoutes({ withPublic: true });
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes.filter((r) => r.method !== 'GET')) {
      expect(sampleBodies, `add a sample body for ${r.method} ${r.path}`).toHaveProperty(
        `${r.method} ${r.path}`,
      );
    }
  });

  it("refuses county X's staff and village A's staff on every route of county Y and village C, and changes nothing", async () => {
    const before = await snapshotOfY();
    const intruders = {
      'county X admin': w.x.adminToken,
      'county X official': w.x.officialToken,
      'village A admin': w.a.adminToken,
      'village A recorder': w.a.recorderToken,
    };
    for (const { method, path } of await scopedRoutes()) {
      const url = urlInY(path);
      for (const [who, token] of Object.entries(intruders)) {
        const res = await w.call(method, url, { token, body: sampleBodies[`${method} ${path}`] });
        expect([403, 404], `${who} → ${method} ${url}: ${res.status}`).toContain(res.status);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain(w.y.id);
        expect(text).not.toContain('贵定县');
      }
    }
    expect(await snapshotOfY()).toBe(before);
  });

  it("refuses village A's admin on village B of the same county", async () => {
    for (const [method, path, body] of [
      ['GET', `/api/villages/${w.b.id}`, undefined],
      ['PATCH', `/api/villages/${w.b.id}`, { name: '改名村' }],
      ['GET', `/api/villages/${w.b.id}/users`, undefined],
      ['POST', `/api/villages/${w.b.id}/users`, { username: 'sneaky', name: '外人', role: 'recorder' }],
    ] as const) {
      const res = await w.call(method, path, { token: w.a.adminToken, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const b = await w.call('GET', `/api/villages/${w.b.id}`, { token: w.b.adminToken });
    expect(b.body.name).toBe('新春村');
  });

  it("shows a county official only their own county's villages", async () => {
    const res = await w.call('GET', `/api/counties/${w.x.id}/villages`, { token: w.x.officialToken });
    const ids = res.body.items.map((v: { id: string }) => v.id);
    expect(ids).toEqual(expect.arrayContaining([w.a.id, w.b.id]));
    expect(ids).not.toContain(w.c.id);
  });

  it("refuses a cursor crafted to page into another county's partition", async () => {
    const forged = Buffer.from(JSON.stringify({ PK: `C#${w.y.id}`, SK: 'VILLAGE#' })).toString('base64url');
    const res = await w.call('GET', `/api/counties/${w.x.id}/villages?cursor=${forged}`, {
      token: w.x.adminToken,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_cursor');
  });
});

describe('authentication', () => {
  const villageRoute = () => `/api/villages/${w.a.id}`;

  it('answers 401 without a token', async () => {
    const res = await w.call('GET', villageRoute());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('answers 401 for a tampered token', async () => {
    const [header, payload, signature] = w.a.adminToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'custom:villageId': w.b.id })).toString(
      'base64url',
    );
    const res = await w.call('GET', `/api/villages/${w.b.id}`, { token: `${header}.${forged}.${signature}` });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_token');
  });

  it('answers 401 for an expired token', async () => {
    const tokens = devTokens(SECRET);
    const me = (await w.call('GET', '/api/me', { token: w.a.adminToken })).body;
    const expired = await tokens.issue(
      {
        sub: me.userId,
        'cognito:username': me.username,
        name: me.name,
        'custom:role': 'village_admin',
        'custom:userId': me.userId,
        'custom:countyId': w.x.id,
        'custom:villageId': w.a.id,
      },
      new Date(Date.now() - 86_400_000),
      3600,
    );
    const res = await w.call('GET', villageRoute(), { token: expired });
    expect(res.status).toBe(401);
  });

  it('answers 401 for a token signed with another key', async () => {
    const other = devTokens('another-secret');
    const token = await other.issue(
      {
        sub: 'x',
        'cognito:username': 'x',
        name: 'x',
        'custom:role': 'county_admin',
        'custom:userId': 'x',
        'custom:countyId': w.x.id,
      },
      new Date(),
    );
    expect((await w.call('GET', `/api/counties/${w.x.id}`, { token })).status).toBe(401);
  });

  it('answers 401 for a village role token without a village', async () => {
    const token = await devTokens(SECRET).issue(
      {
        sub: 'x',
        'cognito:username': 'x',
        name: 'x',
        'custom:role': 'village_admin',
        'custom:userId': 'x',
        'custom:countyId': w.x.id,
      },
      new Date(),
    );
    expect((await w.call('GET', villageRoute(), { token })).status).toBe(401);
  });

  it('keeps the public routes public and every other route closed', async () => {
    const doc = (await w.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const open = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => !op.security?.length)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .filter((route) => !route.includes('/api/dev/'));
    const documentedPublic = publicRoutes
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.endsWith('/openapi.json') && !r.endsWith('/docs'));
    expect(open.sort()).toEqual(documentedPublic.sort());
  });
});
