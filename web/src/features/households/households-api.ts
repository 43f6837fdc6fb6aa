import { allPages, api, call, type Schemas } from '../../lib/api';

export type Household = Schemas['Household'];
export type HouseholdCreate = Schemas['HouseholdCreate'];
export type Relation = Schemas['Member']['relation'];
export type Ledger = Schemas['HouseholdLedger'];
export type Account = Ledger['accounts'][number];
export type LedgerEntry = Schemas['LedgerEntry'];

export const relations: Relation[] = [
  '户主',
  '配偶',
  '子女',
  '儿媳',
  '女婿',
  '孙辈',
  '父母',
  '兄弟姐妹',
  '其他',
];

export const PAGE_SIZE = 20;

type HouseholdQuery = { q?: string; group?: string; limit?: number; cursor?: string };

const householdPage = (villageId: string, query: HouseholdQuery) =>
  call(
    api().GET('/api/villages/{villageId}/households', {
      params: { path: { villageId }, query },
    }),
  );

/**
 * A page of households. With a search or a group the API may answer a short (even empty) page
 * that still has a `nextCursor`: it filters after reading `limit` households. So follow the
 * cursor until the page is full or the list ends (a bounded number of reads).
 */
export async function listHouseholds(villageId: string, query: HouseholdQuery) {
  const limit = query.limit ?? PAGE_SIZE;
  const items: Household[] = [];
  let cursor = query.cursor;
  for (let reads = 0; reads < 25; reads++) {
    const page = await householdPage(villageId, { ...query, limit, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor || items.length >= limit) break;
  }
  return { items, nextCursor: cursor };
}

export const getHousehold = (villageId: string, householdId: string) =>
  call(
    api().GET('/api/villages/{villageId}/households/{householdId}', {
      params: { path: { villageId, householdId } },
    }),
  );

export const createHousehold = (villageId: string, body: HouseholdCreate, idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/households', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const getLedger = (
  villageId: string,
  householdId: string,
  query: { asOf?: string; limit?: number; cursor?: string },
) =>
  call(
    api().GET('/api/villages/{villageId}/households/{householdId}/ledger', {
      params: { path: { villageId, householdId }, query },
    }),
  );

/** The last moment of a China calendar day (`2026-06-01`) as an ISO instant: "the balance that evening". */
export function endOfChinaDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

export type RosterRow = Schemas['RosterImport']['rows'][number];

export const importRoster = (villageId: string, rows: RosterRow[], idempotencyKey: string) =>
  call(
    api().POST('/api/villages/{villageId}/households/import', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body: { rows },
    }),
  );

/** Every household of the village, for the month grid (a village has hundreds, not millions). */
export const allHouseholds = (villageId: string) =>
  allPages((cursor) => householdPage(villageId, { limit: 100, cursor }));
