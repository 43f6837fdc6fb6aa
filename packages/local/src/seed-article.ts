import {
  approveRecord,
  createRecord,
  type Db,
  listHouseholds,
  listPrograms,
  settleDuePostings,
} from '@xjf/data';
import { type Actor, chinaDate, type User } from '@xjf/domain';

type Scope = { countyId: string; villageId: string };

/**
 * DOMAIN.md's eco scores item by item under 大方县's 生态积分 (the Dafang template): the rule, the
 * quantity recorded and the points it must give.
 * - 游振林 (银川村) 380: the article's under-forest planting 100, green travel 20 and leading 20
 *   households 20, and the 240 it does not itemise, which his 1,200 m² homestead gives.
 * - 林茂平 (羊岩村) 305 though he contracts 400 mu: the forest cap keeps 2,000 at 200, with a
 *   400 m² homestead 80, green travel 20 and one flower sacrifice 5.
 */
export const ARTICLE_ECO: Record<string, { village: string; items: [string, number | undefined, number][] }> =
  {
    游振林: {
      village: '银川村',
      items: [
        ['ECO-HOMESTEAD', 1200, 240],
        ['ECO-FOREST', 20, 100],
        ['ECO-TRAVEL', undefined, 20],
        ['ECO-LEAD', 20, 20],
      ],
    },
    林茂平: {
      village: '羊岩村',
      items: [
        ['ECO-FOREST', 400, 200],
        ['ECO-HOMESTEAD', 400, 80],
        ['ECO-TRAVEL', undefined, 20],
        ['ECO-SACRIFICE', undefined, 5],
      ],
    },
  };

const DAY_MS = 86_400_000;
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const actorOf = (user: User, scope: Scope): Actor => ({
  kind: 'village',
  role: user.role === 'recorder' ? 'recorder' : 'village_admin',
  userId: user.id,
  username: user.username,
  name: user.name,
  ...scope,
});

/**
 * The article's eco records of the village's farmer, through the real record → approve → post
 * path, eight months ago (inside the bank's twelve-month window, a day apart), approved two
 * days after each, settled once their posting ended.
 */
export async function seedArticleEco(
  db: Db,
  scope: Scope,
  villageName: string,
  staff: { recorder: User; admin: User },
  now: Date,
) {
  const [head, plan] = Object.entries(ARTICLE_ECO).find(([, p]) => p.village === villageName) ?? [];
  if (!head || !plan) return;
  const [[household], programs] = await Promise.all([
    listHouseholds(db, scope, { q: head }).then((page) => page.items),
    listPrograms(db, scope, {}).then((page) => page.items),
  ]);
  const eco = programs.find((p) => p.name === '生态积分');
  if (!household || !eco) return;
  await Promise.all(
    plan.items.map(async ([ruleCode, quantity], k) => {
      const day = chinaDate(new Date(now.getTime() - (240 - k) * DAY_MS));
      const record = await createRecord(
        db,
        scope,
        { programId: eco.id, householdId: household.id, ruleCode, quantity, occurredOn: day },
        actorOf(staff.recorder, scope),
        at(day, 18),
      );
      const approvedOn = chinaDate(new Date(at(day, 12).getTime() + 2 * DAY_MS));
      await approveRecord(db, scope, record.id, actorOf(staff.admin, scope), at(approvedOn, 10));
    }),
  );
  await settleDuePostings(db, scope, now);
}
