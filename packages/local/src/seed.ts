import {
  createCounty,
  createInvite,
  createTownship,
  createUser,
  type Db,
  getUsername,
  listHouseholds,
  onboardVillage,
  setUserHousehold,
} from '@xjf/data';
import { type Actor, NotFoundError, type Role, type User, type UserCreate } from '@xjf/domain';
import { seedVillageActivity } from './seed-activity';
import { seedArticleEco } from './seed-article';
import { seedLikelyDuplicate } from './seed-duplicate';
import { seedFreshVillage } from './seed-fresh';
import { seedHouseholds } from './seed-households';
import { seedPartners } from './seed-partners';
import { ensureDemoSignIns } from './seed-passwords';
import { seedVillageRecords } from './seed-records';
import { seedCountyPrograms, seedCountyTemplate, seedVillageRules } from './seed-rules';
import { seedStore } from './seed-store';
import { seedVillager } from './seed-villager';
import { seedVillageYear } from './seed-year';

export { DEMO_PASSWORD } from './seed-passwords';
export { VILLAGER_SIGN_IN } from './seed-villager';

/**
 * The demo county from DOMAIN.md: 大方县 with several townships and villages (银川村 among
 * them), plus 贵定县 (音寨村) and 清镇市 (小坡村) so that isolation between counties shows.
 * Villages are created through the real invite → onboarding path.
 */
type DemoVillage = {
  name: string;
  households: number;
  population: number;
  admin: [string, string, string];
  /** Onboarded just now: no published rules, records, staff or store yet. */
  fresh?: boolean;
};
type DemoCounty = {
  name: string;
  province: string;
  divisionCode: string;
  users: [string, string, Role][];
  townships: { name: string; villages: DemoVillage[] }[];
};

export const demoCounties: DemoCounty[] = [
  {
    name: '大方县',
    province: '贵州省',
    divisionCode: '520521',
    users: [
      ['dafang.admin', '陈志明', 'county_admin'],
      ['dafang.official', '李红梅', 'county_official'],
      ['dafang.bank', '张信贷（大方农商银行）', 'partner'],
    ],
    townships: [
      {
        name: '凤山乡',
        villages: [
          {
            name: '银川村',
            households: 412,
            population: 1630,
            admin: ['yinchuan.admin', '王国强', '13985710001'],
          },
          {
            name: '新春村',
            households: 356,
            population: 1402,
            admin: ['xinchun.admin', '杨光明', '13985710101'],
          },
          {
            name: '店子村',
            households: 298,
            population: 1175,
            admin: ['dianzi.admin', '陈德兵', '13985710201'],
          },
          {
            name: '羊岩村',
            households: 337,
            population: 1318,
            admin: ['yangyan.admin', '龙光华', '13985710901'],
          },
        ],
      },
      {
        name: '羊场镇',
        villages: [
          {
            name: '羊场村',
            households: 523,
            population: 2088,
            admin: ['yangchang.admin', '龙跃', '13985710301'],
          },
          {
            name: '红旗村',
            households: 274,
            population: 1096,
            admin: ['hongqi.admin', '安秀英', '13985710401'],
          },
        ],
      },
      {
        name: '六龙镇',
        villages: [
          {
            name: '六龙村',
            households: 467,
            population: 1851,
            admin: ['liulong.admin', '黄开富', '13985710501'],
          },
          {
            name: '营脚村',
            households: 231,
            population: 902,
            admin: ['yingjiao.admin', '苏明亮', '13985710601'],
          },
        ],
      },
      {
        name: '达溪镇',
        villages: [
          {
            name: '达溪村',
            households: 389,
            population: 1540,
            admin: ['daxi.admin', '张永华', '13985710701'],
          },
          {
            name: '白布村',
            households: 305,
            population: 1213,
            admin: ['baibu.admin', '罗志强', '13985710801'],
          },
          // Onboarded just now: draft rules and a roster only (seed-fresh.ts), 未开展 on the dashboard.
          {
            name: '沙坝村',
            households: 18,
            population: 71,
            admin: ['shaba.admin', '龙德明', '13985711001'],
            fresh: true,
          },
        ],
      },
    ],
  },
  {
    name: '贵定县',
    province: '贵州省',
    divisionCode: '522723',
    users: [['guiding.admin', '吴建华', 'county_admin']],
    townships: [
      {
        name: '盘江镇',
        villages: [
          {
            name: '音寨村',
            households: 386,
            population: 1452,
            admin: ['yinzhai.admin', '罗文军', '13985720001'],
          },
        ],
      },
    ],
  },
  {
    name: '清镇市',
    province: '贵州省',
    divisionCode: '520181',
    users: [['qingzhen.admin', '赵丽', 'county_admin']],
    townships: [
      {
        name: '王庄乡',
        villages: [
          {
            name: '小坡村',
            households: 248,
            population: 980,
            admin: ['xiaopo.admin', '周永福', '13985730001'],
          },
        ],
      },
    ],
  },
];

/** Village staff of 银川村 beside its admin, so every village role can be tried. */
const yinchuanStaff: UserCreate[] = [
  { username: 'yinchuan.recorder', name: '杨春燕', role: 'recorder', phone: '13985710002' },
  { username: 'yinchuan.clerk', name: '刘小梅', role: 'store_clerk', phone: '13985710003' },
];

