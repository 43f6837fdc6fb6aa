import { totpCode } from '@xjf/http';
import type { Answer } from './http';
import type { buildWorld } from './world';

type World = Awaited<ReturnType<typeof buildWorld>>;

/** The refresh cookie a sign-in answer set, as the browser would send it back. */
export const refreshCookieOf = (res: Answer) => {
  const cookie = res.headers.get('set-cookie') ?? '';
  const match = /xjf_refresh=([^;]*)/.exec(cookie);
  return match?.[1] ? `xjf_refresh=${match[1]}` : undefined;
};

/** Calls of the sign-in routes, with a browser's cookie jar of one cookie. */
export function signInClient(w: World) {
  const post = (path: string, body?: unknown, cookie?: string) =>
    w.call('POST', path, { body, headers: cookie ? { cookie } : {}, idempotencyKey: null });
  return {
    post,
    signIn: (username: string, password: string) => post('/api/auth/sign-in', { username, password }),
    refresh: (cookie: string | undefined) => post('/api/auth/session/refresh', undefined, cookie),
    /** A TOTP code of a later 30-second step than `after`, as an app shows it then. */
    code: (secret: string, stepsAhead = 0) => totpCode(secret, new Date(Date.now() + stepsAhead * 30_000)),
  };
}

/** A staff user created by an admin, with the one-time password handed over. */
export async function newStaff(w: World, role: 'recorder' | 'store_clerk' = 'recorder') {
  const username = w.unique('staff');
  const res = await w.call('POST', `/api/villages/${w.a.id}/users`, {
    token: w.a.adminToken,
    body: { username, name: '杨春燕', role },
  });
  return { username, id: res.body.id as string, password: res.body.temporaryPassword as string };
}
