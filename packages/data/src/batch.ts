import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import type { Key } from './keys';

type Item = Record<string, unknown>;

/** Tries for keys DynamoDB leaves unprocessed (it may under load, even for a handful of small items). */
const MAX_TRIES = 5;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
const keyOf = (k: { PK: unknown; SK: unknown }) => `${String(k.PK)}\u0000${String(k.SK)}`;

/**
 * Items that would otherwise be separate GetItems, in one round trip: a handler's independent
 * reads (the record, the village, the user) go out together. At most 100 keys; `consistent`
 * applies to all of them. Answers a look-up by key: the item, or undefined when it does not exist.
 */
export async function getItems(db: Db, wanted: Key[], options: { consistent?: boolean } = {}) {
  const found = new Map<string, Item>();
  // BatchGetItem refuses a list with a key twice.
  let pending: Item[] = [...new Map(wanted.map((k) => [keyOf(k), k])).values()];
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_TRIES) throw new Error('BatchGetItem left keys unprocessed after retries');
    if (attempt > 1) await pause(attempt);
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: options.consistent } },
      }),
    );
    for (const item of out.Responses?.[db.tableName] ?? []) found.set(keyOf(item as Key), item);
    pending = out.UnprocessedKeys?.[db.tableName]?.Keys ?? [];
  }
  return (key: Key): Item | undefined => found.get(keyOf(key));
}
