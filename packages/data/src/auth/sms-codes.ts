import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SMS_CODE_MAX_TRIES, SMS_CODE_SECONDS } from '@xjf/domain';
import { getItems } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import type { TransactItem } from '../transact';
import { type Account, accountSchema } from './credentials';

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);
const digest = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest();

/** A villager's mobile number, unique across the deployment like a username, pointing at it. */
export const mobilePut = (db: Db, mobile: string, username: string): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.mobile(mobile), type: 'Mobile', mobile, username },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** The villager account a mobile number signs in to, if any. */
export async function accountOfMobile(db: Db, mobile: string): Promise<Account | undefined> {
  const first = await getItems(db, [keys.mobile(mobile)]);
  const username = first(keys.mobile(mobile))?.username;
  if (typeof username !== 'string') return undefined;
  const second = await getItems(db, [keys.username(username)]);
  const account = second(keys.username(username));
  return account ? accountSchema.parse(account) : undefined;
}

/**
 * A new 6-digit code for a number, replacing any earlier one; stored as a salted SHA-256 with
 * its expiry and tries. (Six digits are guessable offline from any hash: what protects them is
 * the five tries and five minutes, which are enforced here.)
 */
export async function newSmsCode(db: Db, mobile: string, now: Date): Promise<string> {
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('base64url');
  const expiresAt = epoch(now) + SMS_CODE_SECONDS;
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.smsCode(mobile),
        type: 'SmsCode',
        salt,
        codeHash: digest(salt, code).toString('base64url'),
        tries: 0,
        expiresAt,
        ttl: expiresAt,
      },
    }),
  );
  return code;
}

/**
 * Spends one try of the number's code: true exactly once, for the right code within its five
 * minutes and five tries. A right code is deleted as it is accepted, so it never works twice.
 */
export async function checkSmsCode(db: Db, mobile: string, code: string, now: Date): Promise<boolean> {
  let attributes: Record<string, unknown> | undefined;
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.smsCode(mobile),
        UpdateExpression: 'ADD tries :one',
        ConditionExpression: 'attribute_exists(PK) AND tries < :max AND expiresAt > :now',
        ExpressionAttributeValues: { ':one': 1, ':max': SMS_CODE_MAX_TRIES, ':now': epoch(now) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    attributes = out.Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
  const { salt, codeHash } = attributes ?? {};
  if (typeof salt !== 'string' || typeof codeHash !== 'string') return false;
  if (!timingSafeEqual(digest(salt, code), Buffer.from(codeHash, 'base64url'))) return false;
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: keys.smsCode(mobile),
        ConditionExpression: 'codeHash = :h',
        ExpressionAttributeValues: { ':h': codeHash },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
