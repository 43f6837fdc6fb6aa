import { allHouseholds, createRecord, type Db, listPrograms } from '@xjf/data';
import { type Actor, chinaDate, type User } from '@xjf/domain';
import { seedArticleEco } from './seed-article';

type Scope = { countyId: string; villageId: string };

/** What a recorder enters one at a time in the course of a day, between the month grids. */
const TODAY: { programName: string; ruleCode: string; quantity?: number }[] = [
  { programName: '文明积分', ruleCode: 'FAM-FILIAL' },
  { programName: '生态积分', ruleCode: 'ECO-FOREST', quantity: 6.5 },
  { programName: '文明积分', ruleCode: 'DED-LITTER' },
  { programName: '生态积分', ruleCode: 'ECO-LEAD', quantity: 4 },
  { programName: '文明积分', ruleCode: 'NEW-WEDDING' },
  { programName: '生态积分', ruleCode: 'ECO-HOMESTEAD', quantity: 183.5 },
];

/**
 * What 银川村 records through the API beside its year (seed-year.ts): DOMAIN.md's eco figures for
 * 游振林 through the real record → approve → post path, and this morning's entries by the
 * recorder, one at a time, waiting in the admin's approval queue.
 */
export async function seedVillageRecords(db: Db, scope: Scope, recorder: User, admin: User, now: Date) {
  await seedArticleEco(db, scope, '银川村', { recorder, admin }, now);
  const [programs, households] = await Promise.all([
    listPrograms(db, scope, {}).then((page) => page.items),
    allHouseholds(db, scope),
  ]);
  const programId = (name: string) => programs.find((p) => p.name === name)?.id ?? '';
  const actor: Actor = {
    kind: 'village',
    role: 'recorder',
    userId: recorder.id,
    username: recorder.username,
    name: recorder.name,
    ...scope,
  };
  const sorted = households.sort((a, b) => a.number.localeCompare(b.number));
  // Households after DOMAIN.md's, spread over the village's groups, twenty minutes apart.
  const morning = new Date(now.getTime() - 3 * 3_600_000);
  await Promise.all(
    TODAY.flatMap((entry, i) => {
      const household = sorted[3 + i * 47];
      if (!household) return [];
      return createRecord(
        db,
        scope,
        {
          programId: programId(entry.programName),
          householdId: household.id,
          ruleCode: entry.ruleCode,
          quantity: entry.quantity,
          occurredOn: chinaDate(morning),
        },
        actor,
        new Date(morning.getTime() + i * 20 * 60_000),
      );
    }),
  );
}
