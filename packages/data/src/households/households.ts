import { GetCommand } from '@aws-sdk/lib-dynamodb';
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
import { transactWrite } from '../transact';

type VillageScope = { countyId: string; villageId: string };

export async function createHousehold(
  db: Db,
  scope: VillageScope,
  input: HouseholdCreate,
  now: Date,
): Promise<Household> {
  const at = now.toISOString();
  const members = input.members.map((m) => ({
    id: newId(),
    name: m.name,
    relation: m.relation,
    phone: m.phone,
  }));
  const household: Household = {
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
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.householdNumber(scope.countyId, scope.villageId, input.number),
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
    ],
    () =>
      new ConflictError('household_number_taken', `户号 ${input.number} 已存在 (household number exists)`, {
        number: TAKEN,
      }),
  );
  return household;
}

export async function getHousehold(db: Db, scope: VillageScope, householdId: string): Promise<Household> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.household(scope.countyId, scope.villageId, householdId),
    }),
  );
  if (!out.Item) throw new NotFoundError('农户 (household)');
  return householdSchema.parse(out.Item);
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
