import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  type Household,
  type HouseholdCreate,
  householdSchema,
  householdSearchText,
  NotFoundError,
  newId,
  TAKEN,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPrefix } from '../page';
import { type TransactItems, transactWrite } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** A new household with fresh ids for it and its members. */
export function newHousehold(scope: VillageScope, input: HouseholdCreate, now: Date): Household {
  const at = now.toISOString();
  const members = input.members.map((m) => ({
    id: newId(),
    name: m.name,
    relation: m.relation,
    phone: m.phone,
  }));
  return {
    id: newId(),
    villageId: scope.villageId,
    number: input.number,
    group: input.group,
    address: input.address,
    headName: members.find((m) => m.relation === '户主')?.name ?? '',
    members,
    createdAt: at,
    updatedAt: at,
  };
}

/** The household and its 户号 guard: written together, so a number is never used twice. */
export function householdItems(db: Db, scope: VillageScope, household: Household): TransactItems {
  return [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.householdNumber(scope.countyId, scope.villageId, household.number),
          type: 'HouseholdNumber',
          householdId: household.id,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.household(scope.countyId, scope.villageId, household.id),
          type: 'Household',
          searchText: householdSearchText(household),
          ...household,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}

export const householdNumberTaken = (number: string) =>
  new ConflictError('household_number_taken', `户号 ${number} 已存在 (household number exists)`, {
    number: TAKEN,
  });

export async function createHousehold(
  db: Db,
  scope: VillageScope,
  input: HouseholdCreate,
  now: Date,
): Promise<Household> {
  const household = newHousehold(scope, input, now);
  await transactWrite(db, householdItems(db, scope, household), () => householdNumberTaken(input.number));
  return household;
}

export async function getHousehold(db: Db, scope: VillageScope, householdId: string): Promise<Household> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.household(scope.countyId, scope.villageId, householdId),
    }),
  );
  return householdFrom(out.Item);
}

/** A household item read (perhaps in a batch) as the household, or 404 when it was not there. */
export function householdFrom(item: Record<string, unknown> | undefined): Household {
  if (!item) throw new NotFoundError('农户 (household)');
  return householdSchema.parse(item);
}

/** A village's households, optionally by 村民小组 and by part of a name or the household number. */
export function listHouseholds(
  db: Db,
  scope: VillageScope,
  query: { q?: string; group?: string; limit?: number; cursor?: string },
): Promise<Page<Household>> {
  const conditions: string[] = [];
  const values: Record<string, unknown> = {};
  if (query.group) {
    conditions.push('#group = :group');
    values[':group'] = query.group;
  }
  if (query.q) {
    conditions.push('contains(searchText, :q)');
    values[':q'] = query.q;
  }
  return queryPrefix(
    db,
    keys.householdPrefix(scope.countyId, scope.villageId),
    {
      limit: query.limit,
      cursor: query.cursor,
      filter: conditions.length
        ? {
            expression: conditions.join(' AND '),
            values,
            names: query.group ? { '#group': 'group' } : undefined,
          }
        : undefined,
    },
    (item) => householdSchema.parse(item),
  );
}

/** Every household of the village, for imports that name households by 户号. */
export async function allHouseholds(db: Db, scope: VillageScope): Promise<Household[]> {
  const all: Household[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPrefix(
      db,
      keys.householdPrefix(scope.countyId, scope.villageId),
      { cursor },
      (item) => householdSchema.parse(item),
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The 户号 already registered in the village, read from their small guard items. */
export async function householdNumbers(db: Db, scope: VillageScope): Promise<Set<string>> {
  const numbers = new Set<string>();
  const prefix = keys.householdNumberPrefix(scope.countyId, scope.villageId);
  let cursor: string | undefined;
  do {
    const page = await queryPrefix(db, prefix, { cursor }, (item) =>
      String(item.SK).slice(prefix.SKPrefix.length),
    );
    for (const n of page.items) numbers.add(n);
    cursor = page.nextCursor;
  } while (cursor);
  return numbers;
}

/** The village's households among these ids (others are simply absent), by id. */
export async function householdsByIds(
  db: Db,
  scope: VillageScope,
  ids: readonly string[],
): Promise<Map<string, Household>> {
  const found = new Map<string, Household>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let wanted = unique.slice(i, i + 100).map((id) => keys.household(scope.countyId, scope.villageId, id));
    for (let attempt = 1; wanted.length > 0; attempt++) {
      // Unprocessed keys mean throttling: back off a little before asking again.
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      const out = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: wanted } } }),
      );
      for (const item of out.Responses?.[db.tableName] ?? []) {
        const household = householdSchema.parse(item);
        found.set(household.id, household);
      }
      wanted = (out.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as typeof wanted;
    }
  }
  return found;
}
