import { createProgram, createRuleSet, type Db, findTemplate } from '@xjf/data';
import { type Actor, programNameOf } from '@xjf/domain';
import { seedHouseholds } from './seed-households';

/**
 * A village onboarded just now (沙坝村): it started from the 村务参与积分 template, whose rules
 * are still a draft, and has imported its roster, nothing more. Its home shows the first-steps
 * checklist with one step of five done, and the county dashboard lists it as 未开展, unranked.
 */
export async function seedFreshVillage(
  db: Db,
  scope: { countyId: string; villageId: string },
  villageName: string,
  admin: Actor,
  now: Date,
) {
  const template = await findTemplate(db, scope, 'builtin:public-affairs');
  const name = programNameOf(template.name);
  const program = await createProgram(db, scope, { name, accountHolder: 'household' }, now);
  await createRuleSet(
    db,
    scope,
    { programId: program.id, name: `${name}细则`, content: template.content },
    now,
  );
  await seedHouseholds(db, scope, villageName, admin, now);
}
