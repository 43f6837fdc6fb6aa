import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type County, type CountyCreate, countySchema, NotFoundError, newId } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';

export async function createCounty(db: Db, input: CountyCreate, now: Date): Promise<County> {
  const county: County = { id: newId(), ...pickCounty(input), createdAt: now.toISOString() };
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.county(county.id), ...keys.countyListing(county.id), type: 'County', ...county },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return county;
}

const pickCounty = ({ name, province, divisionCode }: CountyCreate) => ({ name, province, divisionCode });

export async function getCounty(db: Db, scope: { countyId: string }): Promise<County> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.county(scope.countyId) }),
  );
  if (!out.Item) throw new NotFoundError('县 (county)');
  return countySchema.parse(out.Item);
}

export function listCounties(db: Db, page: { limit?: number; cursor?: string }): Promise<Page<County>> {
  return queryPage(
    db,
    { partition: { name: 'GSI1PK', value: 'COUNTIES' }, indexName: 'GSI1', ...page },
    (item) => countySchema.parse(item),
  );
}
