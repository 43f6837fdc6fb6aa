import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_SECONDS, locksAccount, NotFoundError, type Role, roleSchema } from '@xjf/domain';
import * as z from 'zod';
import { getItems } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import { type TransactItem, transactWrite } from '../transact';
import { hashPassword, temporaryPassword } from './passwords';

/**
 * How one username signs in: its password hash (scrypt, see passwords.ts), whether the password
 * is a one-time one, and its second factor. `version` grows with every change, so a sign-in
 * step proven against an older version (a replayed challenge) no longer counts.
 */
export const credentialSchema = z.object({
  username: z.string(),
  passwordHash: z.string().optional(),
  mustChangePassword: z.boolean(),
  version: z.int(),
  totpSecret: z.string().optional(),
  totpLastStep: z.int().optional(),
  recoveryCodeHashes: z.set(z.string()).optional(),
  /** Sessions started before this instant were ended (password changed or reset). */
  sessionsValidFrom: z.string().optional(),
});
export type Credential = z.infer<typeof credentialSchema>;

/** What a token is made from: the username's entry, which carries the user's tenancy. */
export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  countyId: z.string().optional(),
  villageId: z.string().optional(),
  partnerId: z.string().optional(),
  townshipId: z.string().optional(),
});
export type Account = z.infer<typeof accountSchema> & { role: Role };

export const credentialPut = (db: Db, credential: Credential): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.credential(credential.username), type: 'Credential', ...credential },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

const failuresSchema = z.object({ failures: z.int().default(0), lockedUntil: z.int().optional() });

/** The account, its credential and its run of failures, in one round trip (strongly consistent). */
export async function readSignIn(db: Db, username: string) {
  const item = await getItems(
    db,
    [keys.username(username), keys.credential(username), keys.signInFailures(username)],
    { consistent: true },
  );
  const account = item(keys.username(username));
  const credential = item(keys.credential(username));
  const failures = item(keys.signInFailures(username));
  return {
    account: account ? accountSchema.parse(account) : undefined,
    credential: credential ? credentialSchema.parse(credential) : undefined,
    failures: failures ? failuresSchema.parse(failures) : undefined,
  };
}

/**
 * Counts one more failure for a username (existing or not) and, at the fifth in a row, locks it
 * for fifteen minutes. Answers the lock's seconds when this failure started one, else 0.
 */
export async function recordFailure(db: Db, username: string, now: Date): Promise<number> {
  const at = Math.floor(now.getTime() / 1000);
  const out = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.signInFailures(username),
      UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': at + 86_400 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  if (!locksAccount(Number(out.Attributes?.failures ?? 0))) return 0;
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.signInFailures(username),
      UpdateExpression: 'SET lockedUntil = :until, failures = :zero',
      ExpressionAttributeValues: { ':until': at + LOCK_SECONDS, ':zero': 0 },
    }),
  );
  return LOCK_SECONDS;
}

export async function clearFailures(db: Db, username: string) {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.signInFailures(username) }));
}

/** Clears the run of failures in the same transaction as a reset. */
export const clearFailuresItem = (db: Db, username: string): TransactItem => ({
  Delete: { TableName: db.tableName, Key: keys.signInFailures(username) },
});

/**
 * Changes a credential if it is still at `version`: the one write path for a new password, a
 * reset, a TOTP enrolment or a used recovery code. False when another change came first.
 */
export async function updateCredential(
  db: Db,
  username: string,
  version: number,
  change: { set?: Record<string, unknown>; remove?: string[]; deleteRecoveryCode?: string },
): Promise<boolean> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':v': version, ':next': version + 1 };
  const sets = ['#version = :next'];
  names['#version'] = 'version';
  for (const [i, [field, value]] of Object.entries(change.set ?? {}).entries()) {
    names[`#s${i}`] = field;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  }
  const removes = (change.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  let expression = `SET ${sets.join(', ')}`;
  if (removes.length > 0) expression += ` REMOVE ${removes.join(', ')}`;
  let condition = '#version = :v';
  if (change.deleteRecoveryCode) {
    values[':code'] = new Set([change.deleteRecoveryCode]);
    values[':one'] = change.deleteRecoveryCode;
    names['#codes'] = 'recoveryCodeHashes';
    expression += ' DELETE #codes :code';
    condition += ' AND contains(#codes, :one)';
  }
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.credential(username),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * An admin's reset: a new one-time password (returned once, to hand over in person), the
 * authenticator and recovery codes cleared (a lost phone is the usual reason), every session
 * ended and any lock lifted, with the audit entry, all in one transaction.
 */
export async function resetCredential(db: Db, username: string, audit: TransactItem, now: Date) {
  const password = temporaryPassword();
  await transactWrite(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.credential(username),
          UpdateExpression:
            'SET passwordHash = :h, mustChangePassword = :yes, sessionsValidFrom = :now, version = version + :one REMOVE totpSecret, totpLastStep, recoveryCodeHashes',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: {
            ':h': await hashPassword(password),
            ':yes': true,
            ':now': now.toISOString(),
            ':one': 1,
          },
        },
      },
      clearFailuresItem(db, username),
      audit,
    ],
    () => new NotFoundError('用户 (user)'),
  );
  return { temporaryPassword: password };
}
