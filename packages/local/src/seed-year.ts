import {
  allHouseholds,
  auditEntry,
  type Db,
  listPrograms,
  POSTING_ENDED_BY,
  pointRecordPut,
  recordAudit,
  type TransactItems,
} from '@xjf/data';
import {
  buildRecord,
  chinaDate,
  DEFAULT_POSTING_DAYS,
  gridDay,
  gridToDrafts,
  type Household,
  type Program,
  type RuleSetVersion,
  type User,
  versionOn,
} from '@xjf/domain';
import { type Due, ledgerBooks, versionsOf, type Who, writeBulk } from './seed-bulk';
import { type MonthBatch, yearPlan } from './seed-year-plan';

type Scope = { countyId: string; villageId: string };
const DAY_MS = 86_400_000;

/**
 * 银川村's year at a real village's size: about 2,700 records of its 400 households under its
 * 文明积分 and the county's 生态积分, month grid by month grid (seed-year-plan.ts), approved,
 * posted for three days and on the ledger since; last month's eco grid is on the notice board
 * now and its 文明积分 grid waits in the approval queue. Written in bulk (see seed-bulk.ts).
 */
export async function seedVillageYear(
  db: Db,
  scope: Scope,
  staff: { recorder: User; admin: User },
  now: Date,
) {
  const [programs, households] = await Promise.all([
    listPrograms(db, scope, {}).then((page) => page.items),
    allHouseholds(db, scope),
  ]);
  const versions = await versionsOf(db, scope, programs);
  const byId = new Map(households.map((h) => [h.id, h]));
  const recorder: Who = { userId: staff.recorder.id, name: staff.recorder.name };
  const admin: Who = { userId: staff.admin.id, name: staff.admin.name || staff.admin.username };
  const sorted = households.sort((a, b) => a.number.localeCompare(b.number));

  const entities: TransactItems[] = [];
  const due: Due[] = [];
  for (const batch of yearPlan(sorted, now)) {
    const program = programs.find((p) => p.name === batch.programName);
    if (!program) continue;
    const records = recordsOf(batch, program, versions.get(program.id) ?? [], byId, scope, recorder, now);
    if (records.length === 0) continue;
    // As the month grid records them: one audit entry for the grid.
    entities.push([
      auditEntry(db, scope, {
        action: 'import',
        at: batch.recordedAt,
        by: recorder,
        detail: `月度登记 ${batch.month}「${program.name}」${records.length} 条 (month grid ${batch.month}, ${records.length} records)`,
      }),
    ]);
    const { approvedAt } = batch;
    if (!approvedAt) {
      entities.push(...records.map((record) => [pointRecordPut(db, scope, record)]));
      continue;
    }
    const postedUntil = new Date(approvedAt.getTime() + DEFAULT_POSTING_DAYS * DAY_MS).toISOString();
    const decided = { decidedBy: admin.name, decidedAt: approvedAt.toISOString(), postedUntil };
    for (const record of records) {
      entities.push([recordAudit(db, scope, 'approve', record, admin, approvedAt)]);
      const posted = { ...record, status: 'posted' as const, ...decided };
      if (batch.stage === 'posted') entities.push([pointRecordPut(db, scope, posted)]);
      else due.push({ record: posted, at: postedUntil, by: POSTING_ENDED_BY });
    }
  }
  await writeBulk(db, [...entities, ...ledgerBooks(db, scope, due)]);
}

/** One month grid's records, as the grid builds them: pending, by the recorder. */
function recordsOf(
  batch: MonthBatch,
  program: Program,
  versions: readonly RuleSetVersion[],
  households: ReadonlyMap<string, Household>,
  scope: Scope,
  recorder: Who,
  now: Date,
) {
  const occurredOn = gridDay(batch.month, chinaDate(now));
  const version = versionOn(versions, occurredOn);
  if (!version) throw new Error(`${program.name} has no rules in effect on ${occurredOn}`);
  const drafts = gridToDrafts(batch.cells, {
    programId: program.id,
    accountHolder: program.accountHolder,
    households,
    version,
    occurredOn,
  });
  return drafts.map((d) => buildRecord(d, scope.villageId, recorder, batch.recordedAt));
}
