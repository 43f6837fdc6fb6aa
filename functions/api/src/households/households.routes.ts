import { createRoute } from '@hono/zod-openapi';
import { createHousehold, getHousehold, importRoster, listHouseholds } from '@xjf/data';
import {
  householdCreateSchema,
  householdQuerySchema,
  householdSchema,
  idSchema,
  rosterImportResultSchema,
  rosterImportSchema,
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
  router,
  villageScopeOf,
} from '@xjf/http';
import { householdReaders, villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';
import { assertMayReadHousehold } from './own-household';

const tags = ['农户 Households'];

export function householdsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/households',
      tags,
      summary: '登记农户 Register a household with its members',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(householdCreateSchema) },
      responses: { 201: json(householdSchema, '已登记'), ...errors, ...conflict },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await createHousehold(deps.db, scope, c.req.valid('json'), deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/households/import',
      tags,
      summary:
        '导入花名册：一人一行，同户号为一户；有错则列出每个错行且不写入 Import a roster, all or nothing',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(rosterImportSchema) },
      responses: { 201: json(rosterImportResultSchema, '已导入'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const { rows } = c.req.valid('json');
      return c.json(await importRoster(deps.db, scope, rows, actor, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households',
      tags,
      summary: '农户列表：按姓名、户号或村民小组查找 Households, by name, number or village group',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams, query: householdQuerySchema },
      responses: { 200: json(pageOf(householdSchema, 'HouseholdPage'), '农户'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await listHouseholds(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}',
      tags,
      summary: '农户详情（村民只能看自己家）A household (a villager: their own only)',
      security: bearer,
      middleware: [allow(...householdReaders)] as const,
      request: { params: villageParams.extend({ householdId: idSchema }) },
      responses: { 200: json(householdSchema, '农户'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const [household] = await Promise.all([
        getHousehold(deps.db, scope, householdId),
        assertMayReadHousehold(deps.db, actor, scope, householdId),
      ]);
      return c.json(household, 200);
    },
  );

  return r;
}
