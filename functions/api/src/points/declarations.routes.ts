import { createRoute } from '@hono/zod-openapi';
import { declarablePrograms, listDeclarations } from '@xjf/data';
import { idSchema, pointRecordSchema, ruleSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  type Deps,
  errors,
  json,
  pageOf,
  pageQuery,
  router,
  villageScopeOf,
} from '@xjf/http';
import * as z from 'zod';
import { assertMayReadHousehold } from '../households/own-household';
import { withEvidenceUrls } from '../photos/views';
import { householdReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

const tags = ['村民自主申报 Self-declaration'];
const householdParams = villageParams.extend({ householdId: idSchema });

const declarableSchema = z
  .object({
    items: z.array(
      z.object({
        programId: idSchema,
        programName: z.string(),
        accountHolder: z.enum(['household', 'member']),
        ruleSetId: idSchema,
        /** The version in effect today: name it when previewing, so the estimate is of these rules. */
        version: z.int().positive(),
        rules: z.array(ruleSchema),
      }),
    ),
  })
  .meta({ id: 'DeclarablePrograms' });

/**
 * What a villager needs to declare points (村民自主申报) and follow them: the rules they may
 * declare under, and their household's declarations. Declaring itself is `POST …/point-records`.
 */
export function declarationsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}/declarable-rules',
      tags,
      summary: '本户今天可自主申报的规则（按项目）The rules a household may declare under today, by program',
      security: bearer,
      middleware: [allow(...householdReaders)] as const,
      request: { params: householdParams },
      responses: { 200: json(declarableSchema, '可申报的规则'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const [items] = await Promise.all([
        declarablePrograms(deps.db, scope, deps.clock()),
        assertMayReadHousehold(deps.db, actor, scope, householdId),
      ]);
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}/declarations',
      tags,
      summary:
        '农户的自主申报及其状态，最新在前（村民只能看自己家）A household’s declarations and their status, newest first',
      security: bearer,
      middleware: [allow(...householdReaders)] as const,
      request: { params: householdParams, query: pageQuery },
      responses: { 200: json(pageOf(pointRecordSchema, 'DeclarationPage'), '申报记录'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const [page] = await Promise.all([
        listDeclarations(deps.db, scope, householdId, c.req.valid('query')),
        assertMayReadHousehold(deps.db, actor, scope, householdId),
      ]);
      const items = await Promise.all(page.items.map((record) => withEvidenceUrls(deps, record)));
      return c.json({ ...page, items }, 200);
    },
  );

  return r;
}
