import {
  createCountyTemplate,
  createProgram,
  createRuleSet,
  type Db,
  findTemplate,
  type Owner,
  publishRuleSet,
  saveDraft,
} from '@xjf/data';
import { type Actor, addMonths, builtinTemplates, chinaDate, type User } from '@xjf/domain';
import { ACTIVITY_MONTHS } from './seed-activity';
import { YEAR_MONTHS } from './seed-year-plan';

/**
 * Rules are in force from before the earliest seeded activity (银川村's year is longer than the
 * other villages' months), so every seeded record has rules to follow.
 */
function rulesSince(now: Date) {
  const months = Math.max(ACTIVITY_MONTHS, YEAR_MONTHS);
  return new Date(`${addMonths(chinaDate(now).slice(0, 7), -months)}-01T09:00:00+08:00`);
}

/**
 * Each demo village's own programs, by the template its rules start from (DOMAIN.md's villages
 * first). 银川村's 生态积分 is 大方县's county-wide program (seedCountyPrograms), not its own.
 */
const programsByVillage: Record<string, [string, string][]> = {
  银川村: [['文明积分', 'builtin:xiaopo-civility']],
  音寨村: [['志愿服务积分', 'builtin:yinzhai-volunteer']],
  小坡村: [['文明积分', 'builtin:xiaopo-civility']],
};
const defaultPrograms: [string, string][] = [['村务参与积分', 'builtin:public-affairs']];

/** Every village gets its programs with a published rule set. */
export async function seedVillageRules(
  db: Db,
  admin: User & { countyId: string; villageId: string },
  villageName: string,
  now: Date,
) {
  const scope = { countyId: admin.countyId, villageId: admin.villageId };
  const actor: Actor = {
    kind: 'village',
    role: 'village_admin',
    userId: admin.id,
    username: admin.username,
    name: admin.name,
    ...scope,
  };
  const since = rulesSince(now);
  for (const [name, templateId] of programsByVillage[villageName] ?? defaultPrograms) {
    const program = await createProgram(db, scope, { name, accountHolder: 'household' }, since);
    const { content } = await findTemplate(db, scope, templateId);
    const ruleSet = await createRuleSet(
      db,
      scope,
      { programId: program.id, name: `${villageName}${name}细则`, content },
      since,
    );
    await publishRuleSet(
      db,
      scope,
      ruleSet.id,
      { effectiveFrom: chinaDate(since), note: '村民代表大会通过' },
      actor,
      since,
    );
  }
}

/**
 * 大方县 runs 生态积分 in every village as one county program (全县统一), the score 大方农商银行
 * turns into cheaper loans. Its rules carry a second version (a higher forest cap, in force from
 * today) and an open draft, so history, diff and drafts show.
 */
export async function seedCountyPrograms(db: Db, admin: User & { countyId: string }, now: Date) {
  const scope: Owner = { countyId: admin.countyId };
  const actor: Actor = {
    kind: 'county',
    role: 'county_admin',
    userId: admin.id,
    username: admin.username,
    name: admin.name,
    countyId: admin.countyId,
  };
  const since = rulesSince(now);
  const program = await createProgram(
    db,
    scope,
    {
      name: '生态积分',
      description: '全县统一的生态积分，大方农商银行据此为农户评定贷款优惠',
      accountHolder: 'household',
    },
    since,
  );
  const { content } = await findTemplate(db, scope, 'builtin:dafang-eco');
  const ruleSet = await createRuleSet(
    db,
    scope,
    { programId: program.id, name: '大方县生态积分细则', content },
    since,
  );
  await publishRuleSet(
    db,
    scope,
    ruleSet.id,
    { effectiveFrom: chinaDate(since), note: '县政府常务会议通过' },
    actor,
    since,
  );
  const raised = {
    ...content,
    rules: content.rules.map((r) =>
      r.code === 'ECO-FOREST'
        ? {
            ...r,
            description: '每亩计 5 分，每年最多 300 分',
            cap: { maxPoints: 300, period: 'year' as const },
          }
        : r,
    ),
  };
  await saveDraft(db, scope, ruleSet.id, { content: raised, baseVersion: 1 }, now);
  await publishRuleSet(
    db,
    scope,
    ruleSet.id,
    { effectiveFrom: chinaDate(now), note: '林下种植封顶提高到 300 分' },
    actor,
    now,
  );
  const withTree = {
    ...raised,
    rules: [
      ...raised.rules,
      {
        code: 'ECO-TREE',
        name: '义务植树',
        category: '生态保护',
        shape: { kind: 'perUnit' as const, points: 1, unitSize: 5, unit: '棵' as const },
        cap: { maxPoints: 20, period: 'year' as const },
        evidenceRequired: true,
        selfDeclarable: true,
      },
    ],
  };
  await saveDraft(db, scope, ruleSet.id, { content: withTree, baseVersion: 2 }, now);
}

/** 大方县 offers its villages a county-wide eco template. */
export async function seedCountyTemplate(db: Db, countyId: string) {
  const dafang = builtinTemplates.find((t) => t.id === 'builtin:dafang-eco');
  if (!dafang) return;
  await createCountyTemplate(
    db,
    { countyId },
    {
      name: '大方县生态积分（县统一版）',
      description: '县农商行认可的生态积分口径，各村可在此基础上调整',
      content: dafang.content,
    },
  );
}
