import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client';
import { keys } from '../keys';

/** How long a replay returns the first answer. */
const RETAIN_SECONDS = 24 * 3600;
/** A claim left by a crashed request may be taken over after this long. */
const LOCK_SECONDS = 30;

export type StoredResponse = { status: number; body: string; contentType: string };

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);

/**
 * Claims an idempotency key for one request fingerprint. The first caller wins the claim;
 * later callers get the stored answer, or learn that the key is busy or was used for another body.
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<Claim> {
  const Key = keys.idempotency(scope, key);
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...Key,
          type: 'Idempotency',
          state: 'pending',
          fingerprint,
          lockedUntil: epoch(now) + LOCK_SECONDS,
          ttl: epoch(now) + RETAIN_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR (#state = :pending AND lockedUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': epoch(now) },
      }),
    );
    return { outcome: 'claimed' };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key, ConsistentRead: true }));
  const item = out.Item;
  if (!item) return { outcome: 'in_progress' };
  if (item.fingerprint !== fingerprint) return { outcome: 'mismatch' };
  if (item.state !== 'done') return { outcome: 'in_progress' };
  return {
    outcome: 'replay',
    response: { status: Number(item.status), body: String(item.body), contentType: String(item.contentType) },
  };
}

export async function completeIdempotencyKey(db: Db, scope: string, key: string, response: StoredResponse) {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.idempotency(scope, key),
      UpdateExpression:
        'SET #state = :done, #status = :status, body = :body, contentType = :type REMOVE lockedUntil',
      ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
      ExpressionAttributeValues: {
        ':done': 'done',
        ':status': response.status,
        ':body': response.body,
        ':type': response.contentType,
      },
    }),
  );
}

/** A request that failed unexpectedly releases its key, so the client's retry runs afresh. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.idempotency(scope, key) }));
}
