import { createRoute } from '@hono/zod-openapi';
import { importRecords, recordMonthGrid } from '@xjf/data';
import { monthGridSchema, recordBatchResultSchema, recordImportSchema } from '@xjf/domain';
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
  router,
  villageScopeOf,
} from '@xjf/http';
import { villageParams } from '../tenants/villages.routes';

const tags = ['积分记录与台账 Point records & ledger'];

/** The two ways a recorder enters many records at once; both all or nothing, all pending. */
export function recordImportsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/point-records/batch',
      tags,
      summary: '月度登记：一格一条记录，全部待审核 Submit a month grid: one pending record per filled cell',
      security: bearer,
      middleware: [allow('recorder', 'village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(monthGridSchema) },
      responses: { 201: json(recordBatchResultSchema, '已录入'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      return c.json(await recordMonthGrid(deps.db, scope, c.req.valid('json'), actor, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/point-records/import',
      tags,
      summary: '导入积分记录：有错则列出每个错行且不写入 Import point records from a sheet, all or nothing',
      security: bearer,
      middleware: [allow('recorder', 'village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(recordImportSchema) },
      responses: { 201: json(recordBatchResultSchema, '已导入'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      return c.json(await importRecords(deps.db, scope, c.req.valid('json'), actor, deps.clock()), 201);
    },
  );

  return r;
}
