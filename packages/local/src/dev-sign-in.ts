import { createRoute } from '@hono/zod-openapi';
import { finish, stepAnswer } from '@xjf/api';
import { type Db, getCounty, getUsername, getVillage, listUsernames } from '@xjf/data';
import { phoneSchema, roleSchema, signInStepSchema, usernameSchema } from '@xjf/domain';
import { errors, type Identity, json, jsonBody, router } from '@xjf/http';
import * as z from 'zod';
import type { SentSms } from './sms-inbox';

const tags = ['本地开发 Local runtime only'];

const devUserSchema = z
  .object({
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    countyName: z.string().optional(),
    villageName: z.string().optional(),
  })
  .meta({ id: 'DevUser' });

/**
 * The demo's shortcuts, present only in the local runtime: a user picker that signs in without
 * a password (ending the sign-in exactly as the real steps do: tokens, refresh cookie, audit),
 * and the SMS inbox that stands in for the phone.
 */
export function devSignInRoutes(deps: { db: Db; identity: Identity; clock: () => Date; inbox: SentSms[] }) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/dev/users',
      tags,
      summary: '可登录的用户 Users to sign in as',
      responses: { 200: json(z.object({ items: z.array(devUserSchema) }), '用户') },
    }),
    async (c) => {
      const entries = [];
      let cursor: string | undefined;
      do {
        const page = await listUsernames(deps.db, { cursor });
        entries.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      // Each county and village is read once, however many users it has.
      const names = new Map<string, Promise<string>>();
      const nameOf = (key: string, read: () => Promise<{ name: string }>) => {
        if (!names.has(key))
          names.set(
            key,
            read().then((x) => x.name),
          );
        return names.get(key);
      };
      const items = await Promise.all(
        entries.map(async ({ username, name, role, countyId, villageId }) => ({
          username,
          name,
          role,
          countyName: countyId ? await nameOf(countyId, () => getCounty(deps.db, { countyId })) : undefined,
          villageName:
            countyId && villageId
              ? await nameOf(villageId, () => getVillage(deps.db, { countyId, villageId }))
              : undefined,
        })),
      );
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/dev/sign-in',
      tags,
      summary: '以某用户身份登录（演示）Sign in as a user (demo)',
      request: { body: jsonBody(z.strictObject({ username: usernameSchema })) },
      responses: { 200: json(signInStepSchema, '已登录'), ...errors },
    }),
    async (c) => {
      const account = await getUsername(deps.db, c.req.valid('json').username);
      // Tokens are checked against real time, whatever clock the app is given.
      const ctx = { db: deps.db, identity: deps.identity, now: new Date() };
      return stepAnswer(c, deps.identity, await finish(ctx, account, 'demo user picker'));
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/dev/sms',
      tags,
      summary: '本地短信收件箱 The codes texted so far (newest first)',
      request: { query: z.strictObject({ mobile: phoneSchema.optional() }) },
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ mobile: z.string(), code: z.string(), at: z.string() })) }),
          '短信',
        ),
        ...errors,
      },
    }),
    (c) => {
      const { mobile } = c.req.valid('query');
      return c.json({ items: deps.inbox.filter((m) => !mobile || m.mobile === mobile) }, 200);
    },
  );

  return r;
}
