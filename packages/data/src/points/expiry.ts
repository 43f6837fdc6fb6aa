import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Account,
  accountSchema,
  chinaDate,
  lapsingPoints,
  lastResetOn,
  ledgerEntrySchema,
  type Program,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAllPrefix, queryPage } from '../page';
import { villageMonthUpdate } from '../reports/village-months';
import { allProgramsOf } from '../rules/programs';
import { transactWithRetry } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** An account's balance at an instant: the sum of its entries before it. */
async function balanceBefore(db: Db, scope: VillageScope, account: Account, instant: string) {
  const { PK, SKPrefix } = keys.householdLedgerPrefix(scope.countyId, scope.villageId, account.householdId);
  let sum = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      db,
      {
        partition: { name: 'PK', value: PK },
        sortCondition: {
          expression: '#sk BETWEEN :from AND :to',
          values: { ':from': SKPrefix, ':to': `${SKPrefix}${instant}` },
        },
        cursor,
      },
      (item) => ledgerEntrySchema.parse(item),
    );
    for (const e of page.items) if (e.accountRef === account.accountRef && e.at < instant) sum += e.points;
    cursor = page.nextCursor;
  } while (cursor);
  return sum;
}

/** Clears what one account left unspent from before the reset: an `expire` entry, in one transaction. */
async function expireAccount(
  db: Db,
  scope: VillageScope,
  account: Account,
  resetOn: string,
  resetAt: string,
  tries = 1,
): Promise<number> {
  const points = lapsingPoints(await balanceBefore(db, scope, account, resetAt), account.balance);
  if (points === 0) return 0;
  const entryId = `${account.accountRef.split('#').slice(1).join('-')}-${resetOn}#expire`;
  try {
    await transactWithRetry(
      db,
      [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.ledgerEntry(scope.countyId, scope.villageId, account.householdId, resetAt, entryId),
              type: 'LedgerEntry',
              accountRef: account.accountRef,
              programId: account.programId,
              kind: 'expire',
              points: -points,
              explanation: {
                zh: `${resetOn} 年度清零：未使用的 ${points} 分到期，累计获得积分保留`,
                en: `Annual reset on ${resetOn}: ${points} unspent points lapsed; points earned are kept`,
              },
              at: resetAt,
              by: '年度清零 (annual reset)',
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: keys.account(scope.countyId, scope.villageId, account.accountRef),
            UpdateExpression:
              'SET balance = balance - :points, expired = if_not_exists(expired, :zero) + :points, version = version + :one',
            ConditionExpression: 'balance >= :points',
            ExpressionAttributeValues: { ':points': points, ':zero': 0, ':one': 1 },
          },
        },
        villageMonthUpdate(db, scope, {
          kind: 'expire',
          points: -points,
          programId: account.programId,
          at: resetAt,
        }),
      ],
      // Index 0 failing: an earlier run already expired this account. Otherwise the household spent meanwhile.
      async (failed) => new Error(failed.includes(0) ? 'already expired' : 'balance moved'),
    );
    return points;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    if (error.message === 'already expired') return 0;
    if (error.message !== 'balance moved' || tries >= 3) throw error;
    const fresh = await db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.account(scope.countyId, scope.villageId, account.accountRef),
        ConsistentRead: true,
      }),
    );
    return expireAccount(db, scope, accountSchema.parse(fresh.Item), resetOn, resetAt, tries + 1);
  }
}

async function expireProgram(db: Db, scope: VillageScope, program: Program, now: Date) {
  const resetOn = lastResetOn(program.expiry, chinaDate(now));
  if (!resetOn) return 0;
  const done = keys.expiryDone(scope.countyId, scope.villageId, program.id, resetOn);
  if ((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: done }))).Item) return 0;
  const resetAt = new Date(`${resetOn}T00:00:00+08:00`).toISOString();
  const accounts = await queryAllPrefix(
    db,
    { PK: keys.tenantScope.village(scope.countyId, scope.villageId), SKPrefix: 'ACCOUNT#' },
    (i) => accountSchema.parse(i),
  );
  let lapsed = 0;
  for (const account of accounts) {
    if (account.programId === program.id && account.balance > 0) {
      lapsed += await expireAccount(db, scope, account, resetOn, resetAt);
    }
  }
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...done, type: 'ExpiryDone', at: now.toISOString() } }),
  );
  return lapsed;
}

/**
 * The annual reset (年度清零) of every program of a village that has one: unspent points from
 * before the reset day lapse as ledger entries; points earned stay. Safe to run any number of
 * times: an account's reset entry has a fixed key, and a finished program is marked done.
 */
export async function expireLapsedPoints(db: Db, scope: VillageScope, now: Date): Promise<number> {
  // The county's programs too: their accounts are in every village, each village resets its own.
  const programs = await allProgramsOf(db, scope);
  let lapsed = 0;
  for (const program of programs) lapsed += await expireProgram(db, scope, program, now);
  return lapsed;
}
