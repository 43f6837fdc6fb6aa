import { createRoute } from '@hono/zod-openapi';
import { grantConsent, listConsents, listLookups, withdrawConsent } from '@xjf/data';
import {
  consentCreateSchema,
  consentSchema,
  consentWithdrawSchema,
  idSchema,
  partnerLookupSchema,
} from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  conflict,
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
import * as z from 'zod';
import { villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

const tags = ['授权与查询记录 Consents & partner look-ups'];
const householdParams = villageParams.extend({ householdId: idSchema });

/** The village admin records what a household signed; the village and its county read consents and look-ups. */
export function consentsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/households/{householdId}/consents',
      tags,
      summary: '登记农户授权 Record a household’s consent to a partner (the day it signed)',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: { params: householdParams, headers: idempotencyHeader, body: jsonBody(consentCreateSchema) },
      responses: { 201: json(consentSchema, '已登记'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const consent = await grantConsent(
        deps.db,
        scope,
        householdId,
        c.req.valid('json'),
        { userId: actor.userId, name: actor.name || actor.username },
        deps.clock(),
      );
      return c.json(consent, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}/consents',
      tags,
      summary: '农户的授权（含已撤回）A household’s consents, withdrawn ones included',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: householdParams },
      responses: {
        200: json(z.object({ items: z.array(consentSchema) }).meta({ id: 'ConsentList' }), '授权'),
        ...errors,
      },
    }),
    async (c) => {
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      return c.json({ items: await listConsents(deps.db, scope, householdId) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/households/{householdId}/consents/{consentId}/withdraw',
      tags,
      summary: '撤回授权 Withdraw a consent (kept in the history)',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: {
        params: householdParams.extend({ consentId: idSchema }),
        headers: idempotencyHeader,
        body: jsonBody(consentWithdrawSchema),
      },
      responses: { 200: json(consentSchema, '已撤回'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId, consentId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const consent = await withdrawConsent(
        deps.db,
        scope,
        householdId,
        consentId,
        c.req.valid('json'),
        { userId: actor.userId, name: actor.name || actor.username },
        deps.clock(),
      );
      return c.json(consent, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}/partner-lookups',
      tags,
      summary: '查询记录（新到旧）Partner look-ups of a household, allowed and refused, newest first',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: householdParams, query: pageQuery },
      responses: { 200: json(pageOf(partnerLookupSchema, 'PartnerLookupPage'), '查询记录'), ...errors },
    }),
    async (c) => {
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      return c.json(await listLookups(deps.db, scope, householdId, c.req.valid('query')), 200);
    },
  );

  return r;
}