export const PLATFORM_OPERATOR = {
  username: 'operator',
  name: '平台运维',
  role: 'platform_operator' as const,
};

/**
 * 银川村 at a real village's size: its staff, a year of records written in bulk and then the
 * store that spends them; beside them, on accounts the year does not touch, what goes through
 * the API (DOMAIN.md's eco records, this morning's entries, a villager's declarations).
 */
async function seedYinchuan(
  db: Db,
  scope: { countyId: string; villageId: string },
  admin: User,
  createdBy: string,
  now: Date,
) {
  const [recorder, clerk] = await Promise.all(
    yinchuanStaff.map((staff) => createUser(db, scope, staff, createdBy, now)),
  );
  if (!recorder || !clerk) return;
  await Promise.all([
    seedVillageYear(db, scope, { recorder, admin }, now).then(() =>
      seedStore(db, scope, { clerk, admin }, now),
    ),
    seedVillageRecords(db, scope, recorder, admin, now),
    seedVillager(db, scope, admin, now),
    seedLikelyDuplicate(db, scope, recorder, now),
  ]);
  // After the seeded approvals: 王国强 lives in 0040, so from now on he cannot approve its points.
  const [home] = (await listHouseholds(db, scope, { q: '0040' })).items;
  if (home) await setUserHousehold(db, scope, admin.id, home.id);
}

const adminActor = (admin: User, scope: { countyId: string; villageId: string }): Actor => ({
  kind: 'village',
  role: 'village_admin',
  userId: admin.id,
  username: admin.username,
  name: admin.name,
  ...scope,
});

export async function isSeeded(db: Db): Promise<boolean> {
  try {
    await getUsername(db, PLATFORM_OPERATOR.username);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** Seeds the demo; returns an unused invite code for trying the onboarding wizard. */
export async function seedDemo(db: Db, now: Date): Promise<{ inviteCode: string }> {
  const operator = await createUser(db, {}, PLATFORM_OPERATOR, 'seed', now);
  // Counties, and villages within a county, are independent: seed them concurrently.
  const spares = await Promise.all(demoCounties.map((c) => seedCounty(db, c, operator.id, now)));
  await ensureDemoSignIns(db);
  return { inviteCode: spares[0] ?? '' };
}

async function seedCounty(db: Db, c: DemoCounty, operatorId: string, now: Date): Promise<string> {
  const county = await createCounty(
    db,
    { name: c.name, province: c.province, divisionCode: c.divisionCode },
    now,
  );
  const scope = { countyId: county.id };
  // A partner user is created with its partner (seed-partners.ts): its token names the partner.
  const users = await Promise.all(
    c.users
      .filter(([, , role]) => role !== 'partner')
      .map(([username, name, role]) => createUser(db, scope, { username, name, role }, operatorId, now)),
  );
  const countyAdmin = users.find((u) => u.role === 'county_admin');
  const countyAdminId = countyAdmin?.id ?? operatorId;
  const townships = await Promise.all(
    c.townships.map((t) => createTownship(db, scope, { name: t.name }, now)),
  );
  // The county's program, which the villages record eco points under once they have rosters.
  const countyPrograms =
    c.name === '大方县' && countyAdmin
      ? seedCountyPrograms(db, { ...countyAdmin, ...scope }, now)
      : Promise.resolve();
  await Promise.all([
    countyPrograms,
    ...c.townships.flatMap((t, i) =>
      t.villages.map(async (v) => {
        const townshipId = townships[i]?.id ?? '';
        const invite = await createInvite(db, scope, { townshipId, expiresInDays: 14 }, countyAdminId, now);
        const [username, name, phone] = v.admin;
        const { village, admin } = await onboardVillage(
          db,
          {
            inviteCode: invite.code,
            village: { name: v.name, householdCount: v.households, population: v.population },
            admin: { username, name, phone },
          },
          now,
        );
        const villageScope = { countyId: county.id, villageId: village.id };
        if (v.fresh) {
          await seedFreshVillage(db, villageScope, v.name, adminActor(admin, villageScope), now);
          return;
        }
        await seedVillageRules(db, { ...admin, ...villageScope }, v.name, now);
        await seedHouseholds(db, villageScope, v.name, adminActor(admin, villageScope), now);
        await countyPrograms;
        const [recorder] = await seedVillageActivity(db, villageScope, v.name, admin, countyAdminId, now);
        // 林茂平 lives in 羊岩村, near 银川村: his eco score is recorded there.
        if (v.name === '羊岩村' && recorder)
          await seedArticleEco(db, villageScope, v.name, { recorder, admin }, now);
        if (v.name === '银川村') await seedYinchuan(db, villageScope, admin, countyAdminId, now);
      }),
    ),
  ]);
  if (c.name === '大方县') await seedCountyTemplate(db, county.id);
  const bankUser = c.users.find(([, , role]) => role === 'partner');
  if (bankUser)
    await seedPartners(
      db,
      { countyId: county.id, adminId: countyAdminId },
      { username: bankUser[0], name: bankUser[1] },
      now,
    );
  const spare = await createInvite(
    db,
    scope,
    { townshipId: townships[0]?.id ?? '', expiresInDays: 30, note: '演示：用它自助开通一个新村' },
    countyAdminId,
    now,
  );
  return spare.code;
}
