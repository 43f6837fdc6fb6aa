import { createRoute } from '@hono/zod-openapi';
import { getCounty, getTownship, getVillage, householdOfUser } from '@xjf/data';
import { meSchema } from '@xjf/domain';
import { actorOf, allow, bearer, type Deps, errors, json, router } from '@xjf/http';
import * as z from 'zod';

/** Answers without a token or a table read: API Gateway and monitors ask it. */
export function healthRoutes() {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['系统 System'],
      summary: '健康检查 Health',
      responses: { 200: json(z.object({ status: z.literal('ok') }), '正常') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
}

export function systemRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['系统 System'],
      summary: '当前用户 The signed-in user and their tenant',
      security: bearer,
      middleware: [
        allow(
          'platform_operator',
          'county_admin',
          'county_official',
          'partner',
          'township_reviewer',
          'village_admin',
          'recorder',
          'store_clerk',
          'villager',
        ),
      ] as const,
      responses: { 200: json(meSchema, '当前用户'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { userId, username, name, role } = actor;
      if (actor.kind === 'platform') return c.json({ userId, username, name, role }, 200);
      const townshipId = actor.kind === 'county' ? actor.townshipId : undefined;
      const [county, village, householdId, township] = await Promise.all([
        getCounty(deps.db, actor),
        actor.kind === 'village' ? getVillage(deps.db, actor) : undefined,
        // A villager's page is their household's, and staff never approve their own household's
        // points: the link lives on the user item.
        actor.kind === 'village' ? householdOfUser(deps.db, actor, actor.userId) : undefined,
        townshipId ? getTownship(deps.db, actor, townshipId) : undefined,
      ]);
      return c.json(
        {
          userId,
          username,
          name,
          role,
          countyId: actor.countyId,
          countyName: county.name,
          villageId: village?.id,
          villageName: village?.name,
          householdId,
          townshipId: township?.id,
          townshipName: township?.name,
        },
        200,
      );
    },
  );

  return r;
}
