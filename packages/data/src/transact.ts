import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

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
