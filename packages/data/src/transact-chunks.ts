import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { TransactItems } from './transact';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACT_ITEMS = 100;
/** Transactions in flight at once: fast on a large import without hot-spotting the partition. */
const PARALLEL = 4;

/**
 * Writes many entities as one import: transactions of up to 100 items, a few at a time. Each
 * entity's items stay in one transaction. If any transaction fails, no new one starts, those
 * already written are undone (`undo`), and the error is thrown: for a failed condition, the one
 * `onConditionFailed` makes for the entity whose item failed. Nothing is left half-written.
 */
export async function writeAllOrNothing<T>(
  db: Db,
  entities: readonly T[],
  itemsOf: (entity: T) => TransactItems,
  undo: (written: T[]) => Promise<void>,
  onConditionFailed: (entity: T) => Error,
): Promise<void> {
  const chunks: { entities: T[]; items: TransactItems }[] = [];
  for (const entity of entities) {
    const items = itemsOf(entity);
    let last = chunks[chunks.length - 1];
    if (!last || last.items.length + items.length > MAX_TRANSACT_ITEMS) {
      last = { entities: [], items: [] };
      chunks.push(last);
    }
    last.entities.push(entity);
    last.items.push(...items);
  }

  const written: T[] = [];
  let failure: unknown;
  let next = 0;
  async function worker() {
    while (failure === undefined && next < chunks.length) {
      const chunk = chunks[next++];
      if (!chunk) return;
      try {
        await db.doc.send(new TransactWriteCommand({ TransactItems: chunk.items }));
        written.push(...chunk.entities);
      } catch (error) {
        failure ??= explain(error, chunk.entities, itemsOf, onConditionFailed);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, chunks.length) }, worker));
  if (failure === undefined) return;
  await undo(written);
  throw failure;
}

function explain<T>(
  error: unknown,
  entities: T[],
  itemsOf: (entity: T) => TransactItems,
  onConditionFailed: (entity: T) => Error,
): unknown {
  if (!(error instanceof TransactionCanceledException)) return error;
  const index = error.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
  if (index < 0) return error;
  let end = 0;
  for (const entity of entities) {
    end += itemsOf(entity).length;
    if (index < end) return onConditionFailed(entity);
  }
  return error;
}
