import {
  ConflictError,
  type Objection,
  type ObjectionCreate,
  objectionOutcome,
  type PointRecord,
} from '@xjf/domain';
import { type AuditWho, recordAudit } from '../audit/audit';
import type { Db } from '../client';
import { keys } from '../keys';
import { writeRecordChange } from './record-change';
import { getRecord } from './records';

type VillageScope = { countyId: string; villageId: string };

/** How the audit log names someone who objected from the public board without giving a name. */
export const PUBLIC_OBJECTOR = '公众 (public)';

/**
 * An objection (异议) during public posting sends the record back to the approval queue, with
 * the objection kept on the record for the admin to weigh, and an audit entry, in one write.
 * The record must still be posted under the same window, so a racing settlement or a second
 * objection at the same moment leaves exactly one outcome.
 */
export async function lodgeObjection(
  db: Db,
  scope: VillageScope,
  recordId: string,
  input: ObjectionCreate,
  by: AuditWho | undefined,
  now: Date,
): Promise<PointRecord> {
  const record = await getRecord(db, scope, recordId);
  const to = objectionOutcome(record, now);
  const objection: Objection = {
    at: now.toISOString(),
    reason: input.reason,
    name: input.name,
    phone: input.phone,
    byUserId: by?.userId,
  };
  const who = by ?? { name: input.name ? `${input.name}（公众）` : PUBLIC_OBJECTOR };
  await writeRecordChange(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.pointRecord(scope.countyId, scope.villageId, record.id),
          UpdateExpression:
            'SET #status = :to, GSI1PK = :queue, GSI1SK = :sort, objections = list_append(if_not_exists(objections, :none), :new) REMOVE postedUntil',
          ConditionExpression: '#status = :from AND postedUntil = :until',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': to,
            ':from': record.status,
            ':until': record.postedUntil,
            ':queue': keys.recordQueuePK(scope.countyId, scope.villageId, to),
            // Back in its old place in the queue: the oldest work comes first.
            ':sort': `${record.createdAt}#${record.id}`,
            ':none': [],
            ':new': [objection],
          },
        },
      },
      recordAudit(db, scope, 'object', record, who, now, input.reason),
    ],
    () =>
      new ConflictError(
        'cannot_object',
        '该记录刚刚已被提出异议或已入账 (the record just changed; reload the board)',
      ),
  );
  return getRecord(db, scope, recordId);
}
