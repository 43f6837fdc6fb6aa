import { createRoute } from '@hono/zod-openapi';
import { createCounty, createTownship, getCounty, listCounties, listTownships } from '@xjf/data';
import {
  countyCreateSchema,
  countySchema,
  idSchema,
  townshipCreateSchema,
  townshipSchema,
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
} from '@xjf/http';
import * as z from 'zod';

export const countyParams = z.object({ countyId: idSchema });
const tags = ['县与乡镇 Counties & townships'];

export function countiesRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties',
      tags,
      summary: '开通一个县 Create a county',
      security: bearer,
      middleware: [allow('platform_operator'), idempotent(deps)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(countyCreateSchema) },
      responses: { 201: json(countySchema, '已开通 (created)'), ...errors },
    }),
    async (c) => c.json(await createCounty(deps.db, c.req.valid('json'), deps.clock()), 201),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties',
      tags,
      summary: '所有县 List counties',
      security: bearer,
      middleware: [allow('platform_operator')] as const,
      request: { query: pageQuery },
      responses: { 200: json(pageOf(countySchema, 'CountyPage'), '县列表'), ...errors },
    }),
    async (c) => c.json(await listCounties(deps.db, c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}',
      tags,
      summary: '县概况 A county',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin', 'county_official', 'partner')] as const,
      request: { params: countyParams },
      responses: { 200: json(countySchema, '县'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId, { platform: true });
      return c.json(await getCounty(deps.db, scope), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties/{countyId}/townships',
      tags,
      summary: '新增乡镇 Add a township',
      security: bearer,
      middleware: [allow('county_admin'), idempotent(deps)] as const,
      request: { params: countyParams, headers: idempotencyHeader, body: jsonBody(townshipCreateSchema) },
      responses: { 201: json(townshipSchema, '已新增 (created)'), ...errors, ...conflict },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId);
      return c.json(await createTownship(deps.db, scope, c.req.valid('json'), deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/townships',
      tags,
      summary: '乡镇列表 List townships',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin', 'county_official')] as const,
      request: { params: countyParams, query: pageQuery },
      responses: { 200: json(pageOf(townshipSchema, 'TownshipPage'), '乡镇列表'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId, { platform: true });
      return c.json(await listTownships(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  return r;
}
