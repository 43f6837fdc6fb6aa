import { createRoute } from '@hono/zod-openapi';
import { readSignIn, verifyPassword } from '@xjf/data';
import {
  accountSecuritySchema,
  passwordChangeSchema,
  roles,
  signInStepSchema,
  totpRequired,
  totpSetupSchema,
  ValidationError,
} from '@xjf/domain';
import { actorOf, allow, bearer, type Deps, errors, json, jsonBody, router } from '@xjf/http';
import { enrolmentStep, finish, invalidCredentials, setNewPassword } from './sign-in';
import { authTags, locked, stepAnswer } from './sign-in.routes';

/** The signed-in user's own sign-in settings: password and authenticator. Villagers use SMS and have neither. */
export function accountRoutes(deps: Deps) {
  const r = router();
  const staff = allow(...roles.filter((role) => role !== 'villager'));
  const ctx = () => ({ db: deps.db, identity: deps.identity, now: deps.clock() });
  const signedIn = async (username: string) => {
    const { account, credential } = await readSignIn(deps.db, username);
    if (!account || !credential) throw invalidCredentials();
    return { account, credential };
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/auth/account',
      tags: authTags,
      summary: '我的登录安全设置 My password and authenticator',
      security: bearer,
      middleware: [staff] as const,
      responses: { 200: json(accountSecuritySchema, '设置'), ...errors },
    }),
    async (c) => {
      const { account, credential } = await signedIn(actorOf(c).username);
      return c.json(
        {
          totpEnabled: Boolean(credential.totpSecret),
          totpRequired: totpRequired(account.role),
          recoveryCodesLeft: credential.recoveryCodeHashes?.size ?? 0,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password/change',
      tags: authTags,
      summary: '修改密码 Change my password (other sessions end)',
      security: bearer,
      middleware: [staff] as const,
      request: { body: jsonBody(passwordChangeSchema) },
      responses: { 200: json(signInStepSchema, '已修改，新会话'), ...errors, ...locked },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const { account, credential } = await signedIn(actorOf(c).username);
      if (!credential.passwordHash || !(await verifyPassword(currentPassword, credential.passwordHash)))
        // 400, not 401: the session is fine, only the typed password is wrong.
        throw new ValidationError(
          '原密码不正确 (wrong current password)',
          { currentPassword: '原密码不正确 (wrong current password)' },
          'wrong_password',
        );
      await setNewPassword(ctx(), account, credential, newPassword);
      return stepAnswer(c, deps.identity, await finish(ctx(), account, 'password changed'));
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/auth/totp/setup',
      tags: authTags,
      summary: '开始绑定身份验证器 Start setting up an authenticator app',
      security: bearer,
      middleware: [staff] as const,
      responses: { 200: json(totpSetupSchema, '密钥与二维码内容'), ...errors },
    }),
    async (c) => {
      const { credential } = await signedIn(actorOf(c).username);
      const step = await enrolmentStep(ctx(), credential);
      if (step.status !== 'totp_enrolment_required') throw new Error('enrolment step expected');
      return c.json(step.setup, 200);
    },
  );

  return r;
}
