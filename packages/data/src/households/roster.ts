import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, ConflictError, type Household, type RosterRow, rosterToHouseholds } from '@xjf/domain';
import { auditEntry, auditWhoOf } from '../audit/audit';
import type { Db } from '../client';
import { keys } from '../keys';
import { writeAllOrNothing } from '../transact-chunks';
import { householdItems, householdNumbers, newHousehold } from './households';

type VillageScope = { countyId: string; villageId: string };
type Imported = { household: Household; firstRow: number };

/**
 * A roster import: every row checked first (nothing written if any is bad), then every
 * household written with its 户号 guard. A 户号 registered meanwhile makes the import undo what
 * it wrote and answer 409, so a roster is never half-imported.
 */
export async function importRoster(
  db: Db,
  scope: VillageScope,
  rows: RosterRow[],
  actor: Actor,
  now: Date,
): Promise<{ households: number; members: number }> {
  const planned = rosterToHouseholds(rows, await householdNumbers(db, scope));
  const households = planned.map((p) => ({
    household: newHousehold(scope, p.household, now),
    firstRow: p.firstRow,
  }));
  await writeHouseholds(db, scope, households);
  const members = households.reduce((n, h) => n + h.household.members.length, 0);
  const audit = auditEntry(db, scope, {
    action: 'import',
    at: now,
    by: auditWhoOf(actor),
    detail: `花名册 ${households.length} 户 ${members} 人 (roster: ${households.length} households, ${members} people)`,
  });
  await db.doc.send(new TransactWriteCommand({ TransactItems: [audit] }));
  return { households: households.length, members };
}

/** Writes the households all or nothing; exported so the undo can be tested on its own. */
export function writeHouseholds(db: Db, scope: VillageScope, households: Imported[]) {
  return writeAllOrNothing(
    db,
    households,
    (h) => householdItems(db, scope, h.household),
    (written) => removeHouseholds(db, scope, written),
    ({ household, firstRow }) =>
      new ConflictError(
        'roster_import_conflict',
        `户号 ${household.number} 刚被登记，本次导入已撤销，未写入任何农户 (household number ${household.number} was registered meanwhile; the import was undone, nothing written)`,
        {
          [`rows.${firstRow}.number`]: `第 ${firstRow} 行「户号」：${household.number} 刚被登记 (registered meanwhile)`,
        },
      ),
  );
}

/** Households of a failed import have no ledger effects yet, so removing them is safe. */
async function removeHouseholds(db: Db, scope: VillageScope, written: Imported[]) {
  const keysToDelete = written.flatMap(({ household }) => [
    keys.household(scope.countyId, scope.villageId, household.id),
    keys.householdNumber(scope.countyId, scope.villageId, household.number),
  ]);
  for (let i = 0; i < keysToDelete.length; i += 25) {
    let requests = keysToDelete.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      // Unprocessed deletes mean throttling: back off a little before retrying them.
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
      requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
    }
  }
}
