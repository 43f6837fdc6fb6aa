import { allPages, api, call, type Schemas } from '../../lib/api';

export type StoreItem = Schemas['StoreItem'];
export type StoreItemCreate = Schemas['StoreItemCreate'];
export type StoreItemPatch = Schemas['StoreItemPatch'];
export type StockMovement = Schemas['StockMovement'];
export type StockMovementCreate = Schemas['StockMovementCreate'];
export type StoreSettings = Schemas['StoreSettings'];
export type StoreSettingsPut = Schemas['StoreSettingsPut'];
export type RedemptionDays = StoreSettingsPut['redemptionDays'];
export type Redemption = Schemas['Redemption'];
export type RedemptionCreate = Schemas['RedemptionCreate'];
export type Receipt = Schemas['RedemptionReceipt'];
export type StoreReport = Schemas['StoreReport'];

export const intakeSources = ['donation', 'purchase', 'other'] as const;

export const listItems = async (villageId: string) =>
  (
    await call(
      api().GET('/api/villages/{villageId}/store/items', {
        params: { path: { villageId } },
      }),
    )
  ).items;

export const createItem = (villageId: string, body: StoreItemCreate, idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/store/items', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const patchItem = (villageId: string, itemId: string, body: StoreItemPatch) =>
  call(
    api().PATCH('/api/villages/{villageId}/store/items/{itemId}', {
      params: { path: { villageId, itemId } },
      body,
    }),
  );

export const addStockMovement = (
  villageId: string,
  itemId: string,
  body: StockMovementCreate,
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/store/items/{itemId}/stock-movements', {
      params: { path: { villageId, itemId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const listStockMovements = (villageId: string, itemId: string, cursor?: string) =>
  call(
    api().GET('/api/villages/{villageId}/store/items/{itemId}/stock-movements', {
      params: { path: { villageId, itemId }, query: { cursor, limit: 50 } },
    }),
  );

export const getSettings = (villageId: string) =>
  call(api().GET('/api/villages/{villageId}/store/settings', { params: { path: { villageId } } }));

export const putSettings = (villageId: string, body: StoreSettingsPut) =>
  call(
    api().PUT('/api/villages/{villageId}/store/settings', {
      params: { path: { villageId } },
      body,
    }),
  );

export const redeem = (villageId: string, body: RedemptionCreate, idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/redemptions', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

/** A day's redemptions, newest first: a village sells tens a day, so all pages at once. */
export const listRedemptions = (villageId: string, date: string) =>
  allPages((cursor) =>
    call(
      api().GET('/api/villages/{villageId}/redemptions', {
        params: { path: { villageId }, query: { date, cursor, limit: 100 } },
      }),
    ),
  );

/**
 * The latest China day with redemptions within `days` of `today`, or undefined. The API lists one
 * day at a time, so days are asked a week at a time, newest first; a village sells most weeks.
 */
export async function latestRedemptionDay(villageId: string, today: string, days = 30) {
  const base = Date.parse(`${today}T00:00:00Z`);
  const dayBefore = (n: number) => new Date(base - n * 86_400_000).toISOString().slice(0, 10);
  for (let start = 0; start < days; start += 7) {
    const week = Array.from({ length: Math.min(7, days - start) }, (_, i) => dayBefore(start + i));
    const counts = await Promise.all(
      week.map((date) =>
        call(
          api().GET('/api/villages/{villageId}/redemptions', {
            params: { path: { villageId }, query: { date, limit: 1 } },
          }),
        ).then((page) => page.items.length),
      ),
    );
    const found = counts.findIndex((c) => c > 0);
    if (found >= 0) return week[found];
  }
  return undefined;
}

export const cancelRedemption = (
  villageId: string,
  redemptionId: string,
  reason: string,
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/redemptions/{redemptionId}/cancel', {
      params: { path: { villageId, redemptionId }, header: { 'idempotency-key': idempotencyKey } },
      body: { reason },
    }),
  );

export const getReport = (villageId: string, date?: string) =>
  call(
    api().GET('/api/villages/{villageId}/store/report', {
      params: { path: { villageId }, query: { date } },
    }),
  );
