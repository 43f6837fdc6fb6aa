import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  w = await buildWorld();
});

async function villageCount() {
  return (await w.call('GET', `/api/counties/${w.x.id}/villages`, { token: w.x.adminToken })).body.items
    .length;
}

describe('bad input gets a clear error and writes nothing', () => {
  it('rejects unknown fields instead of storing them', async () => {
    const res = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { population: 10, countyId: w.y.id, isAdmin: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Object.keys(res.body.fields).sort()).toEqual(['countyId', 'isAdmin']);
    const v = await w.call('GET', `/api/villages/${w.a.id}`, { token: w.a.adminToken });
    expect(v.body.countyId).toBe(w.x.id);
    expect(v.body).not.toHaveProperty('isAdmin');
  });

  it('names the field at fault in nested bodies', async () => {
    const before = await villageCount();
    const res = await w.call('POST', '/api/onboarding/villages', {
      body: {
        inviteCode: 'ABCDEFGHJK',
        village: { name: '  ', householdCount: -3 },
        admin: { username: '1x', name: '某', phone: '123' },
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'admin.phone',
      'admin.username',
      'village.householdCount',
      'village.name',
    ]);
    expect(await villageCount()).toBe(before);
  });

  it('answers 400 for malformed JSON and for a missing body', async () => {
    const malformed = await w.app.request(`/api/counties/${w.x.id}/townships`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.x.adminToken}`,
        'content-type': 'application/json',
        'idempotency-key': 'malformed-0001',
      },
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'malformed_request' });
    const missing = await w.call('POST', `/api/counties/${w.x.id}/townships`, { token: w.x.adminToken });
    expect(missing.status).toBe(400);
  });

  it('answers 400 for a malformed path id and query', async () => {
    const badId = await w.call('GET', '/api/villages/not-an-id', { token: w.a.adminToken });
    expect(badId.status).toBe(400);
    expect(badId.body.fields).toHaveProperty('villageId');
    const badLimit = await w.call('GET', `/api/counties/${w.x.id}/villages?limit=100000`, {
      token: w.x.adminToken,
    });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.fields).toHaveProperty('limit');
    const unknown = await w.call('GET', `/api/counties/${w.x.id}/villages?drop=table`, {
      token: w.x.adminToken,
    });
    expect(unknown.status).toBe(400);
  });

  it('rejects names with control characters and overlong text', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '凤山\u202e乡' },
    });
    expect(res.status).toBe(400);
    const long = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '乡'.repeat(31) },
    });
    expect(long.status).toBe(400);
    expect(long.body.fields.name).toContain('30');
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { description: 'x'.repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await w.call('GET', '/api/nothing-here', { token: w.a.adminToken });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });

  it('answers an invite for a township of another county with 404 and writes nothing', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/invites`, {
      token: w.x.adminToken,
      body: { townshipId: w.y.township.id },
    });
    expect(res.status).toBe(404);
    const invites = await w.call('GET', `/api/counties/${w.x.id}/invites`, { token: w.x.adminToken });
    expect(invites.body.items.every((i: { townshipId: string }) => i.townshipId === w.x.township.id)).toBe(
      true,
    );
  });
});
