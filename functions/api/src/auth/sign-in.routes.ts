import { createRoute } from '@hono/zod-openapi';
import {
  passwordChallengeSchema,
  passwordSignInSchema,
  signInStepSchema,
  totpChallengeSchema,
  totpEnrolmentSchema,
} from '@xjf/domain';
import {
  type AppEnv,
  type Deps,
  errorSchema,
  errors,
  type Identity,
  json,
  jsonBody,
  router,
} from '@xjf/http';
import type { Context } from 'hono';
import { setRefreshCookie } from './session-cookie';
import {
  answerPasswordChange,
  answerTotp,
  completeTotpEnrolment,
  passwordSignIn,
  type StepResult,
} from './sign-in';

export const authTags = ['登录 Sign-in'];
export const locked = { 423: json(errorSchema, '连续失败已锁定 (locked after repeated failures)') };
export const tooMany = { 429: json(errorSchema, '过于频繁 (rate limited)') };

/** Answers a sign-in step; a finished sign-in also gets its refresh cookie. */
export function stepAnswer(
  c: Context<AppEnv>,
  identity: Pick<Identity, 'secureCookies'>,
  result: StepResult,
) {
  if (result.refreshToken) setRefreshCookie(c, identity, result.refreshToken);
  c.header('Cache-Control', 'no-store');
  return c.json(result.step, 200);
}

/**
 * Staff sign-in, step by step: the password, then (when due) a new password, the TOTP code or
 * TOTP set-up. Each step before the last answers a short-lived challenge for the next one.
 */
export function signInRoutes(deps: Deps) {
  const r = router();
  const ctx = () => ({ db: deps.db, identity: deps.identity, now: deps.clock() });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-in',
      tags: authTags,
      summary: '用户名密码登录 Sign in with username and password',
      request: { body: jsonBody(passwordSignInSchema) },
      responses: { 200: json(signInStepSchema, '下一步或已登录'), ...errors, ...locked },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      return stepAnswer(c, deps.identity, await passwordSignIn(ctx(), username, password));
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: authTags,
      summary: '首次登录设置新密码 Replace a one-time password',
      request: { body: jsonBody(passwordChallengeSchema) },
      responses: { 200: json(signInStepSchema, '下一步或已登录'), ...errors, ...locked },
    }),
    async (c) => {
      const { challenge, newPassword } = c.req.valid('json');
      return stepAnswer(c, deps.identity, await answerPasswordChange(ctx(), challenge, newPassword));
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp',
      tags: authTags,
      summary: '输入动态码或恢复码 Prove the second factor',
      request: { body: jsonBody(totpChallengeSchema) },
      responses: { 200: json(signInStepSchema, '已登录'), ...errors, ...locked },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const answer = 'code' in body ? { code: body.code } : { recoveryCode: body.recoveryCode };
      return stepAnswer(c, deps.identity, await answerTotp(ctx(), body.challenge, answer));
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp/enrolment',
      tags: authTags,
      summary: '绑定身份验证器 Finish setting up TOTP with its first code',
      request: { body: jsonBody(totpEnrolmentSchema) },
      responses: { 200: json(signInStepSchema, '已登录，附恢复码'), ...errors, ...locked },
    }),
    async (c) => {
      const { challenge, code } = c.req.valid('json');
      return stepAnswer(c, deps.identity, await completeTotpEnrolment(ctx(), challenge, code));
    },
  );

  return r;
}
