import { randomUUID } from 'node:crypto';
import type { Db } from '@xjf/data';
import { claimsForUser } from '@xjf/http';
import { localApp, localDb } from '@xjf/local';
import { dynamoEndpoint } from './dynamo';

export const SECRET = 'test-secret-for-local-tokens-only';

/**
 * The real app (the same code a Lambda runs) against a fresh table in the shared DynamoDB
 * Local, with a token minter that issues the claims Cognito would.
 */
export async function testApp(options: { clock?: () => Date; endpoint?: string } = {}) {
  const db: Db = await localDb(options.endpoint ?? dynamoEndpoint(), `t-${randomUUID()}`);
  const { app, tokens } = localApp({ db, secret: SECRET, log: () => {}, clock: options.clock });
  const tokenFor = (user: Parameters<typeof claimsForUser>[0], now = new Date()) =>
    tokens.issue(claimsForUser(user), now);
  return { app, db, tokenFor };
}
