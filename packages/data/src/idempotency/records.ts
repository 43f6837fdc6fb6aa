import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import type { TransactItems } from '../transact';

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

/**
 * Completes a claim inside the effect's own transaction, so the answer is stored exactly when the
 * effect is: if the response is then lost (a timeout after the commit), the client's retry with the
 * same key replays it instead of running the effect twice. The condition fails, and with it the
 * effect, if the claim is no longer this request's.
 */
export type IdempotencySeal = (answer: { status: number; body: unknown }) => TransactItems[number];

export function idempotencySeal(db: Db, scope: string, key: string, fingerprint: string): IdempotencySeal {
  return ({ status, body }) => ({
    Update: {
      TableName: db.tableName,
      Key: keys.idempotency(scope, key),
      UpdateExpression:
        'SET #state = :done, #status = :status, body = :body, contentType = :type REMOVE lockedUntil',
      ConditionExpression: '#state = :pending AND fingerprint = :fingerprint',
      ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
      ExpressionAttributeValues: {
        ':done': 'done',
        ':pending': 'pending',
        ':fingerprint': fingerprint,
        ':status': status,
        ':body': JSON.stringify(body),
        ':type': 'application/json',
      },
    },
  });
}

/** The effect's seal failed: another request holds the key now. */
export const requestInProgress = () =>
  new ConflictError('request_in_progress', '同一请求正在处理中，请稍后重试 (same request in progress)');

/**
 * A request that failed unexpectedly releases its key, so the client's retry runs afresh; unless
 * its effect committed and sealed the key, in which case the retry gets that answer.
 */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: keys.idempotency(scope, key),
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
