import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  accountRefOf,
  isMonthlyCounted,
  monthlyCapRefusals,
  type RecordDraft,
  type RecordedEntry,
  recordedEntrySchema,
  recordedStatuses,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';

type VillageScope = { countyId: string; villageId: string };

/** The first instant of a China month (`2026-11` → 2026-10-31T16:00:00.000Z). */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`).toISOString();

/**
 * The village's records that still count (pending, posted, effective) dated in the given months,
 * optionally of one program: one query per status queue, never one per household. Pending and
 * posted queues are read whole (work in hand: a month or two of grids); the effective queue from
 * the first month's start on, since a record takes effect only after it happened. Only the
 * fields a check needs are read back.
 */
export async function recordedInMonths(
  db: Db,
  scope: VillageScope,
  months: readonly string[],
  programId?: string,
): Promise<RecordedEntry[]> {
  const wanted = [...new Set(months)].sort();
  const first = wanted[0];
  if (!first) return [];
  const lists = await Promise.all(
    recordedStatuses.map((status) =>
      queryQueue(
        db,
        scope,
        status,
        wanted,
        status === 'effective' ? monthStart(first) : undefined,
        programId,
      ),
    ),
  );
  return lists.flat();
}

async function queryQueue(
  db: Db,
  scope: VillageScope,
  status: (typeof recordedStatuses)[number],
  months: readonly string[],
  from: string | undefined,
  programId: string | undefined,
): Promise<RecordedEntry[]> {
  const values: Record<string, unknown> = {
    ':pk': keys.recordQueuePK(scope.countyId, scope.villageId, status),
  };
  months.forEach((m, i) => {
    values[`:m${i}`] = m;
  });
  const inMonths = months.map((_, i) => `begins_with(occurredOn, :m${i})`).join(' OR ');
  let filter = `(${inMonths})`;
  if (programId) {
    values[':program'] = programId;
    filter += ' AND programId = :program';
  }
  if (from) values[':from'] = from;
  const out: RecordedEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const input: QueryCommandInput = {
      TableName: db.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: from ? 'GSI1PK = :pk AND GSI1SK >= :from' : 'GSI1PK = :pk',
      FilterExpression: filter,
      ProjectionExpression:
        'id, programId, householdId, memberId, accountRef, #rule.#code, #status, occurredOn, estimate, points, createdAt',
      ExpressionAttributeNames: { '#rule': 'rule', '#code': 'code', '#status': 'status' },
      ExpressionAttributeValues: values,
      ExclusiveStartKey: start,
    };
    const page = await db.doc.send(new QueryCommand(input));
    for (const item of page.Items ?? []) {
      out.push(
        recordedEntrySchema.parse({
          id: item.id,
          programId: item.programId,
          householdId: item.householdId,
          memberId: item.memberId,
          accountRef: item.accountRef,
          ruleCode: (item.rule as { code?: string } | undefined)?.code,
          status: item.status,
          occurredOn: item.occurredOn,
          points: item.points ?? item.estimate,
          createdAt: item.createdAt,
        }),
      );
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Refuses drafts under a rule limited to a number of times a month once the account's records of
 * that month (pending, posted, effective) and the batch's earlier drafts reach the limit: the same
 * monthly item is not taken twice (issue 15). Reads only when some draft has such a rule. Each
 * refusal is named by `fieldOf(index)`, with the cap's reason.
 */
export async function assertMonthlyCaps(
  db: Db,
  scope: VillageScope,
  drafts: readonly RecordDraft[],
  fieldOf: (index: number) => string,
  messageOf: (refused: number) => string = (n) =>
    n === 1
      ? '本月已达该项的次数上限，未录入 (the monthly limit of this item is reached; nothing recorded)'
      : `有 ${n} 条超过本月次数上限，未录入任何记录 (${n} over a monthly limit; nothing recorded)`,
): Promise<void> {
  if (!drafts.some((d) => isMonthlyCounted(d.rule))) return;
  const months = drafts.filter((d) => isMonthlyCounted(d.rule)).map((d) => d.occurredOn.slice(0, 7));
  const recorded = await recordedInMonths(db, scope, months);
  const refused = monthlyCapRefusals(
    drafts.map((d) => ({
      accountRef: accountRefOf({ ...d, householdId: d.household.id }),
      rule: d.rule,
      occurredOn: d.occurredOn,
    })),
    recorded,
  );
  if (refused.size === 0) return;
  const fields: Record<string, string> = {};
  for (const [index, reason] of refused) fields[fieldOf(index)] = `${reason.zh} (${reason.en})`;
  throw new ValidationError(messageOf(refused.size), fields, 'cap_reached');
}
