import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@xjf/domain';
import type { Db } from './client';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactItem = TransactItems[number];

/**
 * One all-or-nothing write. When a condition fails, `onConditionFailed` names the domain
 * error for the first failing item (by index), so callers never see SDK exceptions.
 */
export async function transactWrite(
  db: Db,
  items: TransactItems,
  onConditionFailed: (index: number) => Error,
): Promise<void> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = error.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
      if (index >= 0) throw onConditionFailed(index);
    }
    throw error;
  }
}

const MAX_TRIES = 8;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));

/**
 * A transaction on items others write at the same moment (a shelf item, a village's month):
 * DynamoDB's transient conflicts are retried after a short jittered wait; a failed condition is
 * final and `explain` names it from the indexes of the failing items.
 */
export async function transactWithRetry(
  db: Db,
  items: TransactItems,
  explain: (failed: number[]) => Promise<Error>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length > 0) throw await explain(failed);
      if (attempt >= MAX_TRIES) {
        throw new ConflictError('write_conflict', '柜台繁忙，请重试 (the counter is busy; try again)');
      }
      await pause(attempt);
    }
  }
}
