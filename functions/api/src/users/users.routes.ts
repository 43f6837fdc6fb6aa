import { createRoute } from '@hono/zod-openapi';
import {
  auditWhoOf,
  createUser,
  type Db,
  getCounty,
  getPartner,
  getUser,
  listUsers,
  resetCredential,
  setUserHousehold,
  tenantAuditEntry,
} from '@xjf/data';
import {
  type Actor,
  assertMayAssign,
  assignableCountyRoles,
  assignableVillageRoles,
  ConflictError,
  createdUserSchema,
  idSchema,
  type Role,
  temporaryPasswordSchema,
  type User,
  userCreateSchema,
  userPatchSchema,
  userSchema,
} from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  conflict,
  countyScopeOf,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  pageOf,
  pageQuery,
  router,
  villageScopeOf,
} from '@xjf/http';
import { countyParams } from '../tenants/counties.routes';
import { villageParams } from '../tenants/villages.routes';

const tags = ['用户 Users'];
const userPage = pageOf(userSchema, 'UserPage');

/** Users are managed by the admins above them: the platform and county admins for a county, county and village admins for a village. */
export function usersRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties/{countyId}/users',
      tags,
      summary: '新增县级用户 Add a county user (admin, official, partner)',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin'), idempotent(deps)] as const,
      request: { params: countyParams, headers: idempotencyHeader, body: jsonBody(userCreateSchema) },
      responses: { 201: json(createdUserSchema, '已新增'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = countyScopeOf(actor, c.req.valid('param').countyId, { platform: true });
      const input = c.req.valid('json');
      assertMayAssign(input.role, assignableCountyRoles(actor));
      if (actor.kind === 'platform') await getCounty(deps.db, scope);
      // A partner user's partner must be one of this county's (its token will carry the id).
      if (input.partnerId) await getPartner(deps.db, scope, input.partnerId);
      return c.json(await createUser(deps.db, scope, input, actor.userId, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/users',
      tags,
      summary: '县级用户 County users',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin')] as const,
      request: { params: countyParams, query: pageQuery },
      responses: { 200: json(userPage, '用户列表'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId, { platform: true });
      return c.json(await listUsers(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/users',
      tags,
      summary: '新增村级用户 Add a village user (admin, recorder, store clerk)',
      security: bearer,
      middleware: [allow('county_admin', 'village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(userCreateSchema) },
      responses: { 201: json(createdUserSchema, '已新增'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const input = c.req.valid('json');
      assertMayAssign(input.role, assignableVillageRoles(actor));
      return c.json(await createUser(deps.db, scope, input, actor.userId, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/users',
      tags,
      summary: '村级用户 Village users',
      security: bearer,
      middleware: [allow('county_admin', 'village_admin')] as const,
      request: { params: villageParams, query: pageQuery },
      responses: { 200: json(userPage, '用户列表'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await listUsers(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/villages/{villageId}/users/{userId}',
      tags,
      summary: '设置村级用户所在农户（不能审核自家积分）Link a village user to their household',
      security: bearer,
      middleware: [allow('village_admin')] as const,
      request: { params: villageParams.extend({ userId: idSchema }), body: jsonBody(userPatchSchema) },
      responses: { 200: json(userSchema, '已保存'), ...errors },
    }),
    async (c) => {
      const { villageId, userId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      const { householdId } = c.req.valid('json');
      return c.json(await setUserHousehold(deps.db, scope, userId, householdId), 200);
    },
  );

  const resetRoute = (path: '/counties/{countyId}' | '/villages/{villageId}') =>
    createRoute({
      method: 'post',
      path: `${path}/users/{userId}/password-reset`,
      tags,
      summary: '重置密码（新临时密码，清除身份验证器，结束其会话）Reset a user’s password',
      security: bearer,
      middleware: [
        path === '/counties/{countyId}'
          ? allow('platform_operator', 'county_admin')
          : allow('county_admin', 'village_admin'),
        idempotent(deps),
      ] as const,
      responses: { 200: json(temporaryPasswordSchema, '新的临时密码'), ...errors, ...conflict },
    });

  r.openapi(
    {
      ...resetRoute('/counties/{countyId}'),
      request: { params: countyParams.extend({ userId: idSchema }), headers: idempotencyHeader },
    },
    async (c) => {
      const actor = actorOf(c);
      const { countyId, userId } = c.req.valid('param');
      const scope = countyScopeOf(actor, countyId, { platform: true });
      const user = await getUser(deps.db, scope, userId);
      return c.json(
        await resetPassword(deps.db, actor, user, assignableCountyRoles(actor), deps.clock()),
        200,
      );
    },
  );

  r.openapi(
    {
      ...resetRoute('/villages/{villageId}'),
      request: { params: villageParams.extend({ userId: idSchema }), headers: idempotencyHeader },
    },
    async (c) => {
      const actor = actorOf(c);
      const { villageId, userId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const user = await getUser(deps.db, scope, userId);
      return c.json(
        await resetPassword(deps.db, actor, user, assignableVillageRoles(actor), deps.clock()),
        200,
      );
    },
  );

  return r;
}

/** Admins reset the users they may create; villagers sign in by SMS and have no password. */
function resetPassword(db: Db, actor: Actor, user: User, assignable: readonly Role[], now: Date) {
  assertMayAssign(user.role, assignable);
  if (user.role === 'villager')
    throw new ConflictError(
      'no_password',
      '村民用短信验证码登录，没有密码 (villagers sign in by SMS: no password)',
    );
  const audit = tenantAuditEntry(db, user, {
    action: 'password_reset',
    at: now,
    by: auditWhoOf(actor),
    detail: user.username,
  });
  return resetCredential(db, user.username, audit, now);
}
