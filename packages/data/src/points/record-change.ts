import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@xjf/domain';
import type { Db } from '../client';
import type { TransactItems } from '../transact';

/** Racing writers on one record (20 approvals at once) clash as transaction conflicts; a few tries settle it. */
const MAX_TRIES = 5;

/**
 * Writes a record's status change (first item, conditioned on its current status) together
 * with what goes with it (its audit entry). If the record moved meanwhile, nothing is written
 * and the caller gets a 409 (or `onMoved`'s error); a transaction conflict is retried, after
 * which the status condition decides.
 */
export async function writeRecordChange(
  db: Db,
  items: TransactItems,
  onMoved: () => Error = () =>
    new ConflictError('record_already_processed', '该记录已被处理 (this record was already processed)'),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw onMoved();
      const raced = reasons.some((r) => r.Code === 'TransactionConflict');
      if (!raced || attempt >= MAX_TRIES) throw error;
    }
  }
}
