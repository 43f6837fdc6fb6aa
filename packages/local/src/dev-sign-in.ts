import { createRoute } from '@hono/zod-openapi';
import { type Db, getCounty, getUsername, getVillage, listUsernames } from '@xjf/data';
import { roleSchema, usernameSchema } from '@xjf/domain';
import { claimsForUser, DEV_TOKEN_LIFETIME_SECONDS, errors, json, jsonBody, router } from '@xjf/http';
import * as z from 'zod';

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

type Issue = (claims: ReturnType<typeof claimsForUser>, now: Date) => Promise<string>;

/**
 * Sign-in without Cognito, present only in the local runtime: it issues the same claims a
 * Cognito ID token carries, so everything after the token is the production path.
 */
export function devSignInRoutes(deps: { db: Db; issue: Issue }) {
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
      summary: '以某用户身份登录 Sign in as a user',
      request: { body: jsonBody(z.strictObject({ username: usernameSchema })) },
      responses: {
        200: json(z.object({ token: z.string(), expiresAt: z.iso.datetime() }), '令牌 (an ID token)'),
        ...errors,
      },
    }),
    async (c) => {
      const user = await getUsername(deps.db, c.req.valid('json').username);
      // Tokens are checked against real time, whatever clock the app is given.
      const now = new Date();
      const token = await deps.issue(claimsForUser(user), now);
      return c.json(
        { token, expiresAt: new Date(now.getTime() + DEV_TOKEN_LIFETIME_SECONDS * 1000).toISOString() },
        200,
      );
    },
  );

  return r;
}
