import { createUser, type Db } from '@xjf/data';
import { claimsForUser } from '@xjf/http';
import { localApp, localDb, startDynamoLocal } from '@xjf/local';
import { onCleanup } from './cleanup';

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * A fresh local stack: an in-memory DynamoDB Local of its own and the real app on it, called
 * in-process with `app.request` as the Lambda adapter does, and a token minter for any user.
 */
export async function startStack() {
  const dynamo = await startDynamoLocal();
  onCleanup(() => dynamo.stop());
  const db: Db = await localDb(dynamo.endpoint, 'bench');
  const { app, identity } = localApp({ db, secret: 'bench-secret-for-local-tokens', log: () => {} });
  const tokenFor = (user: Parameters<typeof claimsForUser>[0]) =>
    identity.tokens.session(claimsForUser(user), new Date(), 3600).then((t) => t.accessToken);
  const operatorUser = await createUser(
    db,
    {},
    { username: 'bench.operator', name: '运维', role: 'platform_operator' },
    'bench',
    new Date(),
  );
  return { app, db, endpoint: dynamo.endpoint, tokenFor, operator: await tokenFor(operatorUser) };
}
