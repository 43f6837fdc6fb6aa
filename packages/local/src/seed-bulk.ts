import {
  accountPut,
  type CapCount,
  capUsagePut,
  type Db,
  emptyAccount,
  type Key,
  keys,
  ledgerEntryPut,
  ledgerMoveOf,
  listVersions,
  pointRecordPut,
  programOwner,
  type TransactItems,
  villageMonthAdd,
  writeAllOrNothing,
} from '@xjf/data';
import {
  type AggregateDelta,
  aggregateDelta,
  capPeriodKey,
  monthOf,
  type PointRecord,
  type Program,
  type RuleSetVersion,
  sumDeltas,
} from '@xjf/domain';

/**
 * Months of demo history written in bulk, outside the API. Through the API each record is a
 * create, an approval and a posting, a dozen round trips, and DynamoDB Local manages about
 * sixty transactions a second on two cores: 银川村's year alone would take minutes, and
 * `npm start` must serve within one. The books are still the API's: records come from the
 * domain's record builder, each posting is worked out by the data layer's `ledgerMoveOf` (the
 * evaluator under the cap usage so far, as a posting reads it) and every item is made by the
 * data layer's builders; each account's records, entries, cap counters and balance are written
 * in one transaction, and the village's months are summed from the same entries. So ledger,
 * balances and the village-month aggregates agree, as `npm run audit:ledger` and
 * `npm run rebuild:aggregates` check (test/e2e/demo-runtime.test.ts runs both).
 */

type Scope = { countyId: string; villageId: string };
export type Who = { userId: string; name: string };

/** An approved record and when and by whom it takes effect (its approver, or the posting's end). */
export type Due = { record: PointRecord; at: string; by: string };

/** Each program's published versions, by program id, to find the one in effect on a day. */
export async function versionsOf(db: Db, scope: Scope, programs: readonly Program[]) {
  return new Map(
    await Promise.all(
      programs.map(
        async (p) => [p.id, await listVersions(db, programOwner(scope, p), p.ruleSetId ?? '')] as const,
      ),
    ),
  ) as ReadonlyMap<string, readonly RuleSetVersion[]>;
}

/**
 * The ledger as the postings leave it: per account, its records in the order postings take
 * them (settlement's queue order), each evaluated under the cap usage so far, then the account
 * and its cap counters; and the village's months, summed from the same entries, with the
 * households each made active. (A posting marks a household active in a month with an item, so
 * that later postings of that month do not count it again; postings land at their approval or
 * at the end of their posting, never in a month that has ended, so past months need no marker.)
 */
export function ledgerBooks(db: Db, scope: Scope, due: readonly Due[]): TransactItems[] {
  const byAccount = new Map<string, Due[]>();
  for (const d of due) byAccount.set(d.record.accountRef, [...(byAccount.get(d.record.accountRef) ?? []), d]);
  const months = new Map<
    string,
    { month: string; programId: string; deltas: AggregateDelta[]; active: number }
  >();
  const active = new Set<string>();
  const entities: TransactItems[] = [];
  for (const moves of byAccount.values()) {
    const first = moves[0];
    if (!first) continue;
    let account = emptyAccount(first.record);
    const caps = new Map<string, { key: Key; usage: CapCount }>();
    const items: TransactItems = [];
    const inOrder = [...moves].sort((a, b) =>
      `${a.at}#${a.record.id}`.localeCompare(`${b.at}#${b.record.id}`),
    );
    for (const { record, at, by } of inOrder) {
      const cap = record.rule.cap;
      const capKey = cap
        ? keys.capUsage(
            scope.countyId,
            scope.villageId,
            record.accountRef,
            record.rule.code,
            capPeriodKey(cap.period, record.occurredOn),
          )
        : undefined;
      const counted = capKey ? caps.get(capKey.SK)?.usage : undefined;
      const moved = ledgerMoveOf(
        record,
        'effect',
        account,
        counted ?? { points: 0, occurrences: 0, version: 0 },
      );
      account = moved.account;
      if (capKey) caps.set(capKey.SK, { key: capKey, usage: moved.usage });
      const { points, explanation, entryKind: kind } = moved;
      items.push(
        pointRecordPut(db, scope, { ...record, status: 'effective', points, explanation, effectiveAt: at }),
        ledgerEntryPut(db, scope, record, { move: 'effect', kind, points, explanation, at, by }),
      );
      const month = monthOf(at);
      const figures = months.get(`${month}#${record.programId}`) ?? {
        month,
        programId: record.programId,
        deltas: [],
        active: 0,
      };
      const { category } = record.rule;
      figures.deltas.push(
        aggregateDelta({
          kind,
          points,
          category,
          recordedBy: record.recordedBy,
          selfDeclared: record.selfDeclared,
        }),
      );
      months.set(`${month}#${record.programId}`, figures);
      const marker = `${month}#${record.programId}#${record.householdId}`;
      if (!active.has(marker)) {
        active.add(marker);
        figures.active++;
      }
    }
    items.push(
      accountPut(db, scope, account, 0),
      ...[...caps.values()].map(({ key, usage }) => capUsagePut(db, key, usage, 0)),
    );
    entities.push(items);
  }
  for (const m of months.values())
    entities.push([villageMonthAdd(db, scope, m, sumDeltas(m.deltas), m.active)]);
  return entities;
}

/**
 * Writes the entities (each a few items that belong together) in transactions of up to a
 * hundred items. A seed that fails leaves a database nobody keeps (`npm start` copies it into
 * .data only once it is whole), so there is nothing to undo.
 */
export function writeBulk(db: Db, entities: readonly TransactItems[]) {
  return writeAllOrNothing(
    db,
    entities,
    (items) => items,
    async () => {},
    () => new Error('the demo history clashed with data already in the table'),
  );
}
