import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  monthOf,
  type Program,
  programSchema,
  type ReportMonth,
  type ReportVillage,
  type Township,
  townshipSchema,
  ValidationError,
  type Village,
  villageSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAllPrefix, queryPage } from '../page';
import { countyPrograms } from '../rules/programs';
import { villageMonthOf } from './rebuild';

type CountyScope = { countyId: string };
type VillageScope = { countyId: string; villageId: string };

/** Village reads go out in groups this size: quick, without flooding a small table's capacity. */
const CONCURRENCY = 16;

async function inGroups<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    out.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(each))));
  }
  return out;
}

/**
 * Every village-month of the county from `from` to `to`: ONE range query on the county
 * partition (`AGG#<month>#…` sorts by month), so its cost follows villages × months and never
 * the number of point records.
 */
export async function countyMonths(
  db: Db,
  scope: CountyScope,
  from: string,
  to: string,
): Promise<ReportMonth[]> {
  const partition = { name: 'PK', value: keys.tenantScope.county(scope.countyId) };
  const out: ReportMonth[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      db,
      {
        partition,
        sortCondition: {
          expression: '#sk BETWEEN :from AND :to',
          values: { ':from': `AGG#${from}`, ':to': `AGG#${to}~` },
        },
        cursor,
      },
      (item): ReportMonth => ({
        ...villageMonthOf(item),
        villageId: String(item.villageId),
        refusedSelfApprovals: Number(item.refusedSelfApprovals ?? 0),
      }),
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Households on a village's roster, counted from the small 户号 guard items with Select COUNT:
 * participation is measured against households that can actually earn points, not a number
 * typed in at onboarding. Costs one small query per village, whatever the records.
 */
export async function rosterCount(db: Db, scope: VillageScope): Promise<number> {
  const prefix = keys.householdNumberPrefix(scope.countyId, scope.villageId);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': prefix.PK, ':prefix': prefix.SKPrefix },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

export type CountyDirectory = { townships: Township[]; villages: ReportVillage[] };

/** The county's townships and villages (one query each) with each village's roster size. */
export async function countyDirectory(db: Db, scope: CountyScope): Promise<CountyDirectory> {
  const [townships, villages] = await Promise.all([
    queryAllPrefix(db, keys.townshipPrefix(scope.countyId), (i) => townshipSchema.parse(i)),
    queryAllPrefix(db, keys.villagePrefix(scope.countyId), (i) => villageSchema.parse(i)),
  ]);
  const households = await inGroups(villages, (v: Village) => rosterCount(db, { ...scope, villageId: v.id }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  return {
    townships: townships.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byName(a, b)),
    villages: villages
      .map((v, i) => ({
        id: v.id,
        name: v.name,
        townshipId: v.townshipId,
        townshipName: v.townshipName,
        households: households[i] ?? 0,
      }))
      .sort(byName),
  };
}

/**
 * A county filters by program NAME (生态积分): the ids of its county-wide programs and of the
 * villages' own programs with that name. One small query per village, only when asked.
 */
async function programIdsNamed(db: Db, scope: CountyScope, villages: readonly ReportVillage[], name: string) {
  const [county, programs] = await Promise.all([
    countyPrograms(db, scope),
    inGroups(villages, (v) =>
      queryAllPrefix(
        db,
        keys.programPrefix({ countyId: scope.countyId, villageId: v.id }),
        (i): Program => programSchema.parse(i),
      ),
    ),
  ]);
  return new Set(
    [county, ...programs]
      .flat()
      .filter((p) => p.name === name)
      .map((p) => p.id),
  );
}

export type ReportFilter = { from: string; to: string; township?: string; program?: string };

/**
 * What every county report starts from: the villages in scope and their months. An unknown
 * township or program names the field, so a typo is never mistaken for an empty county.
 */
export async function countyReportInputs(db: Db, scope: CountyScope, filter: ReportFilter) {
  const [directory, months] = await Promise.all([
    countyDirectory(db, scope),
    countyMonths(db, scope, filter.from, filter.to),
  ]);
  const township = filter.township ? directory.townships.find((t) => t.id === filter.township) : undefined;
  if (filter.township && !township) {
    throw new ValidationError(
      '没有这个乡镇 (unknown township)',
      { township: '本县没有这个乡镇' },
      'unknown_township',
    );
  }
  const villages = township
    ? directory.villages.filter((v) => v.townshipId === township.id)
    : directory.villages;
  const inScope = new Set(villages.map((v) => v.id));
  let rows = months.filter((m) => inScope.has(m.villageId));
  if (filter.program) {
    const ids = await programIdsNamed(db, scope, villages, filter.program);
    if (ids.size === 0) {
      throw new ValidationError(
        '没有这个积分项目 (unknown program)',
        { program: '各村都没有这个名称的积分项目' },
        'unknown_program',
      );
    }
    rows = rows.filter((m) => ids.has(m.programId));
  }
  return { townships: township ? [township] : directory.townships, villages, rows, directory };
}

/**
 * Counts a refused self-approval on the village's current month for the record's program.
 * Outside the refused request's transaction by nature (nothing else was written), and an ADD,
 * so concurrent refusals all count.
 */
export async function countRefusedSelfApproval(db: Db, scope: VillageScope, programId: string, now: Date) {
  const month = monthOf(now.toISOString());
  const { PK, SK, GSI1PK, GSI1SK } = keys.villageMonth(scope.countyId, scope.villageId, month, programId);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { PK, SK },
      UpdateExpression:
        'SET #type = :type, villageId = :village, #month = :month, programId = :program, GSI1PK = :gpk, GSI1SK = :gsk ADD refusedSelfApprovals :one',
      ExpressionAttributeNames: { '#type': 'type', '#month': 'month' },
      ExpressionAttributeValues: {
        ':type': 'VillageMonth',
        ':village': scope.villageId,
        ':month': month,
        ':program': programId,
        ':gpk': GSI1PK,
        ':gsk': GSI1SK,
        ':one': 1,
      },
    }),
  );
}
