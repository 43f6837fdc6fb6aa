import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, hashPassword, keys, listUsernames, signInMobileOf } from '@xjf/data';

/** Every demo staff account's password, printed by `npm start`. */
export const DEMO_PASSWORD = 'Xiaojifen-2026';

/**
 * Gives the demo's staff a known password (they skip the one-time password; county admins and
 * the operator still set up TOTP at their first real sign-in) and makes sure each villager's
 * mobile signs in by SMS. Runs at every `npm start`: a password a demo user changed stays, and
 * data seeded before sign-in was ours gains what it lacks.
 */
export async function ensureDemoSignIns(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [];
  let cursor: string | undefined;
  do {
    const page = await listUsernames(db, { cursor, limit: 100 });
    accounts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const ignoreTaken = (error: unknown) => {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  };
  await Promise.all(
    accounts.map(async (account) => {
      const villager = account.role === 'villager';
      await db.doc
        .send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: keys.credential(account.username),
            UpdateExpression: villager
              ? 'SET #type = :type, username = :u, mustChangePassword = :no, version = if_not_exists(version, :one)'
              : 'SET #type = :type, username = :u, passwordHash = :h, mustChangePassword = :no, version = if_not_exists(version, :one)',
            ConditionExpression: 'attribute_not_exists(PK) OR mustChangePassword = :yes',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':type': 'Credential',
              ':u': account.username,
              ':no': false,
              ':yes': true,
              ':one': 1,
              ...(villager ? {} : { ':h': passwordHash }),
            },
          }),
        )
        .catch(ignoreTaken);
      const mobile = signInMobileOf({ ...account, phone: undefined });
      if (mobile)
        await db.doc
          .send(
            new PutCommand({
              TableName: db.tableName,
              Item: { ...keys.mobile(mobile), type: 'Mobile', mobile, username: account.username },
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          )
          .catch(ignoreTaken);
    }),
  );
}
