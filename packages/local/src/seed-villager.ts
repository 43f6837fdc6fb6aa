import {
  approveRecord,
  createRecord,
  createUser,
  type Db,
  listHouseholds,
  listPrograms,
  settleDuePostings,
} from '@xjf/data';
import { type Actor, chinaDate, type User } from '@xjf/domain';
import { demoRoster } from './seed-households';

type Scope = { countyId: string; villageId: string };

/** 罗先和 of 银川村 (household 0001) signs in with his mobile number, as villagers do. */
const head = demoRoster('银川村', 1)[0]?.members[0];
export const VILLAGER_SIGN_IN = head?.phone ?? '';

const at = (now: Date, daysAgo: number, hour: number) =>
  new Date(`${chinaDate(new Date(now.getTime() - daysAgo * 86_400_000))}T${hour}:00:00+08:00`);

/**
 * 罗先和's own declarations (村民自主申报): green travel declared last month and approved, and two
 * from this week waiting in the admin's queue (a flower sacrifice, and 12 m² of his yard done up),
 * so the queue shows the 自主申报 tag and his page shows each status.
 */
export async function seedVillager(db: Db, scope: Scope, admin: User, now: Date) {
  const [[household], programs] = await Promise.all([
    listHouseholds(db, scope, { q: '0001' }).then((page) => page.items),
    listPrograms(db, scope, {}).then((page) => page.items),
  ]);
  if (!household || !head) return;
  const user = await createUser(
    db,
    scope,
    {
      username: VILLAGER_SIGN_IN,
      name: head.name,
      role: 'villager',
      phone: head.phone,
      householdId: household.id,
    },
    admin.id,
    now,
  );
  const villager: Actor = {
    kind: 'village',
    role: 'villager',
    userId: user.id,
    username: user.username,
    name: user.name,
    ...scope,
  };
  const programId = (name: string) => programs.find((p) => p.name === name)?.id ?? '';
  const declare = (program: string, ruleCode: string, when: Date, note: string, quantity?: number) =>
    createRecord(
      db,
      scope,
      {
        programId: programId(program),
        householdId: household.id,
        ruleCode,
        quantity,
        occurredOn: chinaDate(when),
        note,
      },
      villager,
      when,
    );
  const travel = await declare('生态积分', 'ECO-TRAVEL', at(now, 30, 19), '全年骑自行车、坐班车去镇上赶集');
  const adminActor: Actor = {
    kind: 'village',
    role: 'village_admin',
    userId: admin.id,
    username: admin.username,
    name: admin.name,
    ...scope,
  };
  await Promise.all([
    approveRecord(db, scope, travel.id, adminActor, at(now, 28, 10)),
    declare('生态积分', 'ECO-SACRIFICE', at(now, 2, 20), '给父母上坟，只带了鲜花，没烧纸放炮'),
    declare('文明积分', 'HOME-DIY', at(now, 1, 18), '自己动手硬化院坝、种了花，约 12 平方米', 12),
  ]);
  await settleDuePostings(db, scope, now);
}
