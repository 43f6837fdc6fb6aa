import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Account,
  accountSchema,
  ConflictError,
  capPeriodKey,
  evaluateRule,
  ledgerEntrySchema,
  monthOf,
  type PointRecord,
  type RecordStatus,
} from '@xjf/domain';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { queryPage, queryPrefix } from '../page';
import { activeHouseholdPut, villageMonthUpdate } from '../reports/village-months';
import type { TransactItems } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** Concurrent postings to one account retry on the account's version; a few tries always suffice at village scale. */
const MAX_TRIES = 5;

export type LedgerMove = {
  kind: 'effect' | 'reversal';
  /** The record must still be in this status, or nothing is written (no double posting). */
  from: RecordStatus;
  to: RecordStatus;
  at: Date;
  by: string;
  reason?: string;
  /** Extra record attributes to set in the same transaction (who decided, when). */
  recordUpdates?: Record<string, unknown>;
  /** Items written in the same transaction (an audit entry); appended last so failures still name the record first. */
  extraItems?: TransactItems;
};

const emptyAccount = (record: PointRecord): Account => ({
  accountRef: record.accountRef,
  programId: record.programId,
  householdId: record.householdId,
  memberId: record.memberId,
  balance: 0,
  earned: 0,
  deducted: 0,
  spent: 0,
  version: 0,
});

async function readState(
  db: Db,
  scope: VillageScope,
  record: PointRecord,
  periodKey: string | undefined,
  activeKey: Key | undefined,
) {
  const accountKey = keys.account(scope.countyId, scope.villageId, record.accountRef);
  const usageKey = periodKey
    ? keys.capUsage(scope.countyId, scope.villageId, record.accountRef, record.rule.code, periodKey)
    : undefined;
  const wanted = [accountKey, usageKey, activeKey].filter((k): k is Key => k !== undefined);
  const out = await db.doc.send(
    new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: wanted, ConsistentRead: true } } }),
  );
  const items = out.Responses?.[db.tableName] ?? [];
  const accountItem = items.find((i) => i.SK === accountKey.SK);
  const usageItem = usageKey ? items.find((i) => i.SK === usageKey.SK) : undefined;
  return {
    account: accountItem ? accountSchema.parse(accountItem) : emptyAccount(record),
    usage: {
      points: Number(usageItem?.points ?? 0),
      occurrences: Number(usageItem?.occurrences ?? 0),
      version: Number(usageItem?.version ?? 0),
    },
    usageKey,
    alreadyActive: activeKey ? items.some((i) => i.SK === activeKey.SK) : true,
  };
}

/**
 * Moves points between a record and its account: one transaction writes the record's new status,
 * the ledger entry, the account balance and the cap counter, each under a condition. The record's
 * status condition makes double posting impossible; the account and counter versions make
 * concurrent postings exact (a lost race re-reads and tries again).
 */
