import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TownshipReview, Village } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { getTownship } from '../tenants/townships';
import { listVillages } from '../tenants/villages';

type CountyScope = { countyId: string };

/** How many records of a village wait for a decision: a count over its pending queue, no items read. */
async function pendingCount(db: Db, village: Village): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :queue',
        ExpressionAttributeValues: { ':queue': keys.recordQueuePK(village.countyId, village.id, 'pending') },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * A township's villages with what waits in each (a township has tens of villages: one count per
 * village, in parallel). Villages that did not ask for township review are listed too, so a
 * reviewer sees why they cannot decide there.
 */
export async function townshipReview(
  db: Db,
  scope: CountyScope,
  townshipId: string,
): Promise<TownshipReview> {
  const township = await getTownship(db, scope, townshipId);
  const villages: Village[] = [];
  let cursor: string | undefined;
  do {
    const page = await listVillages(db, scope, { townshipId, cursor, limit: 100 });
    villages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const rows = await Promise.all(
    villages.map(async (v) => ({
      id: v.id,
      name: v.name,
      townshipReview: v.townshipReview ?? false,
      pending: await pendingCount(db, v),
    })),
  );
  rows.sort(
    (a, b) => Number(b.townshipReview) - Number(a.townshipReview) || a.name.localeCompare(b.name, 'zh-CN'),
  );
  return { township: { id: township.id, name: township.name }, villages: rows };
}
