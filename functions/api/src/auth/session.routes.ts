import { createRoute } from '@hono/zod-openapi';
import { endSession, rotateRefreshToken } from '@xjf/data';
import { ACCESS_TOKEN_SECONDS, tokensSchema, UnauthenticatedError } from '@xjf/domain';
import { claimsForUser, type Deps, errors, json, router } from '@xjf/http';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './session-cookie';
import { auditAccount } from './sign-in';
import { authTags } from './sign-in.routes';

const sessionEnded = () =>
  new UnauthenticatedError('登录已过期，请重新登录 (session ended: sign in again)', 'session_expired');

/** The admin's session: new tokens from the refresh cookie before they expire, and sign-out. */
export function sessionRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/session/refresh',
      tags: authTags,
      summary: '续期 New tokens for the refresh cookie (which is replaced)',
      responses: { 200: json(tokensSchema, '新令牌'), ...errors },
    }),
    async (c) => {
      const token = refreshCookieOf(c);
      if (!token) throw sessionEnded();
      const now = deps.clock();
      const rotation = await rotateRefreshToken(deps.db, token, now);
      if (rotation.outcome !== 'rotated') {
        clearRefreshCookie(c, deps.identity);
        if (rotation.outcome === 'reused' && rotation.account)
          await auditAccount(
            { db: deps.db, identity: deps.identity, now },
            rotation.account,
            'refresh_reuse',
            {
              detail: `session ${rotation.sessionId} ended`,
            },
          );
        throw rotation.outcome === 'reused'
          ? new UnauthenticatedError(
              '登录凭据被重复使用，已退出所有相关会话，请重新登录 (a refresh token was reused: the session is ended)',
              'refresh_reused',
            )
          : sessionEnded();
      }
      const tokens = await deps.identity.tokens.session(
        claimsForUser(rotation.account),
        now,
        ACCESS_TOKEN_SECONDS,
      );
      setRefreshCookie(c, deps.identity, rotation.refreshToken);
      c.header('Cache-Control', 'no-store');
      return c.json(tokens, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/session/sign-out',
      tags: authTags,
      summary: '退出登录 Sign out: the session and its refresh tokens end',
      responses: { 204: { description: '已退出' }, ...errors },
    }),
    async (c) => {
      const token = refreshCookieOf(c);
      const now = deps.clock();
      const account = token ? await endSession(deps.db, token, now) : undefined;
      if (account) await auditAccount({ db: deps.db, identity: deps.identity, now }, account, 'sign_out');
      clearRefreshCookie(c, deps.identity);
      return c.body(null, 204);
    },
  );

  return r;
}
