import {
  accountSchema,
  monthsBetween,
  monthTrend,
  pointRecordSchema,
  type VillageSummary,
  villageFigures,
} from '@xjf/domain';
import type { Db } from '../client';
import { householdsByIds } from '../households/households';
import { keys } from '../keys';
import { queryAllPrefix, queryPage } from '../page';
import { countyDirectory, countyMonths } from './county-report';

type VillageScope = { countyId: string; villageId: string };

const TOP_HOUSEHOLDS = 10;
const RECENT_POSTINGS = 10;

/** The households with the most points now: one query of the village's accounts, then their names. */
async function topHouseholds(db: Db, scope: VillageScope) {
  const accounts = await queryAllPrefix(
    db,
    keys.villageAccountsPrefix(scope.countyId, scope.villageId),
    (i) => accountSchema.parse(i),
  );
  const byHousehold = new Map<string, { balance: number; earned: number }>();
  for (const a of accounts) {
    const h = byHousehold.get(a.householdId) ?? { balance: 0, earned: 0 };
    h.balance += a.balance;
    h.earned += a.earned;
    byHousehold.set(a.householdId, h);
  }
  const top = [...byHousehold].sort((a, b) => b[1].balance - a[1].balance).slice(0, TOP_HOUSEHOLDS);
  const names = await householdsByIds(
    db,
    scope,
    top.map(([id]) => id),
  );
  return top.map(([householdId, figures]) => ({
    householdId,
    number: names.get(householdId)?.number ?? '',
    headName: names.get(householdId)?.headName ?? '',
    ...figures,
  }));
}

/** What is on the public notice board (公示) now, ending soonest first: at most a few records. */
async function recentPostings(db: Db, scope: VillageScope) {
  const page = await queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.recordQueuePK(scope.countyId, scope.villageId, 'posted') },
      indexName: 'GSI1',
      limit: RECENT_POSTINGS,
    },
    (i) => pointRecordSchema.parse(i),
  );
  return page.items.map((r) => ({
    recordId: r.id,
    householdNumber: r.householdNumber,
    headName: r.headName,
    ruleName: r.rule.name,
    points: r.points ?? r.estimate,
    occurredOn: r.occurredOn,
    postedUntil: r.postedUntil,
  }));
}

/**
 * A village's own figures over the range and its rank in its township and county (你追我赶).
 * The other villages' figures are read to rank them but never leave this function.
 */
export async function villageSummary(
  db: Db,
  scope: VillageScope,
  range: { from: string; to: string },
): Promise<VillageSummary> {
  const months = monthsBetween(range.from, range.to);
  const [directory, rows, top, postings] = await Promise.all([
    countyDirectory(db, scope),
    countyMonths(db, scope, range.from, range.to),
    topHouseholds(db, scope),
    recentPostings(db, scope),
  ]);
  const figures = villageFigures(directory.villages, rows, months.length);
  const own = figures.find((f) => f.villageId === scope.villageId);
  const me = directory.villages.find((v) => v.id === scope.villageId);
  if (!own || !me) throw new Error('a village in scope is missing from its county');
  const { rankInCounty, rankInTownship, ...mine } = own;
  return {
    ...range,
    months,
    villageId: me.id,
    villageName: me.name,
    townshipName: me.townshipName,
    figures: mine,
    rank: {
      township: {
        rank: rankInTownship,
        of: figures.filter((f) => f.active && f.townshipId === me.townshipId).length,
      },
      county: { rank: rankInCounty, of: figures.filter((f) => f.active).length },
    },
    trend: monthTrend(
      months,
      rows.filter((r) => r.villageId === scope.villageId),
      me.households,
    ),
    topHouseholds: top,
    recentPostings: postings,
  };
}
