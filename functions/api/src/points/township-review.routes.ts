import { createRoute } from '@hono/zod-openapi';
import { townshipReview } from '@xjf/data';
import { idSchema, NotFoundError, townshipReviewSchema } from '@xjf/domain';
import { actorOf, allow, bearer, countyScopeOf, type Deps, errors, json, router } from '@xjf/http';
import { countyParams } from '../tenants/counties.routes';

/** 乡镇审核: the villages of a township and the records waiting in each. */
export function townshipReviewRoutes(deps: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/townships/{townshipId}/review',
      tags: ['积分记录 Point records'],
      summary: '乡镇待审 A township’s villages and their records waiting for a decision',
      security: bearer,
      middleware: [allow('township_reviewer', 'county_admin', 'county_official')] as const,
      request: { params: countyParams.extend({ townshipId: idSchema }) },
      responses: { 200: json(townshipReviewSchema, '各村待审数'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { countyId, townshipId } = c.req.valid('param');
      const scope = countyScopeOf(actor, countyId);
      // A reviewer sees its own township only; another one is not found, as if it did not exist.
      if (actor.kind === 'county' && actor.role === 'township_reviewer' && actor.townshipId !== townshipId)
        throw new NotFoundError('乡镇 (township)');
      return c.json(await townshipReview(deps.db, scope, townshipId), 200);
    },
  );
}
