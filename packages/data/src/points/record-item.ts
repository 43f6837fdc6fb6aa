import type { PointRecord } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import type { TransactItems } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/**
 * Where a record sorts in its status queue, as the decisions that move it there set it: pending
 * by when it was recorded, posted by when its posting ends, effective by when it took effect.
 */
const queueSort = (record: PointRecord) => {
  const at =
    record.status === 'posted'
      ? record.postedUntil
      : record.status === 'effective'
        ? record.effectiveAt
        : record.createdAt;
  return `${at ?? record.createdAt}#${record.id}`;
};

/**
 * A new record as a transaction item, in its status queue, never over an existing one: pending
 * as recorders make them; posted or effective as the demo seed writes its year of history.
 */
export function pointRecordPut(db: Db, scope: VillageScope, record: PointRecord): TransactItems[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.pointRecord(scope.countyId, scope.villageId, record.id),
        ...keys.recordQueue(scope.countyId, scope.villageId, record.status, queueSort(record)),
        type: 'PointRecord',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
