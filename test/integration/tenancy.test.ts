import { TAKEN } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  w = await buildWorld();
});

describe('county, townships and villages', () => {
  it('lists the villages a county onboarded, with their township', async () => {
    const res = await w.call('GET', `/api/counties/${w.x.id}/villages`, { token: w.x.officialToken });
    expect(res.status).toBe(200);
    expect(res.body.items.map((v: { name: string }) => v.name).sort()).toEqual(['新春村', '银川村']);
    expect(res.body.items[0]).toMatchObject({ countyId: w.x.id, townshipName: '凤山乡' });
  });

  it('filters villages by township', async () => {
    const other = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '羊场镇' },
    });
    expect(other.status).toBe(201);
    const res = await w.call('GET', `/api/counties/${w.x.id}/villages?townshipId=${other.body.id}`, {
      token: w.x.adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses a second township of the same name in a county', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '凤山乡' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'township_name_taken', fields: { name: TAKEN } });
  });

  it('lets a county official read but not issue invite codes', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/invites`, {
      token: w.x.officialToken,
      body: { townshipId: w.x.township.id },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('lists invite codes newest first with their status', async () => {
    const res = await w.call('GET', `/api/counties/${w.x.id}/invites`, { token: w.x.adminToken });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.every((i: { status: string }) => i.status === 'used')).toBe(true);
    expect(res.body.items[0].createdAt >= res.body.items[1].createdAt).toBe(true);
  });

  it('lets a village admin edit the village profile and keeps the name unique in the township', async () => {
    const edit = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { population: 1630, contactName: '王支书' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ name: '银川村', population: 1630, contactName: '王支书' });
    const clash = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { name: '新春村' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('village_name_taken');
    const read = await w.call('GET', `/api/villages/${w.a.id}`, { token: w.x.officialToken });
    expect(read.body.name).toBe('银川村');
  });

  it('clears an optional field sent as null and keeps the rest', async () => {
    await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { contactPhone: '13985710001' },
    });
    const cleared = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { contactPhone: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('contactPhone');
    expect(cleared.body.name).toBe('银川村');
    const nameless = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.a.adminToken,
      body: { name: null },
    });
    expect(nameless.status).toBe(400);
  });

  it('frees the old name when a village is renamed', async () => {
    const renamed = await w.call('PATCH', `/api/villages/${w.b.id}`, {
      token: w.x.adminToken,
      body: { name: '新春社区' },
    });
    expect(renamed.status).toBe(200);
    const back = await w.call('PATCH', `/api/villages/${w.b.id}`, {
      token: w.b.adminToken,
      body: { name: '新春村' },
    });
    expect(back.status).toBe(200);
    expect(back.body.name).toBe('新春村');
  });

  it('does not let a county official edit a village', async () => {
    const res = await w.call('PATCH', `/api/villages/${w.a.id}`, {
      token: w.x.officialToken,
      body: { population: 1 },
    });
    expect(res.status).toBe(403);
  });
});

describe('users are managed by the admins above them', () => {
  it('lets a village admin add a store clerk who then signs in to that village', async () => {
    const res = await w.call('POST', `/api/villages/${w.a.id}/users`, {
      token: w.a.adminToken,
      body: { username: w.unique('clerk'), name: '刘小梅', role: 'store_clerk', phone: '13985710003' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'store_clerk', countyId: w.x.id, villageId: w.a.id });
    const me = await w.call('GET', '/api/me', { token: await w.tokenFor(res.body) });
    expect(me.body).toMatchObject({ villageName: '银川村', countyName: '大方县', role: 'store_clerk' });
  });

  it('refuses to let a village admin create a county role', async () => {
    const res = await w.call('POST', `/api/villages/${w.a.id}/users`, {
      token: w.a.adminToken,
      body: { username: w.unique('x'), name: '某人', role: 'county_admin' },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('role_not_assignable');
  });

  it('refuses to let a recorder add users', async () => {
    const res = await w.call('POST', `/api/villages/${w.a.id}/users`, {
      token: w.a.recorderToken,
      body: { username: w.unique('x'), name: '某人', role: 'recorder' },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a partner user without its partner: the token must name the bank (partners.test.ts adds one)', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: { username: w.unique('bank'), name: '大方农商银行', role: 'partner' },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('partnerId');
  });

  it('keeps usernames unique across the deployment', async () => {
    const username = w.unique('dup');
    const first = await w.call('POST', `/api/villages/${w.a.id}/users`, {
      token: w.a.adminToken,
      body: { username, name: '甲', role: 'recorder' },
    });
    expect(first.status).toBe(201);
    const second = await w.call('POST', `/api/villages/${w.c.id}/users`, {
      token: w.c.adminToken,
      body: { username, name: '乙', role: 'recorder' },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'username_taken', fields: { username: TAKEN } });
  });

  it('lets only the platform operator create counties', async () => {
    const res = await w.call('POST', '/api/counties', {
      token: w.x.adminToken,
      body: { name: '织金县', province: '贵州省' },
    });
    expect(res.status).toBe(403);
    const listed = await w.call('GET', '/api/counties', { token: w.operator });
    expect(listed.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['大方县', '贵定县']),
    );
  });
});
