import { createRoute } from '@hono/zod-openapi';
import {
  cancelRedemption,
  createRedemption,
  getRedemption,
  listRedemptions,
  reconcileStock,
  redemptionDay,
} from '@xjf/data';
import {
  chinaDate,
  idSchema,
  isLowStock,
  redemptionCancelSchema,
  redemptionCreateSchema,
  redemptionQuerySchema,
  redemptionReceiptSchema,
  redemptionSchema,
  storeItemSchema,
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
  sealOf,
  villageScopeOf,
} from '@xjf/http';
import * as z from 'zod';
import { villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

const tags = ['积分超市 Points store'];
const redemptionParams = villageParams.extend({ redemptionId: idSchema });

const storeReportSchema = z
  .object({
    day: z.object({
      date: z.iso.date(),
      redemptions: z.int(),
      cancelled: z.int(),
      households: z.int(),
      points: z.int(),
      items: z.array(
        z.object({
          itemId: idSchema,
          name: z.string(),
          unit: z.string(),
          quantity: z.int(),
          points: z.int(),
        }),
      ),
    }),
    stock: z.array(
      z.object({
        item: storeItemSchema,
        movements: z.int(),
        movementsSum: z.int(),
        /** Stock on hand equals the sum of the item's movements. */
        matches: z.boolean(),
        lowStock: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'StoreReport' });

export function redemptionsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/redemptions',
      tags,
      summary: '柜台兑换：扣积分、减库存、出兑换码 Redeem at the counter',
      description:
        '请求中带上店员看到的价格；若价格已变动则返回 409 并给出新价格，什么也不写入。 The request carries the prices the clerk saw; a changed price answers 409 with the new price and writes nothing.',
      security: bearer,
      middleware: [allow('store_clerk', 'village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(redemptionCreateSchema) },
      responses: { 201: json(redemptionReceiptSchema, '已兑换'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const input = c.req.valid('json');
      return c.json(await createRedemption(deps.db, scope, input, actor, deps.clock(), sealOf(c)), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/redemptions',
      tags,
      summary: '兑换记录：某一天的，或某户的全部 Redemptions of a day, or of a household',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams, query: redemptionQuerySchema },
      responses: { 200: json(pageOf(redemptionSchema, 'RedemptionPage'), '兑换记录'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await listRedemptions(deps.db, scope, c.req.valid('query'), deps.clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/redemptions/{redemptionId}',
      tags,
      summary: '兑换详情（小票）A redemption, as on its receipt',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: redemptionParams },
      responses: { 200: json(redemptionSchema, '兑换'), ...errors },
    }),
    async (c) => {
      const { villageId, redemptionId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      return c.json(await getRedemption(deps.db, scope, redemptionId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/redemptions/{redemptionId}/cancel',
      tags,
      summary: '撤销兑换：退回积分和库存 Cancel a redemption: points and stock come back',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: {
        params: redemptionParams,
        headers: idempotencyHeader,
        body: jsonBody(redemptionCancelSchema),
      },
      responses: { 200: json(redemptionSchema, '已撤销'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, redemptionId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const { reason } = c.req.valid('json');
      const now = deps.clock();
      return c.json(await cancelRedemption(deps.db, scope, redemptionId, reason, actor, now, sealOf(c)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/store/report',
      tags,
      summary: '超市日报与库存核对 The day at the counter, and stock reconciled with its movements',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams, query: z.strictObject({ date: z.iso.date().optional() }) },
      responses: { 200: json(storeReportSchema, '报表'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const now = deps.clock();
      const [day, stock] = await Promise.all([
        redemptionDay(deps.db, scope, c.req.valid('query').date ?? chinaDate(now), now),
        reconcileStock(deps.db, scope),
      ]);
      return c.json({ day, stock: stock.map((s) => ({ ...s, lowStock: isLowStock(s.item) })) }, 200);
    },
  );

  return r;
}
