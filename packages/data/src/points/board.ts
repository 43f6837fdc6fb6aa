import {
  accountSchema,
  boardLineOf,
  DEFAULT_POSTING_DAYS,
  type Household,
  householdSchema,
  type PointRecord,
  type PublicBoard,
  pointRecordSchema,
  rankHouseholds,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPage, queryPrefix } from '../page';
import { allProgramsOf } from '../rules/programs';
import { getCounty } from '../tenants/counties';
import { getVillage } from '../tenants/villages';
import { settleDuePostings } from './settlement';

type VillageScope = { countyId: string; villageId: string };

/** Households in the ranking, per program. */
const RANKING_SIZE = 20;
const RECENTLY_EFFECTIVE = 20;
/** A posting window holds at most a month's grid or two; the board shows this many, ending soonest first. */
const MAX_POSTED = 500;

/** Every page of a listing, for the few village-sized reads the board makes. */
async function everything<T>(read: (cursor?: string) => Promise<Page<T>>, max = Number.POSITIVE_INFINITY) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items.slice(0, max);
}

const queue =
  (db: Db, scope: VillageScope, status: 'posted' | 'effective', forward: boolean, limit?: number) =>
  (cursor?: string) =>
    queryPage(
      db,
      {
        partition: { name: 'GSI1PK', value: keys.recordQueuePK(scope.countyId, scope.villageId, status) },
        indexName: 'GSI1',
        forward,
        limit,
        cursor,
      },
      (item) => pointRecordSchema.parse(item),
    );

/**
 * The village's public notice board: what is on posting now, what recently took effect, and
 * the ranking per program. Due postings are settled first, so nothing past its window shows
 * as objectionable.
 */
export async function readBoard(db: Db, scope: VillageScope, now: Date): Promise<PublicBoard> {
  await settleDuePostings(db, scope, now);
  const [village, county, programs, households, accounts, posted, effective] = await Promise.all([
    getVillage(db, scope),
    getCounty(db, scope),
    allProgramsOf(db, scope),
    everything((cursor) =>
      queryPrefix(db, keys.householdPrefix(scope.countyId, scope.villageId), { cursor }, (i) =>
        householdSchema.parse(i),
      ),
    ),
    everything((cursor) =>
      queryPrefix(db, keys.villageAccountsPrefix(scope.countyId, scope.villageId), { cursor }, (i) =>
        accountSchema.parse(i),
      ),
    ),
    everything(queue(db, scope, 'posted', true), MAX_POSTED),
    queue(db, scope, 'effective', false, RECENTLY_EFFECTIVE)(),
  ]);
  const byId = new Map<string, Household>(households.map((h) => [h.id, h]));
  const programName = new Map(programs.map((p) => [p.id, p.name]));
  const line = (r: PointRecord) =>
    boardLineOf(r, byId.get(r.householdId), programName.get(r.programId) ?? '');
  return {
    village: {
      name: village.name,
      townshipName: village.townshipName,
      countyName: county.name,
      postingDays: village.postingDays ?? DEFAULT_POSTING_DAYS,
    },
    posted: posted.map((r) => ({ ...line(r), recordId: r.id, postedUntil: r.postedUntil ?? '' })),
    recentlyEffective: effective.items.map((r) => ({ ...line(r), effectiveAt: r.effectiveAt ?? '' })),
    rankings: programs.map((p) => ({
      programName: p.name,
      rows: rankHouseholds(
        accounts.filter((a) => a.programId === p.id),
        byId,
        RANKING_SIZE,
      ),
    })),
    generatedAt: now.toISOString(),
  };
}
