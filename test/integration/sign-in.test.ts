import { beforeAll, describe, expect, it } from 'vitest';
import { newStaff, refreshCookieOf, signInClient } from '../support/sign-in';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let auth: ReturnType<typeof signInClient>;
beforeAll(async () => {
  w = await buildWorld();
  auth = signInClient(w);
});

const NEW_PASSWORD = 'Yinchuan-2026';

/** Signs a new staff user in through the one-time password and a new password. */
async function signedInStaff() {
  const staff = await newStaff(w);
  const first = await auth.signIn(staff.username, staff.password);
  const done = await auth.post('/api/auth/password', {
    challenge: first.body.challenge,
    newPassword: NEW_PASSWORD,
  });
  return { ...staff, done, cookie: refreshCookieOf(done) };
}

describe('password sign-in', () => {
  it('makes a new user replace the one-time password, then signs them in', async () => {
    const staff = await newStaff(w);
    const first = await auth.signIn(staff.username, staff.password);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'password_change_required', challenge: expect.any(String) });
    expect(refreshCookieOf(first)).toBeUndefined();
    const weak = await auth.post('/api/auth/password', {
      challenge: first.body.challenge,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.newPassword).toBeTruthy();
    const same = await auth.post('/api/auth/password', {
      challenge: first.body.challenge,
      newPassword: `${staff.password.replaceAll('-', '')}1`,
    });
    expect(same.status).toBe(200);
    expect(same.body.status).toBe('signed_in');
    const me = await w.call('GET', '/api/me', { token: same.body.tokens.accessToken });
    expect(me.body).toMatchObject({ username: staff.username, role: 'recorder', villageId: w.a.id });
    // The challenge worked once; the one-time password works no more.
    const replay = await auth.post('/api/auth/password', {
      challenge: first.body.challenge,
      newPassword: NEW_PASSWORD,
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('challenge_expired');
    expect((await auth.signIn(staff.username, staff.password)).body.code).toBe('invalid_credentials');
  });

  it('sets the refresh token as an HttpOnly, SameSite=Strict cookie scoped to the session routes', async () => {
    const { done } = await signedInStaff();
    const cookie = done.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^xjf_refresh=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/api\/auth\/session; HttpOnly; SameSite=Strict$/,
    );
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(done.body.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(JSON.stringify(done.body)).not.toContain(cookie.split(';')[0]?.split('=')[1]);
  });

  it('answers an unknown username exactly as a wrong password', async () => {
    const { username } = await signedInStaff();
    const wrong = await auth.signIn(username, 'Not-the-password-1');
    const unknown = await auth.signIn(w.unique('nobody'), 'Not-the-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const { requestId: _a, ...wrongBody } = wrong.body;
    const { requestId: _b, ...unknownBody } = unknown.body;
    expect(unknownBody).toEqual(wrongBody);
  });

  it('locks an account for 15 minutes after five wrong passwords, even the right one', async () => {
    const { username } = await signedInStaff();
    for (let i = 1; i <= 4; i++) expect((await auth.signIn(username, `Wrong-pass-${i}`)).status).toBe(401);
    const fifth = await auth.signIn(username, 'Wrong-pass-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('account_locked');
    expect(fifth.body.details.retryAfterSeconds).toBe(900);
    expect(fifth.headers.get('retry-after')).toBe('900');
    const right = await auth.signIn(username, NEW_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.details.retryAfterSeconds).toBeGreaterThan(890);
    // A username nobody has locks the same way, so a lock tells nothing.
    const nobody = w.unique('nobody');
    for (let i = 1; i <= 4; i++) await auth.signIn(nobody, `Wrong-pass-${i}`);
    expect((await auth.signIn(nobody, 'Wrong-pass-5')).status).toBe(423);
  });

  it('ends other sessions when the password changes', async () => {
    const { username, cookie, done } = await signedInStaff();
    const other = await auth.signIn(username, NEW_PASSWORD);
    const otherCookie = refreshCookieOf(other);
    const changed = await w.call('POST', '/api/auth/password/change', {
      token: done.body.tokens.accessToken,
      body: { currentPassword: NEW_PASSWORD, newPassword: 'Another-2026-pw' },
      idempotencyKey: null,
    });
    expect(changed.status).toBe(200);
    expect((await auth.refresh(cookie)).body.code).toBe('session_expired');
    expect((await auth.refresh(otherCookie)).body.code).toBe('session_expired');
    expect((await auth.refresh(refreshCookieOf(changed))).status).toBe(200);
    const wrongCurrent = await w.call('POST', '/api/auth/password/change', {
      token: changed.body.tokens.accessToken,
      body: { currentPassword: 'not-it-1234', newPassword: 'Third-2026-pw' },
      idempotencyKey: null,
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.fields.currentPassword).toBeTruthy();
  });
});

describe('refresh tokens', () => {
  it('rotate: each works once and hands out the next', async () => {
    const { cookie } = await signedInStaff();
    const first = await auth.refresh(cookie);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const next = refreshCookieOf(first);
    expect(next).toBeDefined();
    expect(next).not.toBe(cookie);
    expect((await auth.refresh(next)).status).toBe(200);
  });

  it('end the whole session when a stolen token is used a second time', async () => {
    const { cookie, username } = await signedInStaff();
    const owner = await auth.refresh(cookie);
    const ownerNext = refreshCookieOf(owner);
    const thief = await auth.refresh(cookie);
    expect(thief.status).toBe(401);
    expect(thief.body.code).toBe('refresh_reused');
    // The owner's newer token belonged to the same session: it is dead too.
    expect((await auth.refresh(ownerNext)).body.code).toBe('session_expired');
    const log = await w.call('GET', `/api/villages/${w.a.id}/audit`, { token: w.a.adminToken });
    expect(
      log.body.items.some((e: { action: string; detail?: string }) => e.action === 'refresh_reuse'),
    ).toBe(true);
    expect(username).toBeTruthy();
  });

  it('end on sign-out, and a missing or made-up cookie is refused', async () => {
    const { cookie } = await signedInStaff();
    const out = await auth.post('/api/auth/session/sign-out', undefined, cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^xjf_refresh=; Max-Age=0; Path=\/api\/auth\/session/);
    expect((await auth.refresh(cookie)).body.code).toBe('session_expired');
    expect((await auth.refresh(undefined)).status).toBe(401);
    expect((await auth.refresh('xjf_refresh=made-up')).status).toBe(401);
  });
});

describe('TOTP', () => {
  it('is set up by a county admin at first sign-in, then asked for every time', async () => {
    const username = w.unique('cadmin');
    const created = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.operator,
      body: { username, name: '陈志明', role: 'county_admin' },
    });
    const first = await auth.signIn(username, created.body.temporaryPassword);
    const changed = await auth.post('/api/auth/password', {
      challenge: first.body.challenge,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.body.status).toBe('totp_enrolment_required');
    const { challenge, secret, otpauthUri } = changed.body.setup;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const wrong = await auth.post('/api/auth/totp/enrolment', { challenge, code: '000000' });
    expect(wrong.body.code).toBe('invalid_code');
    const used = auth.code(secret);
    const enrolled = await auth.post('/api/auth/totp/enrolment', { challenge, code: used });
    expect(enrolled.body.status).toBe('signed_in');
    expect(enrolled.body.recoveryCodes).toHaveLength(10);

    const again = await auth.signIn(username, NEW_PASSWORD);
    expect(again.body.status).toBe('totp_required');
    // The code just used for enrolment does not work a second time; the next one does.
    const replayed = await auth.post('/api/auth/totp', { challenge: again.body.challenge, code: used });
    expect(replayed.body.code).toBe('invalid_code');
    const next = await auth.signIn(username, NEW_PASSWORD);
    const ok = await auth.post('/api/auth/totp', {
      challenge: next.body.challenge,
      code: auth.code(secret, 1),
    });
    expect(ok.body.status).toBe('signed_in');
    const me = await w.call('GET', '/api/me', { token: ok.body.tokens.accessToken });
    expect(me.body).toMatchObject({ role: 'county_admin', countyId: w.x.id });

    // A recovery code signs in once.
    const [recovery] = enrolled.body.recoveryCodes;
    const third = await auth.signIn(username, NEW_PASSWORD);
    const viaRecovery = await auth.post('/api/auth/totp', {
      challenge: third.body.challenge,
      recoveryCode: recovery,
    });
    expect(viaRecovery.body.status).toBe('signed_in');
    const fourth = await auth.signIn(username, NEW_PASSWORD);
    const reused = await auth.post('/api/auth/totp', {
      challenge: fourth.body.challenge,
      recoveryCode: recovery,
    });
    expect(reused.body.code).toBe('invalid_code');
    const account = await w.call('GET', '/api/auth/account', { token: ok.body.tokens.accessToken });
    expect(account.body).toEqual({ totpEnabled: true, totpRequired: true, recoveryCodesLeft: 9 });
  });

  it('is optional for village staff, who can turn it on while signed in', async () => {
    const { done, username } = await signedInStaff();
    const token = done.body.tokens.accessToken;
    expect((await w.call('GET', '/api/auth/account', { token })).body.totpEnabled).toBe(false);
    const setup = await w.call('POST', '/api/auth/totp/setup', { token, idempotencyKey: null });
    const enrolled = await auth.post('/api/auth/totp/enrolment', {
      challenge: setup.body.challenge,
      code: auth.code(setup.body.secret),
    });
    expect(enrolled.body.status).toBe('signed_in');
    expect((await auth.signIn(username, NEW_PASSWORD)).body.status).toBe('totp_required');
  });
});

describe('an admin resets a password', () => {
  it('hands over a new one-time password, clears TOTP and ends the user’s sessions', async () => {
    const { id, username, cookie } = await signedInStaff();
    const reset = await w.call('POST', `/api/villages/${w.a.id}/users/${id}/password-reset`, {
      token: w.a.adminToken,
    });
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect((await auth.refresh(cookie)).body.code).toBe('session_expired');
    expect((await auth.signIn(username, NEW_PASSWORD)).status).toBe(401);
    const next = await auth.signIn(username, reset.body.temporaryPassword);
    expect(next.body.status).toBe('password_change_required');
    // Another village's admin cannot, and neither can a recorder.
    const foreign = await w.call('POST', `/api/villages/${w.a.id}/users/${id}/password-reset`, {
      token: w.b.adminToken,
    });
    expect(foreign.status).toBe(404);
    const recorder = await w.call('POST', `/api/villages/${w.a.id}/users/${id}/password-reset`, {
      token: w.a.recorderToken,
    });
    expect(recorder.status).toBe(403);
  });
});

describe('the audit log of the account’s tenant', () => {
  it('records sign-in, failure, lock, password change and reset', async () => {
    const { username, id } = await signedInStaff();
    for (let i = 1; i <= 5; i++) await auth.signIn(username, `Wrong-pass-${i}`);
    await w.call('POST', `/api/villages/${w.a.id}/users/${id}/password-reset`, { token: w.a.adminToken });
    const log = await w.call('GET', `/api/villages/${w.a.id}/audit?limit=100`, { token: w.a.adminToken });
    const mine = log.body.items
      .filter((e: { detail?: string }) => e.detail?.includes(username) || e.detail === 'password')
      .map((e: { action: string }) => e.action);
    for (const action of ['password_change', 'sign_in', 'sign_in_failed', 'account_locked', 'password_reset'])
      expect(mine, action).toContain(action);
  });
});

describe('the county’s own audit log', () => {
  it('holds its county users’ account events, for the county admin only', async () => {
    const username = w.unique('official');
    const created = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: { username, name: '李四', role: 'county_official' },
    });
    await auth.signIn(username, 'Wrong-pass-1');
    await auth.signIn(username, created.body.temporaryPassword);
    const log = await w.call('GET', `/api/counties/${w.x.id}/audit`, { token: w.x.adminToken });
    expect(log.status).toBe(200);
    const actions = log.body.items
      .filter((e: { detail?: string }) => e.detail === username)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in_failed']));
    expect((await w.call('GET', `/api/counties/${w.y.id}/audit`, { token: w.x.adminToken })).status).toBe(
      404,
    );
    expect((await w.call('GET', `/api/counties/${w.x.id}/audit`, { token: w.a.adminToken })).status).toBe(
      403,
    );
  });
});
