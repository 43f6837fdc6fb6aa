import { createUser } from '@xjf/data';
import { TAKEN } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app';
import { client } from '../support/http';

const DAY = 86_400_000;
let now = new Date('2026-05-01T02:00:00Z');
let call: ReturnType<typeof client>;
let admin: string;
let countyId: string;
let townshipId: string;
let tokenFor: Awaited<ReturnType<typeof testApp>>['tokenFor'];

async function countVillages() {
  const res = await call('GET', `/api/counties/${countyId}/villages`, { token: admin });
  return res.body.items.length as number;
}

async function newInvite(expiresInDays = 7) {
  const res = await call('POST', `/api/counties/${countyId}/invites`, {
    token: admin,
    body: { townshipId, expiresInDays },
  });
  expect(res.status).toBe(201);
  return res.body.code as string;
}

const onboarding = (inviteCode: string, name: string, username: string) => ({
  inviteCode,
  village: { name, householdCount: 300 },
  admin: { username, name: '罗文军', phone: '13985720001' },
});

beforeAll(async () => {
  const t = await testApp({ clock: () => now });
  tokenFor = t.tokenFor;
  call = client(t.app);
  // Tokens are checked against the real time; only the app's clock is moved.
  const operator = await t.tokenFor(
    await createUser(t.db, {}, { username: 'op', name: '运维', role: 'platform_operator' }, 'test', now),
  );
  countyId = (
    await call('POST', '/api/counties', { token: operator, body: { name: '贵定县', province: '贵州省' } })
  ).body.id;
  const user = await call('POST', `/api/counties/${countyId}/users`, {
    token: operator,
    body: { username: 'guiding.admin', name: '吴建华', role: 'county_admin' },
  });
  admin = await t.tokenFor(user.body);
  townshipId = (
    await call('POST', `/api/counties/${countyId}/townships`, { token: admin, body: { name: '盘江镇' } })
  ).body.id;
});

