import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  buildRecord,
  ConflictError,
  chinaDate,
  gridDay,
  gridToDrafts,
  type MonthGrid,
  type PointRecord,
  type RecordBatchResult,
  type RecordDraft,
  type RecordRow,
  rowsToRecordDrafts,
} from '@xjf/domain';
import { auditEntry, auditWhoOf } from '../audit/audit';
import type { Db } from '../client';
import { allHouseholds, householdsByIds } from '../households/households';
import { keys } from '../keys';
import { getProgram, programOwner } from '../rules/programs';
import { activeVersionOf } from '../rules/resolve';
import { listVersions } from '../rules/rule-sets';
import { writeAllOrNothing } from '../transact-chunks';
import { pointRecordPut } from './record-item';
import { assertMonthlyCaps } from './recorded';

type VillageScope = { countyId: string; villageId: string };

/**
 * A file of point records (积分记录导入): every row checked against the village's households
 * and the rule version in effect on its date; all recorded pending, or none.
 */
export async function importRecords(
  db: Db,
  scope: VillageScope,
  input: { programId: string; rows: RecordRow[] },
  actor: Actor,
  now: Date,
): Promise<RecordBatchResult> {
  const program = await getProgram(db, scope, input.programId);
  const [households, versions] = await Promise.all([
    allHouseholds(db, scope),
    program.ruleSetId ? listVersions(db, programOwner(scope, program), program.ruleSetId) : [],
  ]);
  const drafts = rowsToRecordDrafts(input.rows, {
    programId: program.id,
    accountHolder: program.accountHolder,
    today: chinaDate(now),
    households: new Map(households.map((h) => [h.number, h])),
    versions,
  });
  await assertMonthlyCaps(
    db,
    scope,
    drafts,
    (i) => `rows.${input.rows[i]?.sheetRow ?? i + 2}.ruleCode`,
    (n) => `有 ${n} 行超过本月次数上限，未导入任何记录 (${n} rows over a monthly limit; nothing imported)`,
  );
  const result = await writeRecordBatch(db, scope, drafts, actor, now, (n) => ({
    zh: `文件导入「${program.name}」${n} 条`,
    en: `file import, ${n} records`,
  }));
  return result;
}

/**
 * A month grid (月度登记): one pending record per filled cell, dated the month's last day (today
 * for the running month), under the rule version in effect that day.
 */
export async function recordMonthGrid(
  db: Db,
  scope: VillageScope,
  input: MonthGrid,
  actor: Actor,
  now: Date,
): Promise<RecordBatchResult> {
  const occurredOn = gridDay(input.month, chinaDate(now));
  const program = await getProgram(db, scope, input.programId);
  const [households, version] = await Promise.all([
    householdsByIds(
      db,
      scope,
      input.cells.map((c) => c.householdId),
    ),
    activeVersionOf(db, scope, program, new Date(`${occurredOn}T12:00:00+08:00`)),
  ]);
  const drafts = gridToDrafts(input.cells, {
    programId: program.id,
    accountHolder: program.accountHolder,
    households,
    version,
    occurredOn,
  });
  // Cells are all good here, so draft i is cell i.
  await assertMonthlyCaps(
    db,
    scope,
    drafts,
    (i) => `cells.${i}.ruleCode`,
    (n) => `有 ${n} 格超过本月次数上限，未录入任何记录 (${n} cells over a monthly limit; nothing recorded)`,
  );
  const result = await writeRecordBatch(db, scope, drafts, actor, now, (n) => ({
    zh: `月度登记 ${input.month}「${program.name}」${n} 条`,
    en: `month grid ${input.month}, ${n} records`,
  }));
  return { ...result, occurredOn };
}

async function writeRecordBatch(
  db: Db,
  scope: VillageScope,
  drafts: RecordDraft[],
  actor: Actor,
  now: Date,
  detail: (count: number) => { zh: string; en: string },
): Promise<RecordBatchResult> {
  const records = drafts.map((d) =>
    buildRecord(d, scope.villageId, { userId: actor.userId, name: actor.name }, now),
  );
  await writeAllOrNothing(
    db,
    records,
    (record) => [pointRecordPut(db, scope, record)],
    (written) => removePending(db, scope, written),
    () =>
      new ConflictError(
        'record_batch_conflict',
        '记录冲突，未录入任何记录，请重试 (clash; nothing recorded, retry)',
      ),
  );
  const text = detail(records.length);
  const audit = auditEntry(db, scope, {
    action: 'import',
    at: now,
    by: auditWhoOf(actor),
    detail: `${text.zh} (${text.en})`,
  });
  await db.doc.send(new TransactWriteCommand({ TransactItems: [audit] }));
  return { created: records.length, estimate: records.reduce((sum, r) => sum + r.estimate, 0) };
}

/**
 * Undoes a failed batch. Only still-pending records go: one already approved in the moment
 * between is a real decision now and stays (it never reached the ledger without approval).
 */
async function removePending(db: Db, scope: VillageScope, written: PointRecord[]) {
  let next = 0;
  async function worker() {
    while (next < written.length) {
      const record = written[next++];
      if (!record) return;
      try {
        await db.doc.send(
          new DeleteCommand({
            TableName: db.tableName,
            Key: keys.pointRecord(scope.countyId, scope.villageId, record.id),
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
}
