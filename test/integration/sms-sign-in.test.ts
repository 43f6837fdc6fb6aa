import { beforeAll, describe, expect, it } from 'vitest';
import { refreshCookieOf, signInClient } from '../support/sign-in';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let auth: ReturnType<typeof signInClient>;
let seq = 0;

/** A villager of village A with a mobile number of their own. */
async function villager() {
  const mobile = `139${String(Date.now() % 1e5).padStart(5, '0')}${String(seq++).padStart(3, '0')}`;
  const household = await w.call('POST', `/api/villages/${w.a.id}/households`, {
    token: w.a.adminToken,
    body: { number: String(1000 + seq), group: '第一组', members: [{ name: '罗先和', relation: '户主' }] },
  });
  const user = await w.call('POST', `/api/villages/${w.a.id}/users`, {
    token: w.a.adminToken,
    body: { username: mobile, name: '罗先和', role: 'villager', householdId: household.body.id },
  });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  expect(user.body).not.toHaveProperty('temporaryPassword');
  return mobile;
}

const codeFor = (mobile: string) => w.smsInbox.find((m) => m.mobile === mobile)?.code;
const askCode = (mobile: string) => auth.post('/api/auth/sms/codes', { mobile });

beforeAll(async () => {
  w = await buildWorld();
  auth = signInClient(w);
});

describe('a villager signs in with a code texted to their mobile', () => {
  it('signs in with the code from the SMS, once', async () => {
    const mobile = await villager();
    const sent = await askCode(mobile);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ accepted: true, retryAfterSeconds: 60 });
    const code = codeFor(mobile);
    expect(code).toMatch(/^\d{6}$/);
    const signedIn = await auth.post('/api/auth/sms/sign-in', { mobile, code });
    expect(signedIn.body.status).toBe('signed_in');
    expect(refreshCookieOf(signedIn)).toBeDefined();
    const me = await w.call('GET', '/api/me', { token: signedIn.body.tokens.accessToken });
    expect(me.body).toMatchObject({ role: 'villager', villageId: w.a.id });
    const again = await auth.post('/api/auth/sms/sign-in', { mobile, code });
    expect(again.body.code).toBe('invalid_code');
  });

  it('gives a code five tries, after which even the right code fails', async () => {
    const mobile = await villager();
    await askCode(mobile);
    const code = codeFor(mobile) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await auth.post('/api/auth/sms/sign-in', { mobile, code: wrong })).status).toBe(401);
    expect((await auth.post('/api/auth/sms/sign-in', { mobile, code })).body.code).toBe('invalid_code');
  });

  it('answers an unregistered number exactly as a registered one, and texts nothing', async () => {
    const registered = await villager();
    const stranger = '13700000000';
    const a = await askCode(registered);
    const b = await askCode(stranger);
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    expect(codeFor(stranger)).toBeUndefined();
    expect((await auth.post('/api/auth/sms/sign-in', { mobile: stranger, code: '123456' })).body.code).toBe(
      'invalid_code',
    );
  });

  it('texts one number at most once a minute', async () => {
    const mobile = await villager();
    expect((await askCode(mobile)).status).toBe(202);
    const second = await askCode(mobile);
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('rate_limited');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a malformed number with the field at fault', async () => {
    const res = await askCode('12345');
    expect(res.status).toBe(400);
    expect(res.body.fields.mobile).toBeTruthy();
  });

  it('keeps a mobile number to one villager', async () => {
    const mobile = await villager();
    const household = await w.call('POST', `/api/villages/${w.b.id}/households`, {
      token: w.b.adminToken,
      body: { number: '0001', group: '第一组', members: [{ name: '王五', relation: '户主' }] },
    });
    const twin = await w.call('POST', `/api/villages/${w.b.id}/users`, {
      token: w.b.adminToken,
      body: {
        username: w.unique('vl'),
        name: '王五',
        role: 'villager',
        phone: mobile,
        householdId: household.body.id,
      },
    });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('mobile_taken');
  });
});
