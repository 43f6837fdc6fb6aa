import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  assertMayApprove,
  buildRecord,
  ConflictError,
  chinaDate,
  DEFAULT_POSTING_DAYS,
  NotFoundError,
  nextStatus,
  type PointRecord,
  pointRecordSchema,
  type RecordCreate,
  type RecordStatus,
  ValidationError,
} from '@xjf/domain';
import { auditWhoOf, recordAudit, type TransactItem } from '../audit/audit';
import type { Db } from '../client';
import { getHousehold } from '../households/households';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';
import { getProgram } from '../rules/programs';
import { activeVersionOf } from '../rules/resolve';
import { getVillage } from '../tenants/villages';
import { householdOfUser } from '../users/users';
import { moveOnLedger } from './ledger';
import { writeRecordChange } from './record-change';
import { pointRecordPut } from './record-item';

type VillageScope = { countyId: string; villageId: string };
const DAY_MS = 86_400_000;

/**
 * A recorder's record, pending approval. The rule comes from the program's version in effect
 * on the day it happened, and is kept with the record so later rule changes never alter it.
 */
export async function createRecord(
  db: Db,
  scope: VillageScope,
  input: RecordCreate,
  actor: Actor,
  now: Date,
): Promise<PointRecord> {
  if (input.occurredOn > chinaDate(now)) {
    throw new ValidationError('日期不能晚于今天 (the date cannot be in the future)', {
      occurredOn: `最晚为 ${chinaDate(now)}`,
    });
  }
  // The program (the village's or its county's, one BatchGet), then its version; the household meanwhile.
  const day = new Date(`${input.occurredOn}T12:00:00+08:00`);
  const [{ program, version }, household] = await Promise.all([
    getProgram(db, scope, input.programId).then(async (program) => ({
      program,
      version: await activeVersionOf(db, scope, program, day),
    })),
    getHousehold(db, scope, input.householdId),
  ]);
  const rule = version.content.rules.find((r) => r.code === input.ruleCode);
  if (!rule) {
    throw new ValidationError('该规则不在生效的积分细则中 (rule not in the rules in effect)', {
      ruleCode: `第 ${version.version} 版细则中没有 ${input.ruleCode}`,
    });
  }
  if (program.accountHolder === 'member' && !household.members.some((m) => m.id === input.memberId)) {
    throw new ValidationError('按人计分的项目须选择本户成员 (choose a member of the household)', {
      memberId: '请选择成员',
    });
  }
  const record = buildRecord(
    {
      programId: program.id,
      accountHolder: program.accountHolder,
      household,
      memberId: input.memberId,
      version,
      rule,
      quantity: input.quantity,
      occurredOn: input.occurredOn,
      note: input.note,
      evidence: input.evidence,
    },
    scope.villageId,
    { userId: actor.userId, name: actor.name },
    now,
  );
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        pointRecordPut(db, scope, record),
        recordAudit(db, scope, 'create', record, auditWhoOf(actor), now, record.note),
      ],
    }),
  );
  return record;
}

export async function getRecord(db: Db, scope: VillageScope, recordId: string): Promise<PointRecord> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.pointRecord(scope.countyId, scope.villageId, recordId),
    }),
  );
  if (!out.Item) throw new NotFoundError('积分记录 (point record)');
  return pointRecordSchema.parse(out.Item);
}

/**
 * A status queue: work still to do (pending, posted) oldest first, history newest first.
 * Settles due postings first so what is listed is current.
 */
export async function listRecords(
  db: Db,
  scope: VillageScope,
  query: { status?: RecordStatus; limit?: number; cursor?: string },
  now: Date,
): Promise<Page<PointRecord>> {
  await settleDuePostings(db, scope, now);
  const status = query.status ?? 'pending';
  return queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.recordQueuePK(scope.countyId, scope.villageId, status) },
      indexName: 'GSI1',
      forward: status === 'pending' || status === 'posted',
      limit: query.limit,
      cursor: query.cursor,
    },
    (item) => pointRecordSchema.parse(item),
  );
}

