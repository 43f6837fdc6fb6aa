import { chinaDate } from '@xjf/domain';
import { expect } from 'vitest';
import { buildWorld } from './world';

/**
 * A village with a published 500-point rule (GRANT), no public posting and an open store, and
 * the calls the store tests make on it. Time is real, shifted when a test needs to be days later,
 * so entries keep their true order.
 */
export async function storeVillage() {
  let shift = 0;
  const clock = () => new Date(Date.now() + shift);
  const w = await buildWorld({ clock });
  const base = `/api/villages/${w.a.id}`;

  async function ok(method: string, path: string, body?: unknown, token = w.a.adminToken) {
    const res = await w.call(method, `${base}${path}`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  }

  const programId: string = (await ok('POST', '/programs', { name: '文明积分' })).id;
  const set = await ok('POST', '/rule-sets', { programId, name: '测试细则' });
  await ok('PUT', `/rule-sets/${set.id}/rows`, {
    rows: [{ code: 'GRANT', name: '年度表彰', category: '表彰', kind: '固定', points: 500 }],
    baseVersion: 0,
  });
  await ok('POST', `/rule-sets/${set.id}/publish`, { effectiveFrom: chinaDate(clock()) });
  await ok('PATCH', '', { postingDays: 0 });
  await ok('PUT', '/store/settings', {
    programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });

  /** A household with `grants` × 500 points on its account, each from an approved record. */
  async function householdWith(number: string, head: string, grants: number) {
    const h = await ok('POST', '/households', {
      number,
      group: '第二组',
      members: [{ name: head, relation: '户主' }],
    });
    for (let i = 0; i < grants; i++) {
      const rec = await ok(
        'POST',
        '/point-records',
        { programId, householdId: h.id, ruleCode: 'GRANT', occurredOn: chinaDate(clock()) },
        w.a.recorderToken,
      );
      await ok('POST', `/point-records/${rec.id}/approve`, {});
    }
    return h.id as string;
  }

  async function itemWithStock(name: string, price: number, stock: number) {
    const item = await ok('POST', '/store/items', { name, price, unit: '袋', lowStockAt: 5 });
    if (stock > 0)
      await ok('POST', `/store/items/${item.id}/stock-movements`, {
        kind: 'intake',
        quantity: stock,
        source: 'donation',
      });
    return item.id as string;
  }

  return {
    w,
    base,
    clock,
    programId,
    ok,
    householdWith,
    itemWithStock,
    /** Moves the app's clock `ms` ahead of real time (0 puts it back). */
    setShift: (ms: number) => {
      shift = ms;
    },
    balanceOf: async (householdId: string) =>
      (await ok('GET', `/households/${householdId}/ledger`)).accounts[0]?.balance ?? 0,
    stockOf: async (itemId: string) => (await ok('GET', `/store/items/${itemId}`)).stock,
    redeem: (householdId: string, lines: unknown[], idempotencyKey?: string, token = w.a.adminToken) =>
      w.call('POST', `${base}/redemptions`, { token, body: { householdId, lines }, idempotencyKey }),
  };
}

export type StoreVillage = Awaited<ReturnType<typeof storeVillage>>;
