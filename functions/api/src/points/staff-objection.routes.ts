import { createRoute } from '@hono/zod-openapi';
import { auditWhoOf, lodgeObjection } from '@xjf/data';
import { idSchema, objectionCreateSchema, pointRecordSchema } from '@xjf/domain';
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
import * as z from 'zod';
import { withEvidenceUrls } from '../photos/views';

const tags = ['公示栏与异议 Public notice board & objections'];
const recordParams = z.object({ villageId: idSchema, recordId: idSchema });

/** Staff lodging an objection for a villager: a point-records route, so it is served (and deployed)
 * beside the other record routes, not with the public board. */
export function staffObjectionRoutes(deps: Deps) {
  const r = router();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/point-records/{recordId}/object',
      tags,
      summary:
        '村干部代为登记异议（如村民来电）Village staff lodge an objection, e.g. one phoned in by a villager',
      security: bearer,
      middleware: [allow('village_admin', 'recorder'), idempotent(deps)] as const,
      request: { params: recordParams, headers: idempotencyHeader, body: jsonBody(objectionCreateSchema) },
      responses: { 200: json(pointRecordSchema, '已退回待审核'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, recordId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const record = await lodgeObjection(
        deps.db,
        scope,
        recordId,
        c.req.valid('json'),
        auditWhoOf(actor),
        deps.clock(),
      );
      return c.json(await withEvidenceUrls(deps, record), 200);
    },
  );

  return r;
}