async function decide(
  db: Db,
  scope: VillageScope,
  record: PointRecord,
  to: RecordStatus,
  updates: Record<string, unknown>,
  queueSort: string,
  audit: TransactItem,
) {
  const names = Object.keys(updates);
  await writeRecordChange(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.pointRecord(scope.countyId, scope.villageId, record.id),
        UpdateExpression: `SET #status = :to, GSI1PK = :queue, GSI1SK = :sort${names.map((n) => `, ${n} = :${n}`).join('')}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':from': record.status,
          ':queue': keys.recordQueuePK(scope.countyId, scope.villageId, to),
          ':sort': queueSort,
          ...Object.fromEntries(names.map((n) => [`:${n}`, updates[n]])),
        },
      },
    },
    audit,
  ]);
}

/**
 * Maker-checker approval. With public posting the record goes on the notice board until the
 * window ends; with posting off (0 days) it takes effect on the ledger at once.
 */
export async function approveRecord(db: Db, scope: VillageScope, recordId: string, actor: Actor, now: Date) {
  const [record, village, householdId] = await Promise.all([
    getRecord(db, scope, recordId),
    getVillage(db, scope),
    householdOfUser(db, scope, actor.userId),
  ]);
  assertMayApprove(record, { userId: actor.userId, householdId });
  const postingDays = village.postingDays ?? DEFAULT_POSTING_DAYS;
  const to = nextStatus(record.status, 'approve', postingDays);
  const at = now.toISOString();
  const decided = { decidedBy: actor.name || actor.username, decidedAt: at };
  const audit = recordAudit(db, scope, 'approve', record, auditWhoOf(actor), now);
  // The answer is the record as the transaction left it, built here rather than read back.
  if (to === 'effective') {
    const moved = await moveOnLedger(db, scope, record, {
      kind: 'effect',
      from: 'pending',
      to,
      at: now,
      by: decided.decidedBy,
      recordUpdates: decided,
      extraItems: [audit],
    });
    const { points, explanation } = moved;
    return pointRecordSchema.parse({
      ...record,
      status: to,
      points,
      explanation,
      effectiveAt: at,
      ...decided,
    });
  }
  const postedUntil = new Date(now.getTime() + postingDays * DAY_MS).toISOString();
  await decide(db, scope, record, to, { ...decided, postedUntil }, `${postedUntil}#${record.id}`, audit);
  return pointRecordSchema.parse({ ...record, status: to, ...decided, postedUntil });
}

export async function rejectRecord(
  db: Db,
  scope: VillageScope,
  recordId: string,
  reason: string | undefined,
  actor: Actor,
  now: Date,
) {
  const [record, householdId] = await Promise.all([
    getRecord(db, scope, recordId),
    householdOfUser(db, scope, actor.userId),
  ]);
  assertMayApprove(record, { userId: actor.userId, householdId });
  const to = nextStatus(record.status, 'reject', DEFAULT_POSTING_DAYS);
  const at = now.toISOString();
  await decide(
    db,
    scope,
    record,
    to,
    { decidedBy: actor.name || actor.username, decidedAt: at, reason: reason ?? '' },
    `${at}#${record.id}`,
    recordAudit(db, scope, 'reject', record, auditWhoOf(actor), now, reason),
  );
  return getRecord(db, scope, recordId);
}

/** A correction is a reversing entry with a reason; the original entry stays on the ledger. */
export async function reverseRecord(
  db: Db,
  scope: VillageScope,
  recordId: string,
  reason: string,
  actor: Actor,
  now: Date,
) {
  const record = await getRecord(db, scope, recordId);
  const to = nextStatus(record.status, 'reverse', DEFAULT_POSTING_DAYS);
  await moveOnLedger(db, scope, record, {
    kind: 'reversal',
    from: 'effective',
    to,
    at: now,
    by: actor.name || actor.username,
    reason,
    extraItems: [recordAudit(db, scope, 'reverse', record, auditWhoOf(actor), now, reason)],
  });
  return getRecord(db, scope, recordId);
}

/** Posted records whose window has ended take effect. Safe to run any number of times, concurrently. */
export async function settleDuePostings(db: Db, scope: VillageScope, now: Date): Promise<number> {
  let settled = 0;
  // Every page: a month's grid approved at once falls due at once, far more than one page.
  let cursor: string | undefined;
  do {
    const due = await queryPage(
      db,
      {
        partition: { name: 'GSI1PK', value: keys.recordQueuePK(scope.countyId, scope.villageId, 'posted') },
        indexName: 'GSI1',
        sortCondition: { expression: '#sk <= :now', values: { ':now': `${now.toISOString()}#~` } },
        cursor,
      },
      (item) => pointRecordSchema.parse(item),
    );
    // Accounts never share items, so they settle side by side; each account's records in queue order.
    const byAccount = new Map<string, PointRecord[]>();
    for (const r of due.items) byAccount.set(r.accountRef, [...(byAccount.get(r.accountRef) ?? []), r]);
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
    cursor = due.nextCursor;
  } while (cursor);
  return settled;
}

/** How many accounts settle at once: enough to be quick, few enough for DynamoDB Local on a laptop. */
const SETTLE_WIDTH = 8;

/** One due record onto the ledger; false when someone else settled (or objected to) it first. */
async function settleOne(db: Db, scope: VillageScope, record: PointRecord, now: Date): Promise<boolean> {
  try {
    await moveOnLedger(db, scope, record, {
      kind: 'effect',
      from: 'posted',
      to: 'effective',
      // Points count from the end of the posting window, however late the settlement runs.
      at: record.postedUntil ? new Date(record.postedUntil) : now,
      by: '公示期满 (posting ended)',
    });
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