describe('village self-onboarding', () => {
  it('previews an invite code with its county and township, without sign-in', async () => {
    const code = await newInvite();
    const res = await call(
      'GET',
      `/api/onboarding/invites/${code.toLowerCase().slice(0, 5)}-${code.slice(5)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'active', countyName: '贵定县', townshipName: '盘江镇' });
  });

  it('creates the village and its first admin, who can then sign in to it', async () => {
    const code = await newInvite();
    const res = await call('POST', '/api/onboarding/villages', {
      body: onboarding(code, '音寨村', 'yinzhai.admin'),
    });
    expect(res.status).toBe(201);
    expect(res.body.village).toMatchObject({ name: '音寨村', countyId, townshipId, townshipName: '盘江镇' });
    expect(res.body.admin).toMatchObject({ role: 'village_admin', villageId: res.body.village.id });
    const invites = await call('GET', `/api/counties/${countyId}/invites`, { token: admin });
    expect(invites.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({
      status: 'used',
      villageId: res.body.village.id,
    });
  });

  it('refuses a used code and creates nothing', async () => {
    const code = await newInvite();
    expect(
      (await call('POST', '/api/onboarding/villages', { body: onboarding(code, '甲村', 'jia.admin') }))
        .status,
    ).toBe(201);
    const before = await countVillages();
    const again = await call('POST', '/api/onboarding/villages', {
      body: onboarding(code, '乙村', 'yi.admin'),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invite_used');
    expect(await countVillages()).toBe(before);
  });

  it('refuses an expired code with 410 and creates nothing', async () => {
    const code = await newInvite(1);
    const before = await countVillages();
    now = new Date(now.getTime() + 2 * DAY);
    try {
      const res = await call('POST', '/api/onboarding/villages', {
        body: onboarding(code, '丙村', 'bing.admin'),
      });
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('invite_expired');
      const preview = await call('GET', `/api/onboarding/invites/${code}`);
      expect(preview.body.status).toBe('expired');
    } finally {
      now = new Date(now.getTime() - 2 * DAY);
    }
    expect(await countVillages()).toBe(before);
  });

  it('answers 404 for a code that was never issued', async () => {
    const res = await call('POST', '/api/onboarding/villages', {
      body: onboarding('ZZZZZZZZZZ', '丁村', 'ding.admin'),
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('invite_not_found');
  });

  it('refuses a duplicate village name in the township and leaves the code usable', async () => {
    const code = await newInvite();
    const dup = await call('POST', '/api/onboarding/villages', {
      body: onboarding(code, '音寨村', 'other.admin'),
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'village_name_taken', fields: { 'village.name': TAKEN } });
    const retry = await call('POST', '/api/onboarding/villages', {
      body: onboarding(code, '新寨村', 'other.admin'),
    });
    expect(retry.status).toBe(201);
  });

  it('refuses a taken admin username and leaves the code usable', async () => {
    const code = await newInvite();
    const dup = await call('POST', '/api/onboarding/villages', {
      body: onboarding(code, '戊村', 'yinzhai.admin'),
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'username_taken', fields: { 'admin.username': TAKEN } });
    const preview = await call('GET', `/api/onboarding/invites/${code}`);
    expect(preview.body.status).toBe('active');
  });

  it('offers the templates with the invite and starts the first program from the chosen one', async () => {
    const code = await newInvite();
    const preview = await call('GET', `/api/onboarding/invites/${code}`);
    expect(preview.body.templates.map((t: { id: string }) => t.id)).toContain('builtin:yinzhai-volunteer');
    const res = await call('POST', '/api/onboarding/villages', {
      body: {
        ...onboarding(code, '模板村', 'template.admin'),
        startWith: { programName: '志愿服务积分', templateId: 'builtin:yinzhai-volunteer' },
      },
    });
    expect(res.status).toBe(201);
    const token = await tokenFor(res.body.admin);
    const sets = await call('GET', `/api/villages/${res.body.village.id}/rule-sets`, { token });
    expect(sets.body.items).toHaveLength(1);
    expect(sets.body.items[0]).toMatchObject({ name: '志愿服务积分细则', latestVersion: 0 });
    expect(sets.body.items[0].draft.content.rules.map((r: { code: string }) => r.code)).toContain(
      'VOL-HOURS',
    );
  });

  it('names the program after the chosen template unless the village names it', async () => {
    const code = await newInvite();
    const preview = await call('GET', `/api/onboarding/invites/${code}`);
    const offered = (id: string) =>
      preview.body.templates.find((t: { id: string }) => t.id === id)?.programName as string;
    expect(offered('builtin:public-affairs')).toBe('村务参与积分');
    expect(offered('builtin:xiaopo-civility')).toBe('文明积分');
    const res = await call('POST', '/api/onboarding/villages', {
      body: {
        ...onboarding(code, '村务村', 'affairs.admin'),
        startWith: { templateId: 'builtin:public-affairs' },
      },
    });
    expect(res.status).toBe(201);
    const token = await tokenFor(res.body.admin);
    const programs = await call('GET', `/api/villages/${res.body.village.id}/programs`, { token });
    expect(programs.body.items.map((p: { name: string }) => p.name)).toEqual(['村务参与积分']);
    const sets = await call('GET', `/api/villages/${res.body.village.id}/rule-sets`, { token });
    expect(sets.body.items[0]).toMatchObject({ name: '村务参与积分细则', latestVersion: 0 });
  });

  it("ticks the new village's first steps off from its own data, for its admin only", async () => {
    const code = await newInvite();
    const res = await call('POST', '/api/onboarding/villages', {
      body: {
        ...onboarding(code, '起步村', 'firststeps.admin'),
        startWith: { templateId: 'builtin:public-affairs' },
      },
    });
    expect(res.status).toBe(201);
    const villageId = res.body.village.id as string;
    const token = await tokenFor(res.body.admin);
    const base = `/api/villages/${villageId}`;
    const done = async () => {
      const steps = await call('GET', `${base}/first-steps`, { token });
      expect(steps.status).toBe(200);
      return (steps.body.steps as { key: string; done: boolean }[]).filter((s) => s.done).map((s) => s.key);
    };
    expect(await done()).toEqual([]);

    const ruleSetId = (await call('GET', `${base}/rule-sets`, { token })).body.items[0].id;
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const published = await call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token,
      body: { effectiveFrom: today },
    });
    expect(published.status).toBe(201);
    expect(await done()).toEqual(['rules']);

    const household = await call('POST', `${base}/households`, {
      token,
      body: { number: '0001', group: '第一组', members: [{ name: '罗文军', relation: '户主' }] },
    });
    expect(household.status).toBe(201);
    const recorder = await call('POST', `${base}/users`, {
      token,
      body: { username: 'firststeps.recorder', name: '杨春燕', role: 'recorder' },
    });
    expect(recorder.status).toBe(201);
    expect(await done()).toEqual(['rules', 'households', 'helpers']);

    // The county admin reads the village but the checklist is its admin's.
    expect((await call('GET', `${base}/first-steps`, { token: admin })).status).toBe(403);
  });

  it('refuses an unknown template before creating anything', async () => {
    const code = await newInvite();
    const before = await countVillages();
    const res = await call('POST', '/api/onboarding/villages', {
      body: {
        ...onboarding(code, '无模板村', 'notemplate.admin'),
        startWith: { programName: '积分', templateId: 'builtin:nope' },
      },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('template_not_found');
    expect(await countVillages()).toBe(before);
    expect((await call('GET', `/api/onboarding/invites/${code}`)).body.status).toBe('active');
  });
});
