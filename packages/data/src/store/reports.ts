import { chinaDate, type Redemption, redemptionSchema } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';

type VillageScope = { countyId: string; villageId: string };

/** A China date's first and last instants as ISO strings, for a range on the time-sorted listing. */
function dayBounds(day: string) {
  const start = new Date(`${day}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 86_400_000 - 1);
  return { ':from': start.toISOString(), ':to': `${end.toISOString()}~` };
}

/**
 * Redemptions newest first: one China day's (today by default), or a household's whole history
 * when a household is named without a day.
 */
export function listRedemptions(
  db: Db,
  scope: VillageScope,
  query: { date?: string; householdId?: string; limit?: number; cursor?: string },
  now: Date,
): Promise<Page<Redemption>> {
  const wholeHistory = query.householdId !== undefined && query.date === undefined;
  return queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.redemptionListingPK(scope.countyId, scope.villageId) },
      indexName: 'GSI1',
      sortCondition: wholeHistory
        ? undefined
        : { expression: '#sk BETWEEN :from AND :to', values: dayBounds(query.date ?? chinaDate(now)) },
      filter: query.householdId
        ? { expression: 'householdId = :household', values: { ':household': query.householdId } }
        : undefined,
      forward: false,
      limit: query.limit,
      cursor: query.cursor,
    },
    (item) => redemptionSchema.parse(item),
  );
}

/** The day at the counter: what was redeemed, what was cancelled, and how much of each item went out. */
export async function redemptionDay(db: Db, scope: VillageScope, date: string, now: Date) {
  const all: Redemption[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRedemptions(db, scope, { date, cursor }, now);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const completed = all.filter((r) => r.status === 'completed');
  const byItem = new Map<
    string,
    { itemId: string; name: string; unit: string; quantity: number; points: number }
  >();
  for (const line of completed.flatMap((r) => r.lines)) {
    const sum = byItem.get(line.itemId) ?? {
      itemId: line.itemId,
      name: line.name,
      unit: line.unit,
      quantity: 0,
      points: 0,
    };
    sum.quantity += line.quantity;
    sum.points += line.points;
    byItem.set(line.itemId, sum);
  }
  return {
    date,
    redemptions: completed.length,
    cancelled: all.length - completed.length,
    households: new Set(completed.map((r) => r.householdId)).size,
    points: completed.reduce((s, r) => s + r.total, 0),
    items: [...byItem.values()].sort((a, b) => b.points - a.points),
  };
}
