import { createRoute } from '@hono/zod-openapi';
import { villageSummary } from '@xjf/data';
import { reportRange, villageReportQuerySchema, villageSummarySchema } from '@xjf/domain';
import { actorOf, allow, bearer, type Deps, errors, json, router, villageScopeOf } from '@xjf/http';
import { villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

export function villageSummaryRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/reports/summary',
      tags: ['县级数据看板 County dashboard'],
      summary:
        '本村概况：积分、参与率、积分前列农户、公示中记录，及在乡镇和全县的名次 A village’s figures and its rank (你追我赶)',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams, query: villageReportQuerySchema },
      responses: { 200: json(villageSummarySchema, '本村概况'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const range = reportRange(c.req.valid('query'), deps.clock());
      return c.json(await villageSummary(deps.db, scope, range), 200);
    },
  );

  return r;
}
