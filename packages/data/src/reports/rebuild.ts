import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AggregateDelta,
  aggregateDelta,
  ledgerEntrySchema,
  marksActivity,
  monthOf,
  sumDeltas,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAllPrefix, queryPage } from '../page';

type VillageScope = { countyId: string; villageId: string };

/** A village's month in one program, as the dashboard reads it. */
export type VillageMonth = AggregateDelta & { month: string; programId: string; activeHouseholds: number };

/** Reads an aggregate item back into its figures; zero entries are dropped so a rebuild compares like with like. */
export function villageMonthOf(item: Record<string, unknown>): VillageMonth {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(item)
        .filter(([k, v]) => k.startsWith(prefix) && Number(v) !== 0)
        .map(([k, v]) => [k.slice(prefix.length), Number(v)]),
    );
  return {
    month: String(item.month),
    programId: String(item.programId),
    earned: Number(item.earned ?? 0),
    deducted: Number(item.deducted ?? 0),
    redeemed: Number(item.redeemed ?? 0),
    expired: Number(item.expired ?? 0),
    records: Number(item.records ?? 0),
    activeHouseholds: Number(item.activeHouseholds ?? 0),
    categories: pick('cat#'),
    recorders: pick('rec#'),
  };
}

/** The village's months as stored, oldest first. */
export async function storedVillageMonths(db: Db, scope: VillageScope): Promise<VillageMonth[]> {
  const out: VillageMonth[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      db,
      {
        partition: { name: 'GSI1PK', value: keys.villageMonthsPK(scope.countyId, scope.villageId) },
        indexName: 'GSI1',
        cursor,
      },
      villageMonthOf,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The village's months recomputed from its ledger alone. */
export async function recomputedVillageMonths(db: Db, scope: VillageScope): Promise<VillageMonth[]> {
  const village = keys.tenantScope.village(scope.countyId, scope.villageId);
  const entries = await queryAllPrefix(db, { PK: village, SKPrefix: 'LEDGER#' }, (i) =>
    ledgerEntrySchema.parse(i),
  );
  const groups = new Map<string, { deltas: AggregateDelta[]; active: Set<string> }>();
  for (const e of entries) {
    const key = `${monthOf(e.at)}#${e.programId}`;
    const group = groups.get(key) ?? { deltas: [], active: new Set<string>() };
    group.deltas.push(aggregateDelta(e));
    if (marksActivity(e.kind)) group.active.add(e.accountRef.split('#')[0] ?? '');
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const [month = '', programId = ''] = key.split('#');
      const total = sumDeltas(g.deltas);
      const nonZero = (m: Record<string, number>) =>
        Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
      return {
        ...total,
        categories: nonZero(total.categories),
        recorders: nonZero(total.recorders),
        month,
        programId,
        activeHouseholds: g.active.size,
      };
    })
    .sort((a, b) => `${a.month}#${a.programId}`.localeCompare(`${b.month}#${b.programId}`));
}

const emptyMonth = (month: string, programId: string): VillageMonth => ({
  month,
  programId,
  earned: 0,
  deducted: 0,
  redeemed: 0,
  expired: 0,
  records: 0,
  activeHouseholds: 0,
  categories: {},
  recorders: {},
});

/** One spelling of a month's figures, whatever order its attributes came in. */
const canonical = (m: VillageMonth) => {
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  const { month, programId, earned, deducted, redeemed, expired, records, activeHouseholds } = m;
  return JSON.stringify([
    month,
    programId,
    earned,
    deducted,
    redeemed,
    expired,
    records,
    activeHouseholds,
    sorted(m.categories),
    sorted(m.recorders),
  ]);
};

/**
 * Compares the stored months with a recomputation from the ledger and, with `write`, replaces
 * the stored figures by the recomputed ones. Returns the months that differed.
 */
export async function rebuildVillageMonths(db: Db, scope: VillageScope, options: { write: boolean }) {
  const [stored, recomputed] = await Promise.all([
    storedVillageMonths(db, scope),
    recomputedVillageMonths(db, scope),
  ]);
  const byKey = new Map(stored.map((m) => [`${m.month}#${m.programId}`, m]));
  const differences: { month: string; programId: string; stored?: VillageMonth; ledger?: VillageMonth }[] =
    recomputed.flatMap((m) => {
      const have = byKey.get(`${m.month}#${m.programId}`);
      byKey.delete(`${m.month}#${m.programId}`);
      return have && canonical(have) === canonical(m)
        ? []
        : [{ month: m.month, programId: m.programId, stored: have, ledger: m }];
    });
  // A month with no ledger entries is fine while its figures are all zero (it may hold only a
  // refused self-approval, which is not a ledger fact).
  for (const orphan of byKey.values()) {
    if (canonical(orphan) !== canonical(emptyMonth(orphan.month, orphan.programId))) {
      differences.push({ month: orphan.month, programId: orphan.programId, stored: orphan });
    }
  }
  if (options.write) {
    for (const d of differences) await rewriteMonth(db, scope, d.month, d.programId, d.ledger, d.stored);
  }
  return differences;
}

/**
 * Sets a month's ledger figures to the recomputed ones (zero where the ledger has nothing),
 * leaving what is not a ledger fact, such as refused self-approvals, as it is.
 */
async function rewriteMonth(
  db: Db,
  scope: VillageScope,
  month: string,
  programId: string,
  ledger: VillageMonth | undefined,
  stored: VillageMonth | undefined,
) {
  const m = ledger ?? emptyMonth(month, programId);
  const zeroed = (now: Record<string, number>, before: Record<string, number> = {}) => ({
    ...Object.fromEntries(Object.keys(before).map((k) => [k, 0])),
    ...now,
  });
  const figures: [string, unknown][] = [
    ['type', 'VillageMonth'],
    ['villageId', scope.villageId],
    ['month', month],
    ['programId', programId],
    ['earned', m.earned],
    ['deducted', m.deducted],
    ['redeemed', m.redeemed],
    ['expired', m.expired],
    ['records', m.records],
    ['activeHouseholds', m.activeHouseholds],
    ...Object.entries(zeroed(m.categories, stored?.categories)).map(([k, v]): [string, unknown] => [
      `cat#${k}`,
      v,
    ]),
    ...Object.entries(zeroed(m.recorders, stored?.recorders)).map(([k, v]): [string, unknown] => [
      `rec#${k}`,
      v,
    ]),
  ];
  const { PK, SK, GSI1PK, GSI1SK } = keys.villageMonth(scope.countyId, scope.villageId, month, programId);
  figures.push(['GSI1PK', GSI1PK], ['GSI1SK', GSI1SK]);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { PK, SK },
      UpdateExpression: `SET ${figures.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(figures.map(([name], i) => [`#f${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(figures.map(([, value], i) => [`:f${i}`, value])),
    }),
  );
}
