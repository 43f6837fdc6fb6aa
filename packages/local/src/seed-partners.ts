import {
  countyPrograms,
  createPartner,
  createUser,
  type Db,
  getUsername,
  grantConsent,
  listHouseholds,
  listVillages,
  partnerHouseholdScore,
  patchProgram,
  withdrawConsent,
} from '@xjf/data';
import { chinaDate, type Tiers } from '@xjf/domain';
import { seedCertificate } from './seed-certificates';

/**
 * The bank's tiers on the county's eco points (DOMAIN.md): 游振林's 380 and 林茂平's 305 both
 * reach 银, the monthly rate of 4.5‰ that is 2.3 points below the ordinary loan.
 */
export const DAFANG_ECO_TIERS: Tiers = {
  window: 'rolling12',
  levels: [
    { threshold: 100, label: '铜', benefit: '贷款月利率 5.5‰' },
    { threshold: 300, label: '银', benefit: '贷款月利率 4.5‰（年利率约低 2.3 个百分点）' },
    { threshold: 500, label: '金', benefit: '贷款月利率 4.0‰，授信额度上浮 20%' },
  ],
};

const DAY = 86_400_000;

/**
 * 大方农商银行 as partner of 大方县 on its eco program, its user, consents from 银川村's 游振林 and
 * 羊岩村's 林茂平 (and one withdrawn in 银川村), and a few logged look-ups, so the portal and the
 * household page have something to show. Runs after the villages' rules and records.
 */
export async function seedPartners(
  db: Db,
  county: { countyId: string; adminId: string },
  bankUser: { username: string; name: string },
  now: Date,
) {
  const scope = { countyId: county.countyId };
  const eco = (await countyPrograms(db, scope)).find((p) => p.name === '生态积分');
  if (!eco) return;
  await patchProgram(db, scope, eco.id, { tiers: DAFANG_ECO_TIERS });
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const bank = await createPartner(
    db,
    scope,
    { name: '大方农商银行', description: '生态账户：生态积分折算贷款利率优惠', programIds: [eco.id] },
    county.adminId,
    ago(40),
  );
  const user = await createUser(
    db,
    scope,
    { ...bankUser, role: 'partner', partnerId: bank.id },
    county.adminId,
    ago(40),
  );

  const villages = (await listVillages(db, scope, {})).items;
  // Each consent is signed with the household's own village admin.
  const inVillage = async (villageName: string, adminUsername: string, q: string) => {
    const village = villages.find((v) => v.name === villageName);
    if (!village) return undefined;
    const villageScope = { ...scope, villageId: village.id };
    const [household] = (await listHouseholds(db, villageScope, { q })).items;
    const { id: userId, name } = await getUsername(db, adminUsername);
    return household && { villageScope, household, admin: { userId, name } };
  };
  const [you, lin, other] = await Promise.all([
    inVillage('银川村', 'yinchuan.admin', '游振林'),
    inVillage('羊岩村', 'yangyan.admin', '林茂平'),
    inVillage('银川村', 'yinchuan.admin', '0005'),
  ]);
  const consent = (of: NonNullable<typeof you>, days: number) =>
    grantConsent(
      db,
      of.villageScope,
      of.household.id,
      { partnerId: bank.id, grantedOn: chinaDate(ago(days)) },
      of.admin,
      ago(days),
    );
  const partner = { countyId: scope.countyId, partnerId: bank.id, userId: user.id, name: user.name };
  const lookUp = (householdId: string, asOf: string, days: number) =>
    partnerHouseholdScore(db, partner, householdId, asOf, ago(days)).catch(() => undefined);

  if (you) {
    await consent(you, 30);
    await lookUp(you.household.id, chinaDate(ago(2)), 2);
    await seedCertificate(db, partner, you.household.id, ago(1));
  }
  if (lin) {
    await consent(lin, 12);
    await lookUp(lin.household.id, chinaDate(ago(10)), 10);
    await lookUp(lin.household.id, chinaDate(ago(1)), 1);
  }
  if (other) {
    // Signed, then withdrawn; the bank's later look-up is refused and logged.
    const given = await consent(other, 25);
    await withdrawConsent(
      db,
      other.villageScope,
      other.household.id,
      given.id,
      { withdrawnOn: chinaDate(ago(5)), reason: '农户本人要求撤回' },
      other.admin,
      ago(5),
    );
    await lookUp(other.household.id, chinaDate(ago(3)), 3);
  }
}
