import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newId, REFRESH_TOKEN_SECONDS } from '@xjf/domain';
import * as z from 'zod';
import { getItems } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import { type TransactItem, transactWrite } from '../transact';
import { type Account, accountSchema, credentialSchema } from './credentials';

/**
 * Refresh tokens rotate: each is good once, and its use hands out the next one of the same
 * session (token family). Only their SHA-256 is stored. A token used a second time means it
 * was copied: the whole session ends, thief and owner alike (OAuth 2.0 Security BCP §4.14).
 */
const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');
const epoch = (now: Date) => Math.floor(now.getTime() / 1000);

const refreshSchema = z.object({
  sessionId: z.string(),
  username: z.string(),
  expiresAt: z.int(),
  usedAt: z.string().optional(),
});
const sessionSchema = z.object({
  id: z.string(),
  username: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});

function refreshPut(db: Db, sessionId: string, username: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = epoch(now) + REFRESH_TOKEN_SECONDS;
  const item: TransactItem = {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.refreshToken(sha256(token)),
        type: 'RefreshToken',
        sessionId,
        username,
        expiresAt,
        ttl: expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  return { token, item };
}

/** A new session for a signed-in account: its first refresh token, to be set as a cookie. */
export async function startSession(db: Db, account: Account, now: Date): Promise<string> {
  const sessionId = newId();
  const first = refreshPut(db, sessionId, account.username, now);
  const session = {
    ...keys.session(sessionId),
    type: 'Session',
    id: sessionId,
    username: account.username,
    userId: account.id,
    createdAt: now.toISOString(),
    ttl: epoch(now) + REFRESH_TOKEN_SECONDS,
  };
  await transactWrite(
    db,
    [{ Put: { TableName: db.tableName, Item: session } }, first.item],
    () => new Error('a new session collided with an existing key'),
  );
  return first.token;
}

export type Rotation =
  | { outcome: 'rotated'; account: Account; refreshToken: string }
  /** Unknown, expired, or its session ended: sign in again. */
  | { outcome: 'invalid' }
  /** Used before: the session is now ended. */
  | { outcome: 'reused'; account: Account | undefined; sessionId: string };

async function revokeSession(db: Db, sessionId: string, now: Date) {
  await db.doc
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.session(sessionId),
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/**
 * Spends a refresh token for the next one. The account is read afresh, so a changed role or a
 * removed user takes effect at the next refresh; a password change ends every older session.
 */
export async function rotateRefreshToken(db: Db, token: string, now: Date): Promise<Rotation> {
  const hash = sha256(token);
  const found = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.refreshToken(hash), ConsistentRead: true }),
  );
  if (!found.Item) return { outcome: 'invalid' };
  const refresh = refreshSchema.parse(found.Item);
  const item = await getItems(
    db,
    [keys.session(refresh.sessionId), keys.username(refresh.username), keys.credential(refresh.username)],
    { consistent: true },
  );
  const rawAccount = item(keys.username(refresh.username));
  const account = rawAccount ? accountSchema.parse(rawAccount) : undefined;
  if (refresh.usedAt) {
    await revokeSession(db, refresh.sessionId, now);
    return { outcome: 'reused', account, sessionId: refresh.sessionId };
  }
  const rawSession = item(keys.session(refresh.sessionId));
  const session = rawSession ? sessionSchema.parse(rawSession) : undefined;
  const rawCredential = item(keys.credential(refresh.username));
  const validFrom = rawCredential ? credentialSchema.parse(rawCredential).sessionsValidFrom : undefined;
  if (
    !account ||
    !session ||
    session.revokedAt ||
    session.userId !== account.id ||
    refresh.expiresAt <= epoch(now) ||
    (validFrom && session.createdAt < validFrom)
  )
    return { outcome: 'invalid' };
  const next = refreshPut(db, refresh.sessionId, refresh.username, now);
  try {
    await transactWrite(
      db,
      [
        {
          Update: {
            TableName: db.tableName,
            Key: keys.refreshToken(hash),
            UpdateExpression: 'SET usedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt)',
            ExpressionAttributeValues: { ':now': now.toISOString() },
          },
        },
        {
          ConditionCheck: {
            TableName: db.tableName,
            Key: keys.session(refresh.sessionId),
            ConditionExpression: 'attribute_not_exists(revokedAt)',
          },
        },
        next.item,
      ],
      (index) => new RefreshRaced(index),
    );
  } catch (error) {
    if (!(error instanceof RefreshRaced)) throw error;
    // The same token spent twice at once: one of the two holders is not its owner.
    if (error.index === 0) {
      await revokeSession(db, refresh.sessionId, now);
      return { outcome: 'reused', account, sessionId: refresh.sessionId };
    }
    return { outcome: 'invalid' };
  }
  return { outcome: 'rotated', account, refreshToken: next.token };
}

class RefreshRaced extends Error {
  constructor(readonly index: number) {
    super('refresh raced');
  }
}

/** Sign-out: the session of this refresh token ends, whichever of its tokens it is. */
export async function endSession(db: Db, token: string, now: Date): Promise<Account | undefined> {
  const found = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.refreshToken(sha256(token)) }),
  );
  if (!found.Item) return undefined;
  const refresh = refreshSchema.parse(found.Item);
  await revokeSession(db, refresh.sessionId, now);
  const item = await getItems(db, [keys.username(refresh.username)]);
  const account = item(keys.username(refresh.username));
  return account ? accountSchema.parse(account) : undefined;
}
