import { createRoute } from '@hono/zod-openapi';
import { createInvite, listInvites } from '@xjf/data';
import { inviteCreateSchema, inviteSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
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
} from '@xjf/http';
import { countyParams } from './counties.routes';

const tags = ['邀请码 Invites'];

export function invitesRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties/{countyId}/invites',
      tags,
      summary: '生成村邀请码 Issue a village invite code',
      description: '一次性使用，到期作废 (single use, expiring)',
      security: bearer,
      middleware: [allow('county_admin'), idempotent(deps)] as const,
      request: { params: countyParams, headers: idempotencyHeader, body: jsonBody(inviteCreateSchema) },
      responses: { 201: json(inviteSchema, '邀请码 (the invite)'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = countyScopeOf(actor, c.req.valid('param').countyId);
      return c.json(await createInvite(deps.db, scope, c.req.valid('json'), actor.userId, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/invites',
      tags,
      summary: '邀请码列表（新的在前） List invite codes, newest first',
      security: bearer,
      middleware: [allow('county_admin')] as const,
      request: { params: countyParams, query: pageQuery },
      responses: { 200: json(pageOf(inviteSchema, 'InvitePage'), '邀请码列表'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId);
      return c.json(await listInvites(deps.db, scope, c.req.valid('query'), deps.clock()), 200);
    },
  );

  return r;
}
