import { createRoute } from '@hono/zod-openapi';
import { listAudit } from '@xjf/data';
import { auditEntrySchema, auditQuerySchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  countyScopeOf,
  type Deps,
  errors,
  json,
  pageOf,
  router,
  villageScopeOf,
} from '@xjf/http';
import { countyParams } from '../tenants/counties.routes';
import { villageParams } from '../tenants/villages.routes';

/** The village admin and the county that oversees the village read who did what; nobody writes here. */
export function auditRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/audit',
      tags: ['审计日志 Audit log'],
      summary: '审计日志（新到旧）The village’s audit log, newest first',
      description:
        '录入、审核、驳回、异议、冲正与导入，谁在何时做了什么；from/to 为日期（含） (create, approve, reject, objection, reversal, import; from/to are China days, inclusive)',
      security: bearer,
      middleware: [allow('village_admin', 'county_admin', 'county_official')] as const,
      request: { params: villageParams, query: auditQuerySchema },
      responses: { 200: json(pageOf(auditEntrySchema, 'AuditPage'), '审计日志'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await listAudit(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  return r;
}

/** The county's own log (its users' accounts), on the admin surface with the county's users. */
export function countyAuditRoutes(deps: Deps) {
  const r = router();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/audit',
      tags: ['审计日志 Audit log'],
      summary: '县级账号审计日志 The county users’ sign-ins, failures, locks and resets, newest first',
      security: bearer,
      middleware: [allow('platform_operator', 'county_admin')] as const,
      request: { params: countyParams, query: auditQuerySchema },
      responses: { 200: json(pageOf(auditEntrySchema, 'AuditPage'), '审计日志'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId, { platform: true });
      return c.json(await listAudit(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  return r;
}
