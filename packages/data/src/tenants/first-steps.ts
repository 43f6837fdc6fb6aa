import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type FirstSteps, firstSteps } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { rosterCount } from '../reports/county-report';
import { getVillage } from './villages';

type VillageScope = { countyId: string; villageId: string };

/** How many items a key range holds, counting no further than `limit` when one is given. */
async function count(
  db: Db,
  q: { PK: string; SKPrefix: string } | { GSI1PK: string },
  limit?: number,
): Promise<number> {
  const byIndex = 'GSI1PK' in q;
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      ...(byIndex
        ? {
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': q.GSI1PK },
          }
        : {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': q.PK, ':prefix': q.SKPrefix },
          }),
      Select: 'COUNT',
      Limit: limit,
    }),
  );
  return out.Count ?? 0;
}

/**
 * A village's first steps (开通后的第一步), each read from the data it stands for, all at once:
 * the village, its own rule sets, its roster count, its staff, one store item and one approved
 * record. Reads only.
 */
export async function villageFirstSteps(db: Db, scope: VillageScope): Promise<FirstSteps> {
  const { countyId, villageId } = scope;
  const rulePrefix = keys.ruleSetPrefix(scope);
  const userPrefix = keys.villageUserPrefix(countyId, villageId);
  const [village, ruleSets, households, users, storeItems, posted, effective] = await Promise.all([
    getVillage(db, scope),
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': rulePrefix.PK, ':prefix': rulePrefix.SKPrefix },
        ProjectionExpression: 'latestVersion',
      }),
    ),
    rosterCount(db, scope),
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': userPrefix.PK, ':prefix': userPrefix.SKPrefix },
        ProjectionExpression: '#role',
        ExpressionAttributeNames: { '#role': 'role' },
      }),
    ),
    count(db, keys.storeItemPrefix(countyId, villageId), 1),
    count(db, { GSI1PK: keys.recordQueuePK(countyId, villageId, 'posted') }, 1),
    count(db, { GSI1PK: keys.recordQueuePK(countyId, villageId, 'effective') }, 1),
  ]);
  return firstSteps({
    publishedRuleSets: (ruleSets.Items ?? []).filter((i) => Number(i.latestVersion ?? 0) > 0).length,
    households,
    staff: (users.Items ?? []).filter((u) => u.role !== 'villager').length,
    townshipReview: village.townshipReview ?? false,
    storeItems,
    approvedRecords: posted + effective,
  });
}
