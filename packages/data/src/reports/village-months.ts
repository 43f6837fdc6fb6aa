import { type AggregatedEntry, aggregateDelta, monthOf } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import type { TransactItems } from '../transact';

type VillageScope = { countyId: string; villageId: string };

export type MovedEntry = AggregatedEntry & { programId: string; at: string };

/**
 * The write that keeps a village's month current, put in the same transaction as the ledger
 * entry it counts: the total changes exactly when the entry is written, never twice, never
 * without it. ADD needs no read, so concurrent postings only ever add.
 */
export function villageMonthUpdate(
  db: Db,
  scope: VillageScope,
  entry: MovedEntry,
  options: { newlyActive?: boolean } = {},
): TransactItems[number] {
  const month = monthOf(entry.at);
  const d = aggregateDelta(entry);
  const adds: [string, number][] = [
    ['earned', d.earned],
    ['deducted', d.deducted],
    ['redeemed', d.redeemed],
    ['expired', d.expired],
    ['records', d.records],
    ['activeHouseholds', options.newlyActive ? 1 : 0],
    ...Object.entries(d.categories).map(([c, v]): [string, number] => [`cat#${c}`, v]),
    ...Object.entries(d.recorders).map(([r, v]): [string, number] => [`rec#${r}`, v]),
  ];
  const { PK, SK, GSI1PK, GSI1SK } = keys.villageMonth(
    scope.countyId,
    scope.villageId,
    month,
    entry.programId,
  );
  return {
    Update: {
      TableName: db.tableName,
      Key: { PK, SK },
      UpdateExpression: `SET #type = :type, villageId = :village, #month = :month, programId = :program, GSI1PK = :gpk, GSI1SK = :gsk ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#month': 'month',
        ...Object.fromEntries(adds.map(([name], i) => [`#a${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':type': 'VillageMonth',
        ':village': scope.villageId,
        ':month': month,
        ':program': entry.programId,
        ':gpk': GSI1PK,
        ':gsk': GSI1SK,
        ...Object.fromEntries(adds.map(([, v], i) => [`:a${i}`, v])),
      },
    },
  };
}

/** The first posting of a household's conduct in a month marks it active; the marker makes that once. */
export function activeHouseholdPut(
  db: Db,
  scope: VillageScope,
  entry: { programId: string; at: string; householdId: string },
): TransactItems[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.activeHousehold(
          scope.countyId,
          scope.villageId,
          monthOf(entry.at),
          entry.programId,
          entry.householdId,
        ),
        type: 'ActiveHousehold',
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
