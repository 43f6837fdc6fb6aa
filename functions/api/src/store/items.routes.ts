import { createRoute } from '@hono/zod-openapi';
import {
  addStockMovement,
  createItem,
  getItem,
  getStoreSettings,
  listItems,
  listStockMovements,
  patchItem,
  putStoreSettings,
} from '@xjf/data';
import {
  assertVillagePhotos,
  idSchema,
  stockMovementCreateSchema,
  stockMovementSchema,
  storeItemCreateSchema,
  storeItemPatchSchema,
  storeItemSchema,
  storeSettingsPutSchema,
  storeSettingsSchema,
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
  pageQuery,
  router,
  villageScopeOf,
} from '@xjf/http';
import * as z from 'zod';
import { withPhotoUrl } from '../photos/views';
import { villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

const tags = ['积分超市 Points store'];
const itemParams = villageParams.extend({ itemId: idSchema });
/** Who keeps the shelf: the clerk at the counter and the village admin. */
const shelfKeepers = ['store_clerk', 'village_admin'] as const;

/** An item's photo must be one uploaded for this village's shelf. */
const assertItemPhoto = (
  photoKey: string | null | undefined,
  scope: { countyId: string; villageId: string },
) => {
  if (photoKey) assertVillagePhotos({ photoKey }, scope, 'item');
};

export function storeItemsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/store/items',
      tags,
      summary: '上架商品（库存为 0，入库后可兑换）Add an item to the catalog',
      security: bearer,
      middleware: [allow(...shelfKeepers), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(storeItemCreateSchema) },
      responses: { 201: json(storeItemSchema, '已上架'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const input = c.req.valid('json');
      assertItemPhoto(input.photoKey, scope);
      return c.json(await withPhotoUrl(deps, await createItem(deps.db, scope, input, deps.clock())), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/store/items',
      tags,
      summary: '商品目录（含已下架）The catalog, retired items included',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams },
      responses: { 200: json(z.object({ items: z.array(storeItemSchema) }), '商品'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const items = await listItems(deps.db, scope);
      return c.json({ items: await Promise.all(items.map((item) => withPhotoUrl(deps, item))) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/store/items/{itemId}',
      tags,
      summary: '商品详情 An item',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: itemParams },
      responses: { 200: json(storeItemSchema, '商品'), ...errors },
    }),
    async (c) => {
      const { villageId, itemId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      return c.json(await withPhotoUrl(deps, await getItem(deps.db, scope, itemId)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/villages/{villageId}/store/items/{itemId}',
      tags,
      summary: '修改商品：名称、价格、图片、下架 Change an item: name, price, photo, retire',
      security: bearer,
      middleware: [allow(...shelfKeepers)] as const,
      request: { params: itemParams, body: jsonBody(storeItemPatchSchema) },
      responses: { 200: json(storeItemSchema, '已修改'), ...errors },
    }),
    async (c) => {
      const { villageId, itemId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      const patch = c.req.valid('json');
      assertItemPhoto(patch.photoKey, scope);
      return c.json(
        await withPhotoUrl(deps, await patchItem(deps.db, scope, itemId, patch, deps.clock())),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/store/items/{itemId}/stock-movements',
      tags,
      summary: '入库或盘点调整 Intake or a stock adjustment',
      security: bearer,
      middleware: [allow(...shelfKeepers), idempotent(deps)] as const,
      request: { params: itemParams, headers: idempotencyHeader, body: jsonBody(stockMovementCreateSchema) },
      responses: {
        201: json(z.object({ item: storeItemSchema, movement: stockMovementSchema }), '已记录'),
        ...errors,
        ...conflict,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, itemId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      return c.json(
        await addStockMovement(deps.db, scope, itemId, c.req.valid('json'), actor, deps.clock()),
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/store/items/{itemId}/stock-movements',
      tags,
      summary: '库存流水（最新在前）Stock movements, newest first',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: itemParams, query: pageQuery },
      responses: { 200: json(pageOf(stockMovementSchema, 'StockMovementPage'), '流水'), ...errors },
    }),
    async (c) => {
      const { villageId, itemId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      await getItem(deps.db, scope, itemId);
      return c.json(await listStockMovements(deps.db, scope, itemId, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/store/settings',
      tags,
      summary: '超市设置：积分项目、兑换日、撤销期限 Store settings',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams },
      responses: { 200: json(storeSettingsSchema, '设置'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await getStoreSettings(deps.db, scope), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/villages/{villageId}/store/settings',
      tags,
      summary: '修改超市设置 Change the store settings',
      security: bearer,
      middleware: [allow('village_admin')] as const,
      request: { params: villageParams, body: jsonBody(storeSettingsPutSchema) },
      responses: { 200: json(storeSettingsSchema, '已保存'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await putStoreSettings(deps.db, scope, c.req.valid('json'), deps.clock()), 200);
    },
  );

  return r;
}
