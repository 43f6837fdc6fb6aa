import { createRoute } from '@hono/zod-openapi';
import { signInStepSchema, smsCodeRequestSchema, smsCodeSentSchema, smsSignInSchema } from '@xjf/domain';
import { type Deps, errors, json, jsonBody, router } from '@xjf/http';
import { sourceOf } from './session-cookie';
import { authTags, stepAnswer, tooMany } from './sign-in.routes';
import { sendSignInCode, smsSignIn } from './sms';

/** Villagers sign in with their mobile number and a 6-digit code sent by SMS. */
export function smsRoutes(deps: Deps) {
  const r = router();
  const ctx = () => ({ db: deps.db, identity: deps.identity, now: deps.clock() });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/sms/codes',
      tags: authTags,
      summary: '发送短信验证码 Text a sign-in code to a villager’s mobile',
      request: { body: jsonBody(smsCodeRequestSchema) },
      responses: { 202: json(smsCodeSentSchema, '已受理'), ...errors, ...tooMany },
    }),
    async (c) => {
      const { mobile } = c.req.valid('json');
      return c.json(await sendSignInCode(ctx(), mobile, sourceOf(c)), 202);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/sms/sign-in',
      tags: authTags,
      summary: '短信验证码登录 Sign in with the code',
      request: { body: jsonBody(smsSignInSchema) },
      responses: { 200: json(signInStepSchema, '已登录'), ...errors },
    }),
    async (c) => {
      const { mobile, code } = c.req.valid('json');
      return stepAnswer(c, deps.identity, await smsSignIn(ctx(), mobile, code));
    },
  );

  return r;
}
