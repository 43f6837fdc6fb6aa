import { createUser } from '@xjf/data';
import { expect } from 'vitest';
import { testApp } from './app';
import { client } from './http';

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

/**
 * Two counties built through the API as real users would: county X with villages A and B
 * (onboarded from invite codes), county Y with village C. Returns a token for each role.
 */
/** `endpoint`: a DynamoDB Local of the test's own instead of the worker's shared one. */
export async function buildWorld(options: { clock?: () => Date; endpoint?: string } = {}) {
  const { app, db, tokenFor, issue, identity, smsInbox } = await testApp(options);
  const call = client(app);
  const operatorUser = await createUser(
    db,
    {},
    { username: unique('op'), name: '运维', role: 'platform_operator' },
    'test',
    new Date(),
  );
  const operator = await tokenFor(operatorUser);

  async function ok(method: string, path: string, token: string | undefined, body?: unknown) {
    const res = await call(method, path, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  }

  async function county(name: string) {
    const c = await ok('POST', '/api/counties', operator, { name, province: '贵州省' });
    const admin = await ok('POST', `/api/counties/${c.id}/users`, operator, {
      username: unique('ca'),
      name: '县管理员',
      role: 'county_admin',
    });
    const adminToken = await tokenFor(admin);
    const official = await ok('POST', `/api/counties/${c.id}/users`, adminToken, {
      username: unique('co'),
      name: '县干部',
      role: 'county_official',
    });
    const township = await ok('POST', `/api/counties/${c.id}/townships`, adminToken, { name: '凤山乡' });
    return { id: c.id as string, township, adminToken, officialToken: await tokenFor(official) };
  }

  async function village(c: { id: string; township: { id: string }; adminToken: string }, name: string) {
    const invite = await ok('POST', `/api/counties/${c.id}/invites`, c.adminToken, {
      townshipId: c.township.id,
    });
    const { village: v, admin } = await ok('POST', '/api/onboarding/villages', undefined, {
      inviteCode: invite.code,
      village: { name, householdCount: 100 },
      admin: { username: unique('va'), name: '村管理员', phone: '13800138000' },
    });
    const adminToken = await tokenFor(admin);
    const recorder = await ok('POST', `/api/villages/${v.id}/users`, adminToken, {
      username: unique('rc'),
      name: '积分员',
      role: 'recorder',
    });
    return { id: v.id as string, adminToken, recorderToken: await tokenFor(recorder) };
  }

  const x = await county('大方县');
  const y = await county('贵定县');
  const a = await village(x, '银川村');
  const b = await village(x, '新春村');
  const c = await village(y, '音寨村');
  return { app, db, call, tokenFor, issue, identity, smsInbox, operator, x, y, a, b, c, unique };
}
