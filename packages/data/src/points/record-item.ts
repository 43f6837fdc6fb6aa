import type { PointRecord } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import type { TransactItems } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** A new pending record as a transaction item: in the pending queue, never over an existing one. */
export function pointRecordPut(db: Db, scope: VillageScope, record: PointRecord): TransactItems[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.pointRecord(scope.countyId, scope.villageId, record.id),
        ...keys.recordQueue(scope.countyId, scope.villageId, 'pending', `${record.createdAt}#${record.id}`),
        type: 'PointRecord',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
