import {
  approveRecord,
  countRefusedSelfApproval,
  createRecord,
  createUser,
  type Db,
  listHouseholds,
  listPrograms,
  recordAudit,
  type TransactItems,
} from '@xjf/data';
import {
  type Actor,
  addMonths,
  buildRecord,
  chinaDate,
  ForbiddenError,
  type Household,
  monthOf,
  type Program,
  type User,
  versionOn,
} from '@xjf/domain';
import { type Due, ledgerBooks, versionsOf, type Who, writeBulk } from './seed-bulk';
import { isArticleHousehold } from './seed-households';

type Scope = { countyId: string; villageId: string };
type Entry = { day: string; ruleCode: string; quantity?: number };

/** Months of activity before this one the dashboard shows on first start. */
export const ACTIVITY_MONTHS = 8;

/**
 * How each village of 大方县 (beside 银川村, which has its own records) takes part, so the
 * dashboard tells a story: records per month start at `base` and grow by `growth` a month;
 * `spike` is a month (counted back from this one) when a clean-up campaign ran; `soloRecorder`
 * means one recorder does almost everything; `refusals` are attempts to approve one's own record.
 */
type Profile = { base: number; growth: number; spike?: number; soloRecorder?: boolean; refusals?: number };
const profiles: Record<string, Profile> = {
  新春村: { base: 3, growth: 0.6 },
  店子村: { base: 2, growth: 0.3, soloRecorder: true },
  羊场村: { base: 1, growth: 0.2, spike: 2 },
  红旗村: { base: 1, growth: 0, refusals: 2 },
  六龙村: { base: 1, growth: 0.7 },
  营脚村: { base: 2, growth: 0 },
  达溪村: { base: 1, growth: 0.4 },
  白布村: { base: 0, growth: 0.3 },
  羊岩村: { base: 1, growth: 0.3 },
};

/**
 * Eco records each such village makes under the county's 生态积分 (rule, m²): a few small ones,
 * so the dashboard's story (one recorder in 店子村, a spike in 羊场村) stays the story.
 */
const ECO_RECORDS: [string, number | undefined][] = [
  ['ECO-SACRIFICE', undefined],
  ['ECO-HOMESTEAD', 50],
  ['ECO-TRAVEL', undefined],
];

/** The public-affairs rules every such village uses, weighted towards everyday volunteering. */
const RULES = ['VOLUNTEER', 'PUBLIC-SPACE', 'VOLUNTEER', 'GOLDEN-IDEA'];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

const actorOf = (user: User, scope: Scope, role: 'village_admin' | 'recorder'): Actor => ({
  kind: 'village',
  role,
  userId: user.id,
  username: user.username,
  name: user.name,
  ...scope,
});

/** What one village recorded month by month: the day, household and rule of each record. */
export function activityPlan(profile: Profile, households: number, now: Date) {
  const today = chinaDate(now);
  const thisMonth = monthOf(now.toISOString());
  const plan: { day: string; household: number; rule: string; recorder: number }[] = [];
  for (let back = ACTIVITY_MONTHS - 1; back >= 0; back--) {
    const month = addMonths(thisMonth, -back);
    const step = ACTIVITY_MONTHS - 1 - back;
    const count =
      back === profile.spike
        ? households - 2
        : Math.min(households, Math.round(profile.base + profile.growth * step));
    for (let i = 0; i < count; i++) {
      const day = `${month}-${String(3 + ((i * 3 + step) % 24)).padStart(2, '0')}`;
      if (day >= today) continue;
      const rule =
        back === profile.spike ? 'PUBLIC-SPACE' : (RULES[(i + step) % RULES.length] ?? 'VOLUNTEER');
      const recorder = profile.soloRecorder ? (i === 0 && step === 3 ? 1 : 0) : (i + step) % 2;
      plan.push({ day, household: (i * 5 + step * 7) % households, rule, recorder });
    }
  }
  return plan;
}

/**
 * Months of a village's activity: records by its two recorders, each approved by the admin the
 * evening it was recorded and taking effect then, in its own month (as with posting off), so
 * the dashboard's months fill; written in bulk with the API's builders (see seed-bulk.ts). The
 * admin's refused attempts to approve their own records go through the API, which counts them.
 * Returns the village's recorders.
 */
