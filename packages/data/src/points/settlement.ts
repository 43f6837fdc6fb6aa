import { ConflictError, type PointRecord, pointRecordSchema } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryPage } from '../page';
import { householdLedger, moveOnLedger } from './ledger';

type VillageScope = { countyId: string; villageId: string };

/** Who a posting that took effect on its own is by: nobody objected before its window ended. */
export const POSTING_ENDED_BY = '公示期满 (posting ended)';

/** How many accounts settle at once: enough to be quick, few enough for DynamoDB Local on a laptop. */
const SETTLE_WIDTH = 8;

/** A page of the village's posted records whose window has ended, oldest first. */
const duePostings = (db: Db, scope: VillageScope, now: Date, cursor?: string) =>
  queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.recordQueuePK(scope.countyId, scope.villageId, 'posted') },
      indexName: 'GSI1',
      sortCondition: { expression: '#sk <= :now', values: { ':now': `${now.toISOString()}#~` } },
      cursor,
    },
    (item) => pointRecordSchema.parse(item),
  );

/** Posted records whose window has ended take effect. Safe to run any number of times, concurrently. */
export async function settleDuePostings(db: Db, scope: VillageScope, now: Date): Promise<number> {
  return (await settleFrom(db, scope, await duePostings(db, scope, now), now)).settled;
}

/**
 * Settles the due records of `first` and of every later page (a month's grid approved at once
 * falls due at once, far more than one page); says which households had any due.
 */
async function settleFrom(
  db: Db,
  scope: VillageScope,
  first: Awaited<ReturnType<typeof duePostings>>,
  now: Date,
) {
  let settled = 0;
  const households = new Set<string>();
  for (let page = first; ; page = await duePostings(db, scope, now, page.nextCursor)) {
    for (const r of page.items) households.add(r.householdId);
    settled += await settleAll(db, scope, page.items, now);
    if (!page.nextCursor) break;
  }
  return { settled, households };
}

async function settleAll(db: Db, scope: VillageScope, due: PointRecord[], now: Date) {
  let settled = 0;
  // Accounts never share items, so they settle side by side; each account's records in queue order.
  const byAccount = new Map<string, PointRecord[]>();
  for (const r of due) byAccount.set(r.accountRef, [...(byAccount.get(r.accountRef) ?? []), r]);
  const accounts = [...byAccount.values()];
  for (let i = 0; i < accounts.length; i += SETTLE_WIDTH) {
    const counts = await Promise.all(
      accounts.slice(i, i + SETTLE_WIDTH).map(async (records) => {
        let n = 0;
        for (const record of records) if (await settleOne(db, scope, record, now)) n++;
        return n;
      }),
    );
    settled += counts.reduce((a, b) => a + b, 0);
  }
  return settled;
}

/** One due record onto the ledger; false when someone else settled (or objected to) it first. */
async function settleOne(db: Db, scope: VillageScope, record: PointRecord, now: Date): Promise<boolean> {
  try {
    await moveOnLedger(db, scope, record, {
      kind: 'effect',
      from: 'posted',
      to: 'effective',
      // Points count from the end of the posting window, however late the settlement runs.
      at: record.postedUntil ? new Date(record.postedUntil) : now,
      by: POSTING_ENDED_BY,
    });
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/**
 * A household's ledger with the village's due postings settled first, as every read of points
 * does. The due-postings query goes out beside the ledger's own queries instead of before them;
 * when one of this household's postings was among the due (settled here, or still listed while
 * someone else settled it), the ledger is read again after settling, so nothing due is missed.
 * Nothing due, the usual case: one round of reads. The one case it cannot see is another
 * settler's commit landing between the two parallel reads and already gone from the (eventually
 * consistent) queue index by the second: milliseconds, and the next read shows it.
 */
export async function settledHouseholdLedger(
  db: Db,
  scope: VillageScope,
  householdId: string,
  query: Parameters<typeof householdLedger>[3],
  now: Date,
) {
  const [due, ledger] = await Promise.all([
    duePostings(db, scope, now),
    householdLedger(db, scope, householdId, query),
  ]);
  const { households } = await settleFrom(db, scope, due, now);
  return households.has(householdId) ? householdLedger(db, scope, householdId, query) : ledger;
}
