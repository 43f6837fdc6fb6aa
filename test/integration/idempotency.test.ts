import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  w = await buildWorld();
});

async function townshipNames() {
  const res = await w.call('GET', `/api/counties/${w.x.id}/townships`, { token: w.x.adminToken });
  return res.body.items.map((t: { name: string }) => t.name) as string[];
}

describe('Idempotency-Key', () => {
  it('returns the first answer to a retry and creates only one township', async () => {
    const first = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '六龙镇' },
      idempotencyKey: 'retry-township-0001',
    });
    const retry = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '六龙镇' },
      idempotencyKey: 'retry-township-0001',
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await townshipNames()).filter((n) => n === '六龙镇')).toHaveLength(1);
  });

  it('answers 409 when a key is reused for a different body', async () => {
    const key = 'reused-key-0000001';
    await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '达溪镇' },
      idempotencyKey: key,
    });
    const other = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '瓢井镇' },
      idempotencyKey: key,
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await townshipNames()).not.toContain('瓢井镇');
  });

  it('replays a refusal too, so a retried conflict stays a conflict', async () => {
    const key = 'conflict-key-00001';
    const first = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '凤山乡' },
      idempotencyKey: key,
    });
    const again = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '凤山乡' },
      idempotencyKey: key,
    });
    expect(first.status).toBe(409);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
  });

  it('scopes keys to the caller: the same key from another county runs afresh', async () => {
    const key = 'shared-key-000001';
    const x = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '羊场镇' },
      idempotencyKey: key,
    });
    const y = await w.call('POST', `/api/counties/${w.y.id}/townships`, {
      token: w.y.adminToken,
      body: { name: '羊场镇' },
      idempotencyKey: key,
    });
    expect(x.status).toBe(201);
    expect(y.status).toBe(201);
    expect(y.body.countyId).toBe(w.y.id);
    expect(y.headers.get('idempotent-replayed')).toBeNull();
  });

  it('requires the header on effectful writes', async () => {
    const res = await w.call('POST', `/api/counties/${w.x.id}/townships`, {
      token: w.x.adminToken,
      body: { name: '无键镇' },
      idempotencyKey: null,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'idempotency_key_required',
      fields: { 'Idempotency-Key': 'required' },
    });
    expect(await townshipNames()).not.toContain('无键镇');
  });

  it('makes onboarding retries safe: the replay returns the same village, the code is spent once', async () => {
    const invite = await w.call('POST', `/api/counties/${w.x.id}/invites`, {
      token: w.x.adminToken,
      body: { townshipId: w.x.township.id },
    });
    const body = {
      inviteCode: invite.body.code,
      village: { name: '重试村' },
      admin: { username: w.unique('retry'), name: '重试', phone: '13800138000' },
    };
    const first = await w.call('POST', '/api/onboarding/villages', {
      body,
      idempotencyKey: 'onboard-retry-001',
    });
    const retry = await w.call('POST', '/api/onboarding/villages', {
      body,
      idempotencyKey: 'onboard-retry-001',
    });
    expect(first.status).toBe(201);
    expect(retry.body.village.id).toBe(first.body.village.id);
  });

  it('never stores a one-time password: the replay returns the user without it', async () => {
    const request = {
      token: w.a.adminToken,
      body: { username: w.unique('pw'), name: '杨春燕', role: 'recorder' },
      idempotencyKey: 'password-replay-01',
    };
    const first = await w.call('POST', `/api/villages/${w.a.id}/users`, request);
    const replay = await w.call('POST', `/api/villages/${w.a.id}/users`, request);
    expect(first.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.body).not.toHaveProperty('temporaryPassword');
  });
});
