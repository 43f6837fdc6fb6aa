import { accountSchema, ledgerEntrySchema } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAllPrefix } from '../page';
import { reconcileStock } from '../store/items';
import { listCounties } from '../tenants/counties';
import { listVillages } from '../tenants/villages';

type VillageScope = { countyId: string; villageId: string };

/**
 * Checks one village's books: every account's balance and spending equal the sums of its
 * ledger entries, no account is overdrawn, no record or redemption moved points twice, and
 * every item's stock equals the sum of its movements. Returns what does not hold, in words.
 *
 * Overdrawn means spent beyond what was earned: a deduction or a reversal after the points were
 * spent may rightly leave a balance below zero (the household owes it back), but without those
 * corrections the balance can never be negative, since every sale requires the points at hand.
 */
export async function auditVillage(db: Db, scope: VillageScope) {
  const village = keys.tenantScope.village(scope.countyId, scope.villageId);
  const [accounts, entries, stock] = await Promise.all([
    queryAllPrefix(db, { PK: village, SKPrefix: 'ACCOUNT#' }, (i) => accountSchema.parse(i)),
    queryAllPrefix(db, { PK: village, SKPrefix: 'LEDGER#' }, (i) => ledgerEntrySchema.parse(i)),
    reconcileStock(db, scope),
  ]);
  const problems: string[] = [];
  const sums = new Map<string, { balance: number; spent: number; corrections: number }>();
  const moves = new Map<string, number>();
  for (const e of entries) {
    const sum = sums.get(e.accountRef) ?? { balance: 0, spent: 0, corrections: 0 };
    sum.balance += e.points;
    if (e.kind === 'redeem' || e.kind === 'redeem_cancel') sum.spent -= e.points;
    if (e.kind === 'deduct' || e.kind === 'reversal') sum.corrections += e.points;
    sums.set(e.accountRef, sum);
    // Resets have one fixed key per account and day, so only records and redemptions can repeat.
    const origin = e.recordId ?? e.redemptionId;
    if (!origin) continue;
    const source = `${origin}#${e.kind === 'deduct' ? 'earn' : e.kind}`;
    moves.set(source, (moves.get(source) ?? 0) + 1);
  }
  for (const a of accounts) {
    const sum = sums.get(a.accountRef) ?? { balance: 0, spent: 0, corrections: 0 };
    if (a.balance !== sum.balance)
      problems.push(`账户 ${a.accountRef} 余额 ${a.balance} ≠ 分录合计 ${sum.balance}`);
    if (a.spent !== sum.spent)
      problems.push(`账户 ${a.accountRef} 已兑换 ${a.spent} ≠ 兑换分录合计 ${sum.spent}`);
    if (sum.balance - sum.corrections < 0)
      problems.push(`账户 ${a.accountRef} 透支：不计扣分与冲正，余额为 ${sum.balance - sum.corrections}`);
    sums.delete(a.accountRef);
  }
  for (const ref of sums.keys()) problems.push(`分录指向不存在的账户 ${ref}`);
  for (const [source, count] of moves) if (count > 1) problems.push(`${source} 入账 ${count} 次`);
  for (const s of stock) {
    if (!s.matches) problems.push(`商品 ${s.item.name} 库存 ${s.item.stock} ≠ 流水合计 ${s.movementsSum}`);
    if (s.item.stock < 0) problems.push(`商品 ${s.item.name} 库存为负 (${s.item.stock})`);
  }
  return { accounts: accounts.length, entries: entries.length, items: stock.length, problems };
}

/** Every village of every county, one after another (operator commands, never a request path). */
export async function* eachVillage(db: Db) {
  let countyCursor: string | undefined;
  do {
    const counties = await listCounties(db, { cursor: countyCursor });
    for (const county of counties.items) {
      let cursor: string | undefined;
      do {
        const page = await listVillages(db, { countyId: county.id }, { cursor });
        for (const v of page.items) {
          yield { county: county.name, village: v.name, scope: { countyId: county.id, villageId: v.id } };
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    countyCursor = counties.nextCursor;
  } while (countyCursor);
}

export async function auditDeployment(db: Db) {
  const results = [];
  for await (const v of eachVillage(db)) {
    results.push({ county: v.county, village: v.village, ...(await auditVillage(db, v.scope)) });
  }
  return results;
}
