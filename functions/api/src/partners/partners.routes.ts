import { createRoute } from '@hono/zod-openapi';
import { createPartner, listPartners } from '@xjf/data';
import { partnerCreateSchema, partnerSchema } from '@xjf/domain';
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
  router,
} from '@xjf/http';
import * as z from 'zod';
import { countyParams } from '../tenants/counties.routes';

const tags = ['合作机构 Partners'];

/** The county admin registers its partners (the rural bank); their users are county users with role `partner`. */
export function partnersRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties/{countyId}/partners',
      tags,
      summary: '登记合作机构 Register a partner (e.g. the rural bank) and the county programs it reads',
      security: bearer,
      middleware: [allow('county_admin'), idempotent(deps)] as const,
      request: { params: countyParams, headers: idempotencyHeader, body: jsonBody(partnerCreateSchema) },
      responses: { 201: json(partnerSchema, '已登记'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = countyScopeOf(actor, c.req.valid('param').countyId);
      return c.json(
        await createPartner(deps.db, scope, c.req.valid('json'), actor.userId, deps.clock()),
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/partners',
      tags,
      summary: '合作机构 The county’s partners',
      security: bearer,
      middleware: [allow('county_admin', 'county_official', 'village_admin')] as const,
      request: { params: countyParams },
      responses: {
        200: json(z.object({ items: z.array(partnerSchema) }).meta({ id: 'PartnerList' }), '合作机构'),
        ...errors,
      },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId);
      return c.json({ items: await listPartners(deps.db, scope) }, 200);
    },
  );

  return r;
}
