import { publicRoutes } from '@xjf/api/public-routes';
import { beforeAll, describe, expect, it } from 'vitest';
import { foreignKeyToken } from '../support/app';
import { partnersAround } from '../support/partner-tokens';
import { sampleBodies, tenantWorld } from '../support/tenant-world';

let w: Awaited<ReturnType<typeof tenantWorld>>['w'];
let ruleSetOfC: Awaited<ReturnType<typeof tenantWorld>>['ofC'];
let urlInY: (path: string) => string;
let partners: Awaited<ReturnType<typeof partnersAround>>;
beforeAll(async () => {
  ({ w, ofC: ruleSetOfC, urlInY } = await tenantWorld());
  partners = await partnersAround(w, ruleSetOfC.householdId);
});

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
    [`/api/counties/${w.y.id}/programs`, w.y.adminToken],
    [`/api/villages/${w.c.id}/users`, w.c.adminToken],
    [`/api/villages/${w.c.id}/programs`, w.c.adminToken],
    [`/api/villages/${w.c.id}/rule-sets/${ruleSetOfC.ruleSetId}`, w.c.adminToken],
    [`/api/villages/${w.c.id}/households`, w.c.adminToken],
    [`/api/counties/${w.y.id}/partners`, w.y.adminToken],
    [`/api/villages/${w.c.id}/households/${ruleSetOfC.householdId}/consents`, w.c.adminToken],
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
      'county X partner': partners.inX.token,
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

  it('refuses every role a route does not admit, in its own county and village, and changes nothing', async () => {
    const doc = (await w.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown[] }>>;
    };
    // A closed route without allow(...) would let any signed-in role through: none may lack it.
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security?.length && !op['x-roles'])
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
    const clerk = await w.call('POST', `/api/villages/${w.c.id}/users`, {
      token: w.c.adminToken,
      body: { username: w.unique('clerk'), name: '店员', role: 'store_clerk' },
    });
    expect(clerk.status).toBe(201);
    const villager = await w.call('POST', `/api/villages/${w.c.id}/users`, {
      token: w.c.adminToken,
      body: { username: w.unique('vl'), name: '村民', role: 'villager', householdId: ruleSetOfC.householdId },
    });
    expect(villager.status).toBe(201);
    const staff: Record<string, string> = {
      county_admin: w.y.adminToken,
      county_official: w.y.officialToken,
      village_admin: w.c.adminToken,
      recorder: w.c.recorderToken,
      store_clerk: await w.tokenFor(clerk.body),
      platform_operator: w.operator,
      villager: await w.tokenFor(villager.body),
      // County Y's own partner: refused everywhere but /api/partner/*, which admits no one else.
      partner: partners.inY.token,
    };
    // The partner surface admits partners alone, and nothing else is for partners alone.
    const misplaced = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => path.startsWith('/api/partner/') !== (op['x-roles']?.join() === 'partner'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(misplaced).toEqual([]);
    const before = await snapshotOfY();
    let refused = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const admitted = op['x-roles'];
        if (!admitted) continue;
        const body = sampleBodies[`${method.toUpperCase()} ${path}`];
        for (const [role, token] of Object.entries(staff)) {
          if (admitted.includes(role)) continue;
          const res = await w.call(method.toUpperCase(), urlInY(path), { token, body });
          expect(res.status, `${role} → ${method.toUpperCase()} ${path}`).toBe(403);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(200);
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
    const forged = Buffer.from(JSON.stringify({ ...claims, villageId: w.b.id })).toString('base64url');
    const res = await w.call('GET', `/api/villages/${w.b.id}`, { token: `${header}.${forged}.${signature}` });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_token');
  });

  it('answers 401 for an expired token', async () => {
    const me = (await w.call('GET', '/api/me', { token: w.a.adminToken })).body;
    const expired = await w.issue(
      {
        sub: me.userId,
        username: me.username,
        name: me.name,
        role: 'village_admin',
        countyId: w.x.id,
        villageId: w.a.id,
      },
      new Date(Date.now() - 86_400_000),
      3600,
    );
    const res = await w.call('GET', villageRoute(), { token: expired });
    expect(res.status).toBe(401);
  });

  it('answers 401 for a token signed with another key', async () => {
    const token = await foreignKeyToken(w.identity.issuer, {
      sub: 'x',
      username: 'x',
      name: 'x',
      role: 'county_admin',
      countyId: w.x.id,
    });
    expect((await w.call('GET', `/api/counties/${w.x.id}`, { token })).status).toBe(401);
  });

  it('answers 401 for a village role token without a village', async () => {
    const token = await w.issue({
      sub: 'x',
      username: 'x',
      name: 'x',
      role: 'village_admin',
      countyId: w.x.id,
    });
    expect((await w.call('GET', villageRoute(), { token })).status).toBe(401);
  });

  it('answers 401 on every closed route without a token, with an expired one and with a tampered one', async () => {
    const doc = (await w.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const closed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security?.length)
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(closed.length).toBeGreaterThan(50);
    const me = (await w.call('GET', '/api/me', { token: w.y.adminToken })).body;
    const claims = {
      sub: me.userId,
      username: me.username,
      name: me.name,
      role: 'county_admin' as const,
      countyId: w.y.id,
    };
    const expired = await w.issue(claims, new Date(Date.now() - 86_400_000), 3600);
    const [header, payload, signature] = w.y.adminToken.split('.');
    const raised = {
      ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
      role: 'platform_operator',
    };
    const tampered = `${header}.${Buffer.from(JSON.stringify(raised)).toString('base64url')}.${signature}`;
    for (const { method, path } of closed) {
      const body = sampleBodies[`${method} ${path}`];
      for (const [what, token] of [
        ['no token', undefined],
        ['expired', expired],
        ['tampered', tampered],
      ]) {
        const res = await w.call(method, urlInY(path), { token, body });
        expect(res.status, `${what} → ${method} ${path}`).toBe(401);
      }
    }
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
    const documentedPublic = publicRoutes.map((r) => `${r.method} ${r.path}`);
    expect(open.sort()).toEqual(documentedPublic.sort());
  });
});
