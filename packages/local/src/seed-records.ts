import {
  approveRecord,
  createRecord,
  type Db,
  listHouseholds,
  listPrograms,
  settleDuePostings,
} from '@xjf/data';
import { type Actor, chinaDate, type User } from '@xjf/domain';
import { startOfYear } from './seed-rules';

type Scope = { countyId: string; villageId: string };
type Plan = { programName: string; ruleCode: string; quantity?: (n: number) => number };

/** What a recorder typically turns a month's participation into, per household (DOMAIN.md's rules). */
const monthly: Plan[] = [
  { programName: '生态积分', ruleCode: 'ECO-FOREST', quantity: (n) => 2 + (n % 9) },
  { programName: '生态积分', ruleCode: 'ECO-SACRIFICE' },
  { programName: '生态积分', ruleCode: 'ECO-LEAD', quantity: (n) => 1 + (n % 5) },
  { programName: '文明积分', ruleCode: 'HYG-YARD' },
  { programName: '文明积分', ruleCode: 'FAM-FILIAL' },
  { programName: '文明积分', ruleCode: 'DED-LITTER' },
];

const actorOf = (user: User, scope: Scope): Actor => ({
  kind: 'village',
  role: user.role === 'recorder' ? 'recorder' : 'village_admin',
  userId: user.id,
  username: user.username,
  name: user.name,
  ...scope,
});

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const addDays = (day: string, days: number) => chinaDate(new Date(at(day, 12).getTime() + days * 86_400_000));

/**
 * DOMAIN.md's eco scores under 大方县's 生态积分, every rule within its cap: You Zhenlin 380 (under-forest
 * planting 100 + 100, green travel 20, leading 20 + 30 households, 500 m² of homestead 100, two
 * flower sacrifices 10); Lin Maoping 305 though he contracts 400 mu (capped at 200, homestead 100, one
 * sacrifice 5).
 */
const ARTICLE_ECO: Record<string, [string, number?][]> = {
  游振林: [
    ['ECO-FOREST', 20],
    ['ECO-TRAVEL'],
    ['ECO-LEAD', 20],
    ['ECO-HOMESTEAD', 500],
    ['ECO-FOREST', 20],
    ['ECO-LEAD', 30],
    ['ECO-SACRIFICE'],
    ['ECO-SACRIFICE'],
  ],
  林茂平: [['ECO-FOREST', 400], ['ECO-HOMESTEAD', 500], ['ECO-SACRIFICE']],
};

/**
 * Months of 银川村's activity through the real record → approve → post path: most records have
 * taken effect, last week's are on the notice board, today's wait for approval. The eco records
 * are under the county's 生态积分, DOMAIN.md's figures among them.
 */
export async function seedVillageRecords(db: Db, scope: Scope, recorder: User, admin: User, now: Date) {
  const programs = (await listPrograms(db, scope, {})).items;
  const programId = (name: string) => programs.find((p) => p.name === name)?.id ?? '';
  const households = (await listHouseholds(db, scope, { limit: 100 })).items.sort((a, b) =>
    a.number.localeCompare(b.number),
  );
  const recorderActor = actorOf(recorder, scope);
  const adminActor = actorOf(admin, scope);
  const today = chinaDate(now);
  const first = chinaDate(startOfYear(now));

  const entries: { day: string; householdId: string; plan: Plan; quantity?: number; approvedAt?: Date }[] =
    [];
  const article = new Set<string>();
  for (const [start, [head, records]] of Object.entries(ARTICLE_ECO).entries()) {
    const h = households.find((x) => x.headName === head);
    if (!h) continue;
    article.add(h.id);
    records.forEach(([ruleCode, quantity], k) => {
      const plan = { programName: '生态积分', ruleCode };
      entries.push({ day: addDays(first, 60 + start * 10 + k), householdId: h.id, plan, quantity });
    });
  }
  // This morning's entries, waiting in the admin's approval queue.
  for (const [i, h] of households.slice(3, 9).entries()) {
    entries.push({
      day: today,
      householdId: h.id,
      plan: monthly[i % monthly.length] as Plan,
      quantity: monthly[i % monthly.length]?.quantity?.(i),
    });
  }
  // Yesterday's entries, approved an hour ago: on the public notice board (公示) for three days.
  for (const [i, h] of households.slice(9, 17).entries()) {
    const plan = monthly[(i + 2) % monthly.length] as Plan;
    entries.push({
      day: addDays(today, -1),
      householdId: h.id,
      plan,
      quantity: plan.quantity?.(i),
      approvedAt: new Date(now.getTime() - 3_600_000),
    });
  }
  households.forEach((h, i) => {
    for (let month = 0; month < 10; month++) {
      const plan = monthly[(i + month) % monthly.length] as Plan;
      if ((i * 7 + month * 3) % 5 === 0) continue; // not every household takes part every month
      if (article.has(h.id) && plan.programName === '生态积分') continue; // their eco score is DOMAIN.md's
      const day = addDays(first, month * 30 + (i % 25));
      if (day >= today) break;
      entries.push({ day, householdId: h.id, plan, quantity: plan.quantity?.(i + month) });
    }
  });

  for (let i = 0; i < entries.length; i += 8) {
    await Promise.all(
      entries.slice(i, i + 8).map(async ({ day, householdId, plan, quantity, approvedAt }) => {
        const record = await createRecord(
          db,
          scope,
          {
            programId: programId(plan.programName),
            householdId,
            ruleCode: plan.ruleCode,
            quantity,
            occurredOn: day,
          },
          recorderActor,
          at(day, 18),
        );
        // Today's records wait for the admin; everything older was approved two days after it happened.
        const approvedOn = addDays(day, 2);
        if (approvedAt) await approveRecord(db, scope, record.id, adminActor, approvedAt);
        else if (day < today && approvedOn <= today)
          await approveRecord(db, scope, record.id, adminActor, at(approvedOn, 10));
      }),
    );
  }
  await settleDuePostings(db, scope, now);
}
