import {
  addStockMovement,
  allHouseholds,
  cancelRedemption,
  createItem,
  createRedemption,
  type Db,
  householdLedger,
  listPrograms,
  putStoreSettings,
} from '@xjf/data';
import { type Actor, ConflictError, chinaDate, type Household, type User } from '@xjf/domain';
import { BASKETS, SHELF } from './seed-store-shelf';

type Scope = { countyId: string; villageId: string };
type Staff = { clerk: User; admin: User };

const DAY_MS = 86_400_000;
const STORE_PROGRAM = '文明积分';

/** Days ago of each redemption; today's are in the morning. */
const SALE_DAYS = [27, 27, 26, 24, 21, 21, 20, 17, 14, 14, 13, 12, 10, 7, 7, 6, 5, 3, 3, 2, 1, 0, 0];

const actorOf = (user: User, scope: Scope): Actor => ({
  kind: 'village',
  role: user.role === 'store_clerk' || user.role === 'recorder' ? user.role : 'village_admin',
  userId: user.id,
  username: user.username,
  name: user.name,
  ...scope,
});

/** A moment `days` before `now` at a China hour (today's stay before now). */
function daysAgo(now: Date, days: number, hour: number): Date {
  const day = chinaDate(new Date(now.getTime() - days * DAY_MS));
  const at = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  return at < now ? at : new Date(now.getTime() - (hour + 1) * 60_000);
}

/**
 * 银川村's points store: settings, ten items stocked by donations and purchases, a stock count,
 * and a month of redemptions at the counter (one cancelled), paid with the 文明积分 households
 * earned over the year. Everything goes through the real data functions.
 */
export async function seedStore(db: Db, scope: Scope, staff: Staff, now: Date) {
  const program = (await listPrograms(db, scope, {})).items.find((p) => p.name === STORE_PROGRAM);
  if (!program) return;
  const households = (await allHouseholds(db, scope)).sort((a, b) => a.number.localeCompare(b.number));

  const clerk = actorOf(staff.clerk, scope);
  const opened = daysAgo(now, 30, 9);
  await putStoreSettings(
    db,
    scope,
    {
      programId: program.id,
      cancelWithinDays: 7,
      redemptionDays: { restricted: false, weekdays: [], monthDays: [], periods: [] },
    },
    opened,
  );
  const items = await stockTheShelf(db, scope, clerk, opened, daysAgo(now, 15, 17));

  // What a household can spend: its balance when the store opened, so no sale predates its
  // points; read for the households the counter reaches, not the whole village.
  const budgets = new Map<string, number>();
  const budgetOf = async (h: Household) => {
    if (!budgets.has(h.id)) {
      const ledger = await householdLedger(db, scope, h.id, { asOf: opened.toISOString(), limit: 1 });
      const account = ledger.accounts.find((a) => a.programId === program.id);
      budgets.set(h.id, account && 'balanceAsOf' in account ? Number(account.balanceAsOf) : 0);
    }
    return budgets.get(h.id) ?? 0;
  };
  const plan: {
    householdId: string;
    lines: { itemId: string; quantity: number; price: number }[];
    at: Date;
  }[] = [];
  // The first households (DOMAIN.md's 罗先和 and 游振林 among them) keep their points for whoever
  // tries the counter; the others come in turn, some households apart, from every group.
  let next = 3;
  for (const [n, days] of SALE_DAYS.entries()) {
    const lines = (BASKETS[n % BASKETS.length] ?? []).map(([name, quantity]) => {
      const item = items.get(name) ?? { id: '', price: 0 };
      return { itemId: item.id, quantity, price: item.price };
    });
    const total = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
    // The next household, in turn, that can still pay for this basket.
    let buyer: Household | undefined;
    for (let tries = 0; !buyer && tries < 20; tries++, next += 1) {
      const candidate = households[3 + ((next - 3) % (households.length - 3))];
      if (candidate && (await budgetOf(candidate)) >= total) buyer = candidate;
    }
    if (!buyer) continue;
    next += 16;
    budgets.set(buyer.id, (budgets.get(buyer.id) ?? 0) - total);
    plan.push({ householdId: buyer.id, lines, at: daysAgo(now, days, 9 + (n % 8)) });
  }
  // A few sales at once, as at a busy counter; the store retries when two touch the same item.
  const sales: { id: string; at: Date }[] = [];
  for (let i = 0; i < plan.length; i += 4) {
    const done = await Promise.all(
      plan.slice(i, i + 4).map(({ householdId, lines, at }) =>
        createRedemption(db, scope, { householdId, lines }, clerk, at).then(
          (sale) => ({ id: sale.id, at }),
          (error: unknown) => {
            // A deduction since the store opened can leave too little: that household goes home empty-handed.
            if (error instanceof ConflictError) return undefined;
            throw error;
          },
        ),
      ),
    );
    sales.push(...done.filter((s) => s !== undefined));
  }
  // A villager brought a purchase back the same afternoon.
  const returned = sales[Math.floor(sales.length / 2)];
  if (returned) {
    await cancelRedemption(
      db,
      scope,
      returned.id,
      '农户当天退回商品',
      actorOf(staff.admin, scope),
      new Date(returned.at.getTime() + 3 * 3_600_000),
    );
  }
}

/** Every item on the shelf with its intakes, then the mid-month stock count. */
async function stockTheShelf(db: Db, scope: Scope, clerk: Actor, opened: Date, counted: Date) {
  const items = new Map<string, { id: string; price: number }>();
  await Promise.all(
    SHELF.map(async (spec, i) => {
      const { intake, ...input } = spec;
      const item = await createItem(db, scope, input, opened);
      items.set(spec.name, item);
      for (const movement of intake) {
        await addStockMovement(
          db,
          scope,
          item.id,
          movement,
          clerk,
          new Date(opened.getTime() + (i + 1) * 60_000),
        );
      }
    }),
  );
  const counts: [string, number, string][] = [
    ['大米 10斤', -2, '月中盘点，2 袋受潮'],
    ['鸡蛋 10个', -1, '搬运破损'],
    ['肥皂', 1, '盘点盘盈'],
  ];
  await Promise.all(
    counts.map(([name, delta, reason]) =>
      addStockMovement(
        db,
        scope,
        items.get(name)?.id ?? '',
        { kind: 'adjustment', delta, reason },
        clerk,
        counted,
      ),
    ),
  );
  return items;
}
