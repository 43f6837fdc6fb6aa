import { REFRESH_TOKEN_SECONDS } from '@xjf/domain';
import type { AppEnv, Identity } from '@xjf/http';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The refresh token lives only in this cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site sends it), and scoped to the session routes, so no other request carries it.
 */
export const REFRESH_COOKIE = 'xjf_refresh';
export const SESSION_PATH = '/api/auth/session';

type Cookies = Pick<Identity, 'secureCookies'>;

export const setRefreshCookie = (c: Context<AppEnv>, identity: Cookies, token: string) =>
  setCookie(c, REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: identity.secureCookies,
    sameSite: 'Strict',
    path: SESSION_PATH,
    maxAge: REFRESH_TOKEN_SECONDS,
  });

export const refreshCookieOf = (c: Context<AppEnv>) => getCookie(c, REFRESH_COOKIE);

export const clearRefreshCookie = (c: Context<AppEnv>, identity: Cookies) =>
  deleteCookie(c, REFRESH_COOKIE, { path: SESSION_PATH, secure: identity.secureCookies });

/**
 * The address a request came from, for per-source limits: API Gateway's view of it in AWS, the
 * socket's locally; never a header the client could set.
 */
export function sourceOf(c: Context<AppEnv>): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
