import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  NotFoundError,
  newId,
  TAKEN,
  type Township,
  type TownshipCreate,
  townshipSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPrefix } from '../page';
import { transactWrite } from '../transact';

type CountyScope = { countyId: string };

export async function createTownship(
  db: Db,
  scope: CountyScope,
  input: TownshipCreate,
  now: Date,
): Promise<Township> {
  const township: Township = {
    id: newId(),
    countyId: scope.countyId,
    name: input.name,
    createdAt: now.toISOString(),
  };
  await transactWrite(
    db,
    [
      {
        ConditionCheck: {
          TableName: db.tableName,
          Key: keys.county(scope.countyId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.townshipName(scope.countyId, input.name),
            type: 'TownshipName',
            townshipId: township.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.township(scope.countyId, township.id), type: 'Township', ...township },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    (index) =>
      index === 0
        ? new NotFoundError('县 (county)')
        : new ConflictError('township_name_taken', `乡镇「${input.name}」已存在 (township exists)`, {
            name: TAKEN,
          }),
  );
  return township;
}

export async function getTownship(db: Db, scope: CountyScope, townshipId: string): Promise<Township> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.township(scope.countyId, townshipId) }),
  );
  if (!out.Item) throw new NotFoundError('乡镇 (township)');
  return townshipSchema.parse(out.Item);
}

export function listTownships(
  db: Db,
  scope: CountyScope,
  page: { limit?: number; cursor?: string },
): Promise<Page<Township>> {
  return queryPrefix(db, keys.townshipPrefix(scope.countyId), page, (item) => townshipSchema.parse(item));
}