export async function seedVillageActivity(
  db: Db,
  scope: Scope,
  villageName: string,
  admin: User,
  createdBy: string,
  now: Date,
) {
  const profile = profiles[villageName];
  if (!profile) return [];
  const [programs, households, recorders] = await Promise.all([
    listPrograms(db, scope, {}).then((page) => page.items),
    listHouseholds(db, scope, { limit: 100 }),
    Promise.all(
      [1, 2].map((n) =>
        createUser(
          db,
          scope,
          { username: `${admin.username.split('.')[0]}.recorder${n}`, name: `积分员${n}`, role: 'recorder' },
          createdBy,
          now,
        ),
      ),
    ),
  ]);
  const own = programs.find((p) => p.scope === 'village');
  const eco = programs.find((p) => p.scope === 'county');
  if (!own) return recorders;
  const versions = await versionsOf(db, scope, programs);
  const roster = households.items.sort((a, b) => a.number.localeCompare(b.number));
  // DOMAIN.md's households have the article's eco points only.
  const neighbours = roster.filter((h) => !isArticleHousehold(h));
  const approver: Who = { userId: admin.id, name: admin.name || admin.username };
  const entities: TransactItems[] = [];
  const due: Due[] = [];
  const record = (program: Program, household: Household | undefined, by: User | undefined, entry: Entry) => {
    const version = versionOn(versions.get(program.id) ?? [], entry.day);
    const rule = version?.content.rules.find((r) => r.code === entry.ruleCode);
    if (!household || !by || !version || !rule) return;
    const recorder: Who = { userId: by.id, name: by.name };
    const recordedAt = at(entry.day, 17);
    const pending = buildRecord(
      {
        programId: program.id,
        accountHolder: program.accountHolder,
        household,
        version,
        rule,
        quantity: entry.quantity,
        occurredOn: entry.day,
      },
      scope.villageId,
      recorder,
      recordedAt,
    );
    const approvedAt = at(entry.day, 20);
    entities.push(
      [recordAudit(db, scope, 'create', pending, recorder, recordedAt)],
      [recordAudit(db, scope, 'approve', pending, approver, approvedAt)],
    );
    const decided = { decidedBy: approver.name, decidedAt: approvedAt.toISOString() };
    due.push({ record: { ...pending, ...decided }, at: decided.decidedAt, by: approver.name });
  };
  for (const { day, household, rule, recorder } of activityPlan(profile, roster.length, now)) {
    record(own, roster[household], recorders[recorder] ?? recorders[0], { day, ruleCode: rule });
  }
  // A few households' eco points under the county's 生态积分, recorded in the village like any other.
  const thisMonth = monthOf(now.toISOString());
  for (const [n, [ruleCode, quantity]] of ECO_RECORDS.entries()) {
    const day = `${addMonths(thisMonth, -1 - (n % 3))}-${String(8 + n).padStart(2, '0')}`;
    const by = recorders[profile.soloRecorder ? 0 : n % 2] ?? recorders[0];
    if (eco) record(eco, neighbours[n * 2], by, { day, ruleCode, quantity });
  }
  await writeBulk(db, [...entities, ...ledgerBooks(db, scope, due)]);

  // An admin who tried to approve their own records: refused, and counted as the API counts it.
  const adminActor = actorOf(admin, scope, 'village_admin');
  for (let n = 0; n < (profile.refusals ?? 0); n++) {
    const day = chinaDate(new Date(now.getTime() - (n + 2) * 86_400_000));
    const mine = await createRecord(
      db,
      scope,
      { programId: own.id, householdId: roster[n]?.id ?? '', ruleCode: 'VOLUNTEER', occurredOn: day },
      adminActor,
      at(day, 9),
    );
    await approveRecord(db, scope, mine.id, adminActor, at(day, 10)).catch(async (error) => {
      if (!(error instanceof ForbiddenError)) throw error;
      await countRefusedSelfApproval(db, scope, own.id, at(day, 10));
    });
  }
  return recorders;
}
