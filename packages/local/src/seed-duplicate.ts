import {
  activeVersionOf,
  type Db,
  listHouseholds,
  listPrograms,
  pointRecordPut,
  recordAudit,
  transactWrite,
} from '@xjf/data';
import { buildRecord, chinaDate, type User } from '@xjf/domain';

type Scope = { countyId: string; villageId: string };

/**
 * Issue 15's case in the demo: 庭院整洁 (once a month) for 0039 taken twice this month, pending, so
 * 银川村's queue shows the 疑似重复 flag and the month grid shows the cell full ("已记 2 · 待审").
 * Written straight to the table as it stood before the API refused a second monthly item (the
 * API now answers `cap_reached`).
 */
export async function seedLikelyDuplicate(db: Db, scope: Scope, recorder: User, now: Date) {
  const [[household], programs] = await Promise.all([
    listHouseholds(db, scope, { q: '0039' }).then((page) => page.items),
    listPrograms(db, scope, {}).then((page) => page.items),
  ]);
  const program = programs.find((p) => p.name === '文明积分');
  if (!household || !program) return;
  const version = await activeVersionOf(db, scope, program, now);
  const rule = version.content.rules.find((r) => r.code === 'HYG-YARD');
  if (!rule) return;
  const by = { userId: recorder.id, name: recorder.name };
  // An hour and then forty minutes ago: the same item entered twice, once from each list.
  for (const minutesAgo of [60, 40]) {
    const at = new Date(now.getTime() - minutesAgo * 60_000);
    const record = buildRecord(
      {
        programId: program.id,
        accountHolder: program.accountHolder,
        household,
        version,
        rule,
        occurredOn: chinaDate(now),
      },
      scope.villageId,
      by,
      at,
    );
    await transactWrite(
      db,
      [pointRecordPut(db, scope, record), recordAudit(db, scope, 'create', record, by, at)],
      () => new Error('seeded record exists'),
    );
  }
}
