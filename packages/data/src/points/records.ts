import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  assertMayApprove,
  assertMayDeclare,
  buildRecord,
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
import { auditWhoOf, recordAudit } from '../audit/audit';
import { getItems } from '../batch';
import type { Db } from '../client';
import { householdFrom } from '../households/households';
import { type IdempotencySeal, requestInProgress } from '../idempotency/records';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';
import { programAmong, programKeys } from '../rules/programs';
import { activeVersionOf } from '../rules/resolve';
import { villageFrom } from '../tenants/villages';
import { type TransactItem, type TransactItems, transactWrite } from '../transact';
import { householdIdOf } from '../users/users';
import { declarationPut } from './declarations';
import { moveOnLedger } from './ledger';
import { writeRecordChange } from './record-change';
import { pointRecordPut } from './record-item';
import { assertMonthlyCaps } from './recorded';
import { settleDuePostings } from './settlement';

type VillageScope = { countyId: string; villageId: string };
const DAY_MS = 86_400_000;

/**
 * A recorder's record, or a villager's declaration, pending approval. The rule comes from the
 * program's version in effect on the day it happened, and is kept with the record so later rule
 * changes never alter it.
 */
export async function createRecord(
  db: Db,
  scope: VillageScope,
  input: RecordCreate,
  actor: Actor,
  now: Date,
  seal?: IdempotencySeal,
): Promise<PointRecord> {
  if (input.occurredOn > chinaDate(now)) {
    throw new ValidationError('日期不能晚于今天 (the date cannot be in the future)', {
      occurredOn: `最晚为 ${chinaDate(now)}`,
    });
  }
  // One BatchGet: the program (the village's or its county's), the household and, for a villager,
  // their own user item (the household they are linked to); then the program's version.
  const day = new Date(`${input.occurredOn}T12:00:00+08:00`);
  const householdKey = keys.household(scope.countyId, scope.villageId, input.householdId);
  const userKey = keys.villageUser(scope.countyId, scope.villageId, actor.userId);
  const villager = actor.role === 'villager';
  const found = await getItems(db, [
    ...programKeys(scope, input.programId),
    householdKey,
    ...(villager ? [userKey] : []),
  ]);
  const program = programAmong(found, scope, input.programId);
  const household = householdFrom(found(householdKey));
  const ownHousehold = villager ? householdIdOf(found(userKey)) : undefined;
  const version = await activeVersionOf(db, scope, program, day);
  const rule = version.content.rules.find((r) => r.code === input.ruleCode);
  if (!rule) {
    throw new ValidationError('该规则不在生效的积分细则中 (rule not in the rules in effect)', {
      ruleCode: `第 ${version.version} 版细则中没有 ${input.ruleCode}`,
    });
  }
  const selfDeclared = assertMayDeclare(
    { role: actor.role, householdId: ownHousehold },
    { householdId: household.id, rule },
  );
  if (program.accountHolder === 'member' && !household.members.some((m) => m.id === input.memberId)) {
    throw new ValidationError('按人计分的项目须选择本户成员 (choose a member of the household)', {
      memberId: '请选择成员',
    });
  }
  const draft = {
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
  };
  // The same monthly item twice (庭院整洁 once a month) is refused here, not capped to 0 later.
  await assertMonthlyCaps(db, scope, [draft], () => 'ruleCode');
  const record = buildRecord(draft, scope.villageId, { userId: actor.userId, name: actor.name }, now);
  if (selfDeclared) record.selfDeclared = true;
  const items: TransactItems = [
    pointRecordPut(db, scope, record),
    recordAudit(db, scope, 'create', record, auditWhoOf(actor), now, record.note),
    ...(selfDeclared ? [declarationPut(db, scope, record)] : []),
  ];
  // The answer is stored with the record, so a retry after a lost response never records twice.
  if (seal) items.push(seal({ status: 201, body: record }));
  // A fresh id never collides: only the seal's condition can fail (another request holds the key).
  await transactWrite(db, items, () => requestInProgress());
  return record;
}

export async function getRecord(db: Db, scope: VillageScope, recordId: string): Promise<PointRecord> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.pointRecord(scope.countyId, scope.villageId, recordId),
    }),
  );
  return recordFrom(out.Item);
}

function recordFrom(item: Record<string, unknown> | undefined): PointRecord {
  if (!item) throw new NotFoundError('积分记录 (point record)');
  return pointRecordSchema.parse(item);
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
 * What a decision on a record needs, in one BatchGet: the record, the village (its posting
 * period, whether its township reviews) and the decider's own household; refused by maker-checker.
 */
async function decisionOn(db: Db, scope: VillageScope, recordId: string, actor: Actor) {
  const wanted = {
    record: keys.pointRecord(scope.countyId, scope.villageId, recordId),
    village: keys.village(scope.countyId, scope.villageId),
    user: keys.villageUser(scope.countyId, scope.villageId, actor.userId),
  };
  const found = await getItems(db, Object.values(wanted));
  const record = recordFrom(found(wanted.record));
  const village = villageFrom(found(wanted.village));
  const householdId = householdIdOf(found(wanted.user));
  assertMayApprove(record, { userId: actor.userId, householdId, role: actor.role }, village);
  return { record, village };
}

/**
 * Maker-checker approval. With public posting the record goes on the notice board until the
 * window ends; with posting off (0 days) it takes effect on the ledger at once.
 */
export async function approveRecord(db: Db, scope: VillageScope, recordId: string, actor: Actor, now: Date) {
  const { record, village } = await decisionOn(db, scope, recordId, actor);
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
  const { record } = await decisionOn(db, scope, recordId, actor);
  const to = nextStatus(record.status, 'reject', DEFAULT_POSTING_DAYS);
  const at = now.toISOString();
  const decided = { decidedBy: actor.name || actor.username, decidedAt: at, reason: reason ?? '' };
  await decide(
    db,
    scope,
    record,
    to,
    decided,
    `${at}#${record.id}`,
    recordAudit(db, scope, 'reject', record, auditWhoOf(actor), now, reason),
  );
  // The record as the transaction left it, built here rather than read back.
  return pointRecordSchema.parse({ ...record, status: to, ...decided });
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
