import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  ConflictError,
  NotFoundError,
  newId,
  type StockMovement,
  type StockMovementCreate,
  type StoreItem,
  type StoreItemCreate,
  type StoreItemPatch,
  stockMovementSchema,
  storeItemSchema,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryAllPrefix, queryPrefix } from '../page';
import { transactWrite } from '../transact';

type VillageScope = { countyId: string; villageId: string };

export const actorName = (actor: Actor) => actor.name || actor.username;

/** A new item starts with no stock: goods arrive as an intake movement, so stock always has a history. */
export async function createItem(db: Db, scope: VillageScope, input: StoreItemCreate, now: Date) {
  const at = now.toISOString();
  // Named fields only: whatever else a request carried is never stored.
  const item: StoreItem = {
    id: newId(),
    name: input.name,
    price: input.price,
    unit: input.unit,
    photoKey: input.photoKey,
    lowStockAt: input.lowStockAt,
    stock: 0,
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.storeItem(scope.countyId, scope.villageId, item.id), type: 'StoreItem', ...item },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    () => new ConflictError('item_exists', '商品已存在 (item exists)'),
  );
  return item;
}

export async function getItem(db: Db, scope: VillageScope, itemId: string): Promise<StoreItem> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.storeItem(scope.countyId, scope.villageId, itemId),
      ConsistentRead: true,
    }),
  );
  if (!out.Item) throw new NotFoundError('商品 (store item)');
  return storeItemSchema.parse(out.Item);
}

/** A village shelf holds tens of items, so the catalog is read whole. */
export function listItems(db: Db, scope: VillageScope): Promise<StoreItem[]> {
  return queryAllPrefix(db, keys.storeItemPrefix(scope.countyId, scope.villageId), (item) =>
    storeItemSchema.parse(item),
  );
}

export async function patchItem(
  db: Db,
  scope: VillageScope,
  itemId: string,
  patch: StoreItemPatch,
  now: Date,
) {
  const set: Record<string, unknown> = { updatedAt: now.toISOString() };
  for (const field of ['name', 'price', 'unit', 'lowStockAt'] as const) {
    if (patch[field] !== undefined) set[field] = patch[field];
  }
  if (typeof patch.photoKey === 'string') set.photoKey = patch.photoKey;
  if (patch.retired !== undefined) set.status = patch.retired ? 'retired' : 'active';
  const names = Object.keys(set);
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.storeItem(scope.countyId, scope.villageId, itemId),
        UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}${patch.photoKey === null ? ' REMOVE photoKey' : ''}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n) => [`:${n}`, set[n]])),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return storeItemSchema.parse(out.Attributes);
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException')
      throw new NotFoundError('商品 (store item)');
    throw error;
  }
}

/**
 * Intake (入库) or a hand adjustment: the item's stock and the movement change in one
 * transaction, and stock can never go below zero.
 */
export async function addStockMovement(
  db: Db,
  scope: VillageScope,
  itemId: string,
  input: StockMovementCreate,
  actor: Actor,
  now: Date,
): Promise<{ item: StoreItem; movement: StockMovement }> {
  const at = now.toISOString();
  const delta = input.kind === 'intake' ? input.quantity : input.delta;
  const movement: StockMovement =
    input.kind === 'intake'
      ? {
          id: newId(),
          itemId,
          kind: 'intake',
          delta,
          source: input.source,
          costYuan: input.costYuan,
          note: input.note,
          at,
          by: actorName(actor),
        }
      : { id: newId(), itemId, kind: 'adjustment', delta, reason: input.reason, at, by: actorName(actor) };
  await transactWrite(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.storeItem(scope.countyId, scope.villageId, itemId),
          UpdateExpression: 'SET stock = stock + :delta, updatedAt = :at',
          ConditionExpression:
            input.kind === 'intake'
              ? 'attribute_exists(PK) AND #status = :active'
              : 'attribute_exists(PK) AND stock >= :floor',
          ExpressionAttributeNames: input.kind === 'intake' ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: {
            ':delta': delta,
            ':at': at,
            ...(input.kind === 'intake' ? { ':active': 'active' } : { ':floor': Math.max(0, -delta) }),
          },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.stockMovement(scope.countyId, scope.villageId, itemId, at, movement.id),
            type: 'StockMovement',
            ...movement,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    () => new ConflictError('stock_refused', '库存变动被拒绝 (stock change refused)'),
  ).catch(async (error) => {
    if (!(error instanceof ConflictError)) throw error;
    const item = await getItem(db, scope, itemId); // 404 when there is no such item
    if (input.kind === 'intake') {
      throw new ValidationError(
        `${item.name}已下架，不能入库 (retired items take no intake)`,
        { kind: 'retired' },
        'item_retired',
      );
    }
    throw new ConflictError(
      'stock_would_go_negative',
      `库存只有 ${item.stock}${item.unit}，不能减少 ${-delta} (stock would go below zero)`,
      { delta: `最多减少 ${item.stock}` },
      { stock: item.stock },
    );
  });
  return { item: await getItem(db, scope, itemId), movement };
}

export function listStockMovements(
  db: Db,
  scope: VillageScope,
  itemId: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<StockMovement>> {
  return queryPrefix(
    db,
    keys.stockMovementPrefix(scope.countyId, scope.villageId, itemId),
    { ...page, forward: false },
    (item) => stockMovementSchema.parse(item),
  );
}

/** The sum of an item's movements: what its stock must equal. */
export async function sumStockMovements(db: Db, scope: VillageScope, itemId: string) {
  const deltas = await queryAllPrefix(
    db,
    keys.stockMovementPrefix(scope.countyId, scope.villageId, itemId),
    (m) => Number(m.delta),
  );
  return { sum: deltas.reduce((a, b) => a + b, 0), count: deltas.length };
}

/** Every item's stock on hand beside the sum of its movements, and the low-stock warnings. */
export async function reconcileStock(db: Db, scope: VillageScope) {
  const items = await listItems(db, scope);
  return Promise.all(
    items.map(async (item) => {
      const { sum, count } = await sumStockMovements(db, scope, item.id);
      return { item, movements: count, movementsSum: sum, matches: sum === item.stock };
    }),
  );
}
