import { createRoute } from '@hono/zod-openapi';
import { getCounty, getVillage, householdOfUser } from '@xjf/data';
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
      const [county, village, householdId] = await Promise.all([
        getCounty(deps.db, actor),
        actor.kind === 'village' ? getVillage(deps.db, actor) : undefined,
        // A villager's page is their household's: the link lives on their user item.
        actor.kind === 'village' && actor.role === 'villager'
          ? householdOfUser(deps.db, actor, actor.userId)
          : undefined,
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
        },
        200,
      );
    },
  );

  return r;
}
