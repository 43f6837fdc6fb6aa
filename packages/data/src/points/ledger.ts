import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Account,
  accountSchema,
  ConflictError,
  capPeriodKey,
  evaluateRule,
  type LedgerEntry,
  ledgerEntrySchema,
  monthOf,
  type PointRecord,
  type RecordStatus,
} from '@xjf/domain';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { queryPage, queryPrefix } from '../page';
import { activeHouseholdPut, villageMonthUpdate } from '../reports/village-months';
import type { TransactItem, TransactItems } from '../transact';

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

/** An account before its first posting. */
export const emptyAccount = (record: PointRecord): Account => ({
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

/** A cap counter: points and occurrences of one rule in one period, versioned like the account. */
export type CapCount = { points: number; occurrences: number; version: number };

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
 * What a move does, before anything is written: the points (evaluated under the cap usage so
 * far when the record takes effect, the opposite of what it got when it is reversed), the
 * entry's kind, and the account and cap counter after it. Pure, so the demo seed's bulk year
 * computes its books exactly as postings do.
 */
export function ledgerMoveOf(
  record: PointRecord,
  kind: LedgerMove['kind'],
  account: Account,
  usage: CapCount,
) {
  const evaluation =
    kind === 'effect'
      ? evaluateRule(record.rule, { quantity: record.quantity, usage })
      : { points: -(record.points ?? 0), explanation: record.explanation };
  const points = evaluation.points;
  const magnitude = Math.abs(kind === 'effect' ? points : (record.points ?? 0));
  const sign = kind === 'effect' ? 1 : -1;
  const entryKind: LedgerEntry['kind'] = kind === 'reversal' ? 'reversal' : points < 0 ? 'deduct' : 'earn';
  return {
    points,
    explanation: evaluation.explanation,
    entryKind,
    account: {
      ...account,
      balance: account.balance + points,
      earned: account.earned + (record.estimate > 0 ? points : 0),
      deducted: account.deducted + (record.estimate < 0 ? -points : 0),
      version: account.version + 1,
    } satisfies Account,
    usage: {
      points: usage.points + sign * magnitude,
      occurrences: usage.occurrences + sign,
      version: usage.version + 1,
    } satisfies CapCount,
  };
}

/** The account as a move leaves it, written only if nobody moved it since it was read at `seen`. */
export function accountPut(db: Db, scope: VillageScope, account: Account, seen: number): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.account(scope.countyId, scope.villageId, account.accountRef),
        type: 'Account',
        ...account,
      },
      ConditionExpression: 'attribute_not_exists(PK) OR version = :seen',
      ExpressionAttributeValues: { ':seen': seen },
    },
  };
}

/** A rule's cap counter for one period as a move leaves it, on the version it was read at. */
export function capUsagePut(db: Db, key: Key, usage: CapCount, seen: number): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...key, type: 'CapUsage', ...usage },
      ConditionExpression: 'attribute_not_exists(PK) OR version = :seen',
      ExpressionAttributeValues: { ':seen': seen },
    },
  };
}

/** The ledger entry of a move: one per record and kind of move, never written twice. */
export function ledgerEntryPut(
  db: Db,
  scope: VillageScope,
  record: PointRecord,
  entry: {
    move: LedgerMove['kind'];
    kind: LedgerEntry['kind'];
    points: number;
    explanation: PointRecord['explanation'];
    at: string;
    by: string;
    reason?: string;
  },
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.ledgerEntry(
          scope.countyId,
          scope.villageId,
          record.householdId,
          entry.at,
          `${record.id}#${entry.move}`,
        ),
        type: 'LedgerEntry',
        accountRef: record.accountRef,
        programId: record.programId,
        recordId: record.id,
        kind: entry.kind,
        points: entry.points,
        category: record.rule.category,
        recordedBy: record.recordedBy,
        selfDeclared: record.selfDeclared || undefined,
        ruleCode: record.rule.code,
        ruleName: record.rule.name,
        ruleVersion: record.ruleVersion,
        explanation: entry.explanation,
        at: entry.at,
        by: entry.by,
        reason: entry.reason,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
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
    const moved = ledgerMoveOf(record, move.kind, account, usage);
    const { points, explanation, entryKind: kind } = moved;
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
              ? { ':points': points, ':explanation': explanation }
              : { ':reason': move.reason ?? '' }),
            ...Object.fromEntries(Object.entries(move.recordUpdates ?? {}).map(([k, v]) => [`:u_${k}`, v])),
          },
        },
      },
      accountPut(db, scope, moved.account, account.version),
      ledgerEntryPut(db, scope, record, {
        move: move.kind,
        kind,
        points,
        explanation,
        at,
        by: move.by,
        reason: move.reason,
      }),
    ];
    if (usageKey) items.push(capUsagePut(db, usageKey, moved.usage, usage.version));
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
      return { points, balance: moved.account.balance, explanation };
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
