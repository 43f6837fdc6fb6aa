import { type AggregateDelta, type AggregatedEntry, aggregateDelta, monthOf } from '@xjf/domain';
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
  return villageMonthAdd(
    db,
    scope,
    { month: monthOf(entry.at), programId: entry.programId },
    aggregateDelta(entry),
    options.newlyActive ? 1 : 0,
  );
}

/**
 * Adds figures to a village's month: one entry's (above), or the sum of many entries' and the
 * households they made active, as the demo seed writes a year of its books in bulk.
 */
export function villageMonthAdd(
  db: Db,
  scope: VillageScope,
  at: { month: string; programId: string },
  d: AggregateDelta,
  newlyActive: number,
): TransactItems[number] {
  const adds: [string, number][] = [
    ['earned', d.earned],
    ['deducted', d.deducted],
    ['redeemed', d.redeemed],
    ['expired', d.expired],
    ['records', d.records],
    ['activeHouseholds', newlyActive],
    ...Object.entries(d.categories).map(([c, v]): [string, number] => [`cat#${c}`, v]),
    ...Object.entries(d.recorders).map(([r, v]): [string, number] => [`rec#${r}`, v]),
  ];
  const { PK, SK, GSI1PK, GSI1SK } = keys.villageMonth(
    scope.countyId,
    scope.villageId,
    at.month,
    at.programId,
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
        ':month': at.month,
        ':program': at.programId,
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
