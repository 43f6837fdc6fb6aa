import { createRoute } from '@hono/zod-openapi';
import { getVillage, listVillages, updateVillage, villageFirstSteps } from '@xjf/data';
import { firstStepsSchema, idSchema, villagePatchSchema, villageSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  conflict,
  countyScopeOf,
  type Deps,
  errors,
  json,
  jsonBody,
  pageOf,
  pageQuery,
  router,
  villageScopeOf,
} from '@xjf/http';
import * as z from 'zod';
import { countyParams } from './counties.routes';

export const villageParams = z.object({ villageId: idSchema });
const tags = ['村 Villages'];

export function villagesRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/villages',
      tags,
      summary: '全县的村 Villages of a county',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin', 'county_official')] as const,
      request: { params: countyParams, query: pageQuery.extend({ townshipId: idSchema.optional() }) },
      responses: { 200: json(pageOf(villageSchema, 'VillagePage'), '村列表'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId, { platform: true });
      return c.json(await listVillages(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}',
      tags,
      summary: '村概况 A village',
      security: bearer,
      middleware: [
        allow(
          'county_admin',
          'county_official',
          'township_reviewer',
          'village_admin',
          'recorder',
          'store_clerk',
        ),
      ] as const,
      request: { params: villageParams },
      responses: { 200: json(villageSchema, '村'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await getVillage(deps.db, scope), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/villages/{villageId}',
      tags,
      summary: '修改村信息 Update a village profile',
      security: bearer,
      middleware: [allow('county_admin', 'village_admin')] as const,
      request: { params: villageParams, body: jsonBody(villagePatchSchema) },
      responses: { 200: json(villageSchema, '已修改'), ...errors, ...conflict },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await updateVillage(deps.db, scope, c.req.valid('json'), deps.clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/first-steps',
      tags,
      summary: '开通后的第一步 A new village’s first steps',
      description:
        '发布细则、导入农户、添加积分员或开启乡镇审核、积分超市上架、首条记录公示：各步是否已完成，按实际数据判断 (each step done or not, read from the data itself)',
      security: bearer,
      middleware: [allow('village_admin')] as const,
      request: { params: villageParams },
      responses: { 200: json(firstStepsSchema, '第一步清单'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await villageFirstSteps(deps.db, scope), 200);
    },
  );

  return r;
}