export async function moveOnLedger(db: Db, scope: VillageScope, record: PointRecord, move: LedgerMove) {
  const cap = record.rule.cap;
  const periodKey = cap ? capPeriodKey(cap.period, record.occurredOn) : undefined;
  const at = move.at.toISOString();
  // Taking effect makes the household active this month (counted once, by a marker).
  const activeKey =
    move.kind === 'effect'
      ? keys.activeHousehold(
          scope.countyId,
          scope.villageId,
          monthOf(at),
          record.programId,
          record.householdId,
        )
      : undefined;
  for (let attempt = 1; ; attempt++) {
    const { account, usage, usageKey, alreadyActive } = await readState(
      db,
      scope,
      record,
      periodKey,
      activeKey,
    );
    const evaluation =
      move.kind === 'effect'
        ? evaluateRule(record.rule, { quantity: record.quantity, usage })
        : { points: -(record.points ?? 0), explanation: record.explanation };
    const points = evaluation.points;
    const kind = move.kind === 'reversal' ? 'reversal' : points < 0 ? 'deduct' : 'earn';
    const magnitude = Math.abs(move.kind === 'effect' ? points : (record.points ?? 0));
    const next: Account = {
      ...account,
      balance: account.balance + points,
      earned: account.earned + (record.estimate > 0 ? points : 0),
      deducted: account.deducted + (record.estimate < 0 ? -points : 0),
      version: account.version + 1,
    };
    const items: TransactItems = [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.pointRecord(scope.countyId, scope.villageId, record.id),
          UpdateExpression: `SET #status = :to, GSI1PK = :queue, GSI1SK = :sort, ${
            move.kind === 'effect'
              ? 'points = :points, explanation = :explanation, effectiveAt = :at'
              : 'reversedAt = :at, reason = :reason'
          }${Object.keys(move.recordUpdates ?? {})
            .map((k) => `, ${k} = :u_${k}`)
            .join('')}`,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': move.to,
            ':from': move.from,
            ':queue': keys.recordQueuePK(scope.countyId, scope.villageId, move.to),
            ':sort': `${at}#${record.id}`,
            ':at': at,
            ...(move.kind === 'effect'
              ? { ':points': points, ':explanation': evaluation.explanation }
              : { ':reason': move.reason ?? '' }),
            ...Object.fromEntries(Object.entries(move.recordUpdates ?? {}).map(([k, v]) => [`:u_${k}`, v])),
          },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.account(scope.countyId, scope.villageId, record.accountRef),
            type: 'Account',
            ...next,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR version = :seen',
          ExpressionAttributeValues: { ':seen': account.version },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.ledgerEntry(
              scope.countyId,
              scope.villageId,
              record.householdId,
              at,
              `${record.id}#${move.kind}`,
            ),
            type: 'LedgerEntry',
            accountRef: record.accountRef,
            programId: record.programId,
            recordId: record.id,
            kind,
            points,
            category: record.rule.category,
            recordedBy: record.recordedBy,
            selfDeclared: record.selfDeclared || undefined,
            ruleCode: record.rule.code,
            ruleName: record.rule.name,
            ruleVersion: record.ruleVersion,
            explanation: evaluation.explanation,
            at,
            by: move.by,
            reason: move.reason,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
    if (usageKey) {
      const sign = move.kind === 'effect' ? 1 : -1;
      items.push({
        Put: {
          TableName: db.tableName,
          Item: {
            ...usageKey,
            type: 'CapUsage',
            points: usage.points + sign * magnitude,
            occurrences: usage.occurrences + sign,
            version: usage.version + 1,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR version = :seen',
          ExpressionAttributeValues: { ':seen': usage.version },
        },
      });
    }
    const entry = {
      kind,
      points,
      category: record.rule.category,
      recordedBy: record.recordedBy,
      selfDeclared: record.selfDeclared,
    } as const;
    items.push(
      villageMonthUpdate(
        db,
        scope,
        { ...entry, programId: record.programId, at },
        { newlyActive: !alreadyActive },
      ),
    );
    if (!alreadyActive)
      items.push(
        activeHouseholdPut(db, scope, { programId: record.programId, at, householdId: record.householdId }),
      );
    items.push(...(move.extraItems ?? []));
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { points, balance: next.balance, explanation: evaluation.explanation };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') {
        throw new ConflictError(
          'record_already_processed',
          '该记录已被处理 (this record was already processed)',
        );
      }
      const raced = reasons.some(
        (r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict',
      );
      if (!raced || attempt >= MAX_TRIES) throw error;
    }
  }
}

/**
 * A household's accounts and ledger, newest first. With `asOf` (an ISO instant) only entries up
 * to then are listed, and each account gets its balance at that moment: the sum of its entries
 * by then. Summing (rather than trusting a running balance) stays exact when an entry is dated
 * earlier than it was written, as settled postings are, and lets redemptions debit an account
 * without reading it first.
 */
export async function householdLedger(
  db: Db,
  scope: VillageScope,
  householdId: string,
  query: { asOf?: string; limit?: number; cursor?: string },
) {
  const { PK, SKPrefix } = keys.householdLedgerPrefix(scope.countyId, scope.villageId, householdId);
  const upTo = query.asOf
    ? {
        expression: '#sk BETWEEN :from AND :to',
        values: { ':from': SKPrefix, ':to': `${SKPrefix}${query.asOf}~` },
      }
    : { expression: 'begins_with(#sk, :from)', values: { ':from': SKPrefix } };
  const page = (cursor?: string, limit?: number) =>
    queryPage(
      db,
      { partition: { name: 'PK', value: PK }, sortCondition: upTo, forward: false, limit, cursor },
      (item) => ledgerEntrySchema.parse(item),
    );
  const [accounts, entries] = await Promise.all([
    queryPrefix(db, keys.householdAccountsPrefix(scope.countyId, scope.villageId, householdId), {}, (item) =>
      accountSchema.parse(item),
    ),
    page(query.cursor, query.limit),
  ]);
  if (!query.asOf)
    return { accounts: accounts.items, entries: entries.items, nextCursor: entries.nextCursor };

  // A household has a few hundred entries a year: summing them all up to asOf is a page or two.
  const balanceAsOf = new Map<string, number>();
  let walk = await page();
  for (;;) {
    for (const e of walk.items)
      balanceAsOf.set(e.accountRef, (balanceAsOf.get(e.accountRef) ?? 0) + e.points);
    if (!walk.nextCursor) break;
    walk = await page(walk.nextCursor);
  }
  return {
    accounts: accounts.items.map((a) => ({ ...a, balanceAsOf: balanceAsOf.get(a.accountRef) ?? 0 })),
    entries: entries.items,
    nextCursor: entries.nextCursor,
  };
}
