import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditVillage, keys } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

/** Real time, shifted when a test needs to be days later: entries keep their true order. */
let shift = 0;
const clock = () => new Date(Date.now() + shift);
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
const admin = () => ({ token: w.a.adminToken });

async function ok(method: string, path: string, body?: unknown, token = w.a.adminToken) {
  const res = await w.call(method, `${base}${path}`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** A household with `points` on its account, granted by an approved record of a fixed rule. */
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

const balanceOf = async (householdId: string) =>
  (await ok('GET', `/households/${householdId}/ledger`)).accounts[0]?.balance ?? 0;
const stockOf = async (itemId: string) => (await ok('GET', `/store/items/${itemId}`)).stock;
const redeem = (householdId: string, lines: unknown[], idempotencyKey?: string, token = w.a.adminToken) =>
  w.call('POST', `${base}/redemptions`, { token, body: { householdId, lines }, idempotencyKey });

beforeAll(async () => {
  w = await buildWorld({ clock });
  base = `/api/villages/${w.a.id}`;
  programId = (await ok('POST', '/programs', { name: '文明积分' })).id;
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
});

describe('catalog and stock', () => {
  it('keeps stock equal to the sum of its movements and never below zero', async () => {
    const soap = await itemWithStock('肥皂', 3, 20);
    await ok('POST', `/store/items/${soap}/stock-movements`, {
      kind: 'adjustment',
      delta: -2,
      reason: '受潮损坏',
    });
    const tooMuch = await w.call('POST', `${base}/store/items/${soap}/stock-movements`, {
      ...admin(),
      body: { kind: 'adjustment', delta: -19, reason: '盘亏' },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'stock_would_go_negative', details: { stock: 18 } });
    expect(await stockOf(soap)).toBe(18);
    const movements = await ok('GET', `/store/items/${soap}/stock-movements`);
    expect(movements.items.map((m: { delta: number }) => m.delta)).toEqual([-2, 20]);
  });

  it('retires an item instead of deleting it, and refuses to sell it', async () => {
    const old = await itemWithStock('旧毛巾', 5, 3);
    const household = await householdWith('0101', '陈光明', 1);
    expect((await ok('PATCH', `/store/items/${old}`, { retired: true })).status).toBe('retired');
    const res = await redeem(household, [{ itemId: old, quantity: 1, price: 5 }]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('item_unavailable');
    expect((await ok('GET', '/store/items')).items.some((i: { id: string }) => i.id === old)).toBe(true);
  });

  it('rejects bad quantities, prices and baskets with the field at fault', async () => {
    const household = await householdWith('0102', '吴德贵', 0);
    const rice = await itemWithStock('小袋米', 10, 5);
    for (const [lines, field] of [
      [[], 'lines'],
      [[{ itemId: rice, quantity: 0, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: rice, quantity: 1.5, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: rice, quantity: -1, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: 'not-an-id', quantity: 1, price: 10 }], 'lines.0.itemId'],
      [[{ itemId: '0000000000000000', quantity: 1, price: 10 }], 'lines.0.itemId'],
    ] as const) {
      const res = await redeem(household, [...lines]);
      expect(res.status, JSON.stringify(lines)).toBe(400);
      expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    expect(await stockOf(rice)).toBe(5);
  });
});

describe('redemption at the counter', () => {
  it('debits points, takes stock and writes a receipt with a code; the ledger says why', async () => {
    const household = await householdWith('0201', '罗先和', 1);
    const oil = await itemWithStock('菜籽油', 50, 10);
    const res = await redeem(household, [{ itemId: oil, quantity: 2, price: 50 }], undefined, w.a.adminToken);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      total: 100,
      balanceAfter: 400,
      status: 'completed',
      headName: '罗先和',
    });
    expect(res.body.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(await stockOf(oil)).toBe(8);
    const book = await ok('GET', `/households/${household}/ledger`);
    expect(book.accounts[0]).toMatchObject({ balance: 400, earned: 500, spent: 100 });
    expect(book.entries[0]).toMatchObject({ kind: 'redeem', points: -100, redemptionId: res.body.id });
    expect(book.entries[0].explanation.zh).toBe('兑换 菜籽油 2袋，共 100 分');
  });

  it('answers a changed price with 409 and the new price, and sells nothing', async () => {
    const household = await householdWith('0202', '王国富', 1);
    const salt = await itemWithStock('食盐', 4, 10);
    await ok('PATCH', `/store/items/${salt}`, { price: 6 });
    const res = await redeem(household, [{ itemId: salt, quantity: 1, price: 4 }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'price_changed',
      details: { prices: [{ itemId: salt, price: 6 }] },
    });
    expect(await balanceOf(household)).toBe(500);
    expect(await stockOf(salt)).toBe(10);
  });

  it('never overdraws: not enough points is a 409 naming the balance, and nothing moves', async () => {
    const household = await householdWith('0203', '游振林', 1);
    const tv = await itemWithStock('电饭锅', 600, 2);
    const res = await redeem(household, [{ itemId: tv, quantity: 1, price: 600 }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'insufficient_points', details: { balance: 500, total: 600 } });
    expect(await stockOf(tv)).toBe(2);
    const nobody = await householdWith('0204', '林茂平', 0);
    expect((await redeem(nobody, [{ itemId: tv, quantity: 1, price: 600 }])).body.code).toBe(
      'insufficient_points',
    );
  });

  it('lets only clerks and admins redeem', async () => {
    const household = await householdWith('0205', '杨秀英', 1);
    const item = await itemWithStock('牙膏', 5, 5);
    const res = await redeem(
      household,
      [{ itemId: item, quantity: 1, price: 5 }],
      undefined,
      w.a.recorderToken,
    );
    expect(res.status).toBe(403);
    expect(await stockOf(item)).toBe(5);
  });

  it('is closed outside the village’s redemption days with a clear 403', async () => {
    const household = await householdWith('0206', '张桂兰', 1);
    const item = await itemWithStock('洗衣粉', 8, 5);
    const today = chinaDate(clock());
    await ok('PUT', '/store/settings', {
      programId,
      cancelWithinDays: 7,
      redemptionDays: {
        restricted: true,
        periods: [{ from: '2020-03-25', to: '2020-03-31', label: '季度兑分' }],
      },
    });
    const closed = await redeem(household, [{ itemId: item, quantity: 1, price: 8 }]);
    expect(closed.status).toBe(403);
    expect(closed.body.code).toBe('store_closed');
    await ok('PUT', '/store/settings', {
      programId,
      cancelWithinDays: 7,
      redemptionDays: { restricted: true, periods: [{ from: today, to: today, label: '季度兑分' }] },
    });
    expect((await redeem(household, [{ itemId: item, quantity: 1, price: 8 }])).status).toBe(201);
    await ok('PUT', '/store/settings', {
      programId,
      cancelWithinDays: 7,
      redemptionDays: { restricted: false },
    });
  });

  it('cancels within the period: points and stock come back by reversing entries, once', async () => {
    const household = await householdWith('0207', '李春花', 1);
    const rice = await itemWithStock('大米', 30, 10);
    const sale = (await redeem(household, [{ itemId: rice, quantity: 3, price: 30 }])).body;
    const cancel = (reason = '误操作，村民改换商品') =>
      w.call('POST', `${base}/redemptions/${sale.id}/cancel`, { ...admin(), body: { reason } });
    const first = await cancel();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'cancelled', cancelReason: '误操作，村民改换商品' });
    expect((await cancel()).body.code).toBe('already_cancelled');
    expect(await balanceOf(household)).toBe(500);
    expect(await stockOf(rice)).toBe(10);
    const book = await ok('GET', `/households/${household}/ledger`);
    expect(book.entries.slice(0, 2).map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual(
      [
        ['redeem_cancel', 90],
        ['redeem', -90],
      ],
    );
    expect(book.accounts[0].spent).toBe(0);
  });

  it('refuses to cancel after the period', async () => {
    const household = await householdWith('0208', '周永福', 1);
    const item = await itemWithStock('酱油', 6, 5);
    const sale = (await redeem(household, [{ itemId: item, quantity: 1, price: 6 }])).body;
    shift = 8 * 86_400_000;
    const late = await w.call('POST', `${base}/redemptions/${sale.id}/cancel`, {
      ...admin(),
      body: { reason: '太晚了' },
    });
    shift = 0;
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cancel_period_over');
    expect(await stockOf(item)).toBe(4);
  });
});

// Hundreds of requests at once on a shared machine: generous limits, never timed assertions.
describe('under concurrency', { timeout: 120_000 }, () => {
  it('200 concurrent redemptions of a 10-point item against 1,000 points and 50 in stock sell exactly 50', async () => {
    const household = await householdWith('0301', '罗金华', 2);
    const rice = await itemWithStock('挂面', 10, 50);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => redeem(household, [{ itemId: rice, quantity: 1, price: 10 }])),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'out_of_stock')).toBe(true);
    expect(await balanceOf(household)).toBe(500);
    expect(await stockOf(rice)).toBe(0);
    const report = await ok('GET', '/store/report');
    const line = report.stock.find((s: { item: { id: string } }) => s.item.id === rice);
    expect(line).toMatchObject({ movementsSum: 0, matches: true, movements: 51, lowStock: true });
  });

  it('several households competing for the stock: 50 sold in all, every balance exact', async () => {
    const households = await Promise.all(
      ['0401', '0402', '0403', '0404'].map((n, i) => householdWith(n, `竞争户${'甲乙丙丁'[i]}`, 2)),
    );
    const eggs = await itemWithStock('鸡蛋', 10, 50);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        redeem(households[i % 4] ?? '', [{ itemId: eggs, quantity: 1, price: 10 }]),
      ),
    );
    const sold = answers.filter((a) => a.status === 201);
    expect(sold).toHaveLength(50);
    expect(await stockOf(eggs)).toBe(0);
    for (const h of households) {
      const bought = sold.filter((a) => a.body.householdId === h).length;
      expect(await balanceOf(h)).toBe(1000 - 10 * bought);
    }
  });

  it('replays with one Idempotency-Key give one effect and the same answer', async () => {
    const household = await householdWith('0501', '冯兰芳', 1);
    const item = await itemWithStock('毛巾', 5, 10);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        redeem(household, [{ itemId: item, quantity: 1, price: 5 }], 'counter-0501-a'),
      ),
    );
    const firsts = answers.filter((a) => a.status === 201);
    expect(firsts.length).toBeGreaterThan(0);
    for (const a of firsts) expect(a.body).toEqual(firsts[0]?.body);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const replay = await redeem(household, [{ itemId: item, quantity: 1, price: 5 }], 'counter-0501-a');
    expect(replay.body).toEqual(firsts[0]?.body);
    expect(await stockOf(item)).toBe(9);
    expect(await balanceOf(household)).toBe(495);
  });
});

describe('when the account moves between the counter’s look and the sale', () => {
  it('sells once on enough points, and the receipt and its replay show the balance after both', async () => {
    const household = await householdWith('0701', '周德明', 1);
    const rec = await ok(
      'POST',
      '/point-records',
      { programId, householdId: household, ruleCode: 'GRANT', occurredOn: chinaDate(clock()) },
      w.a.recorderToken,
    );
    const soap = await itemWithStock('香皂', 20, 5);
    // Just before the sale's transaction, a real approval for the same household lands first.
    let sales = 0;
    w.db.doc.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: { Put?: { Item: { type?: string } } }[] })
          .TransactItems;
        if (items?.some((i) => i.Put?.Item.type === 'Redemption') && sales++ === 0)
          await ok('POST', `/point-records/${rec.id}/approve`, {});
        return next(args);
      },
      { step: 'initialize', name: 'approvalLandsFirst' },
    );
    try {
      const sale = await redeem(household, [{ itemId: soap, quantity: 1, price: 20 }], 'counter-0701-a');
      expect(sale.status, JSON.stringify(sale.body)).toBe(201);
      // The exact try (on the balance read) failed; the sale went through on enough points.
      expect(sales).toBe(2);
      expect(sale.body.balanceAfter).toBe(980);
      expect(await balanceOf(household)).toBe(980);
      expect(await stockOf(soap)).toBe(4);
      const replay = await redeem(household, [{ itemId: soap, quantity: 1, price: 20 }], 'counter-0701-a');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(sale.body);
    } finally {
      w.db.doc.middlewareStack.remove('approvalLandsFirst');
    }
    expect(await balanceOf(household)).toBe(980);
  });
});

describe('the ledger audit', { timeout: 60_000 }, () => {
  it('finds this village’s books balanced after all of the above, and catches a tampered balance', async () => {
    const scope = { countyId: w.x.id, villageId: w.a.id };
    const clean = await auditVillage(w.db, scope);
    expect(clean.problems).toEqual([]);
    expect(clean.entries).toBeGreaterThan(100);
    const household = await householdWith('0601', '钱进宝', 1);
    const accountRef = (await ok('GET', `/households/${household}/ledger`)).accounts[0].accountRef;
    await w.db.doc.send(
      new UpdateCommand({
        TableName: w.db.tableName,
        Key: keys.account(scope.countyId, scope.villageId, accountRef),
        UpdateExpression: 'SET balance = balance + :forged',
        ExpressionAttributeValues: { ':forged': 1000 },
      }),
    );
    const forged = await auditVillage(w.db, scope);
    expect(forged.problems).toEqual([`账户 ${accountRef} 余额 1500 ≠ 分录合计 500`]);
  });

  it('lets a correction after spending leave a debt, but calls a sale beyond the points an overdraft', async () => {
    const scope = { countyId: w.x.id, villageId: w.a.id };
    const household = await householdWith('0602', '孙有余', 1);
    const lamp = await itemWithStock('台灯', 500, 2);
    expect((await redeem(household, [{ itemId: lamp, quantity: 1, price: 500 }])).status).toBe(201);
    const ledger = await ok('GET', `/households/${household}/ledger`);
    const grant = ledger.entries.find((e: { kind: string }) => e.kind === 'earn');
    await ok('POST', `/point-records/${grant.recordId}/reverse`, { reason: '表彰有误' });
    expect(await balanceOf(household)).toBe(-500);
    const about = async (accountRef: string) =>
      (await auditVillage(w.db, scope)).problems.filter((p) => p.includes(accountRef));
    expect(await about(ledger.accounts[0].accountRef)).toEqual([]);

    // A sale written past the balance condition, books otherwise consistent: an overdraft.
    const spender = await householdWith('0603', '钱多多', 1);
    const accountRef = (await ok('GET', `/households/${spender}/ledger`)).accounts[0].accountRef;
    const at = new Date().toISOString();
    await w.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: w.db.tableName,
              Key: keys.account(scope.countyId, scope.villageId, accountRef),
              UpdateExpression: 'SET balance = balance - :p, spent = spent + :p',
              ExpressionAttributeValues: { ':p': 800 },
            },
          },
          {
            Put: {
              TableName: w.db.tableName,
              Item: {
                ...keys.ledgerEntry(scope.countyId, scope.villageId, spender, at, 'forged#redeem'),
                type: 'LedgerEntry',
                accountRef,
                programId,
                kind: 'redeem',
                points: -800,
                explanation: { zh: '伪造', en: 'forged' },
                at,
                by: 'nobody',
              },
            },
          },
        ],
      }),
    );
    expect(await about(accountRef)).toEqual([`账户 ${accountRef} 透支：不计扣分与冲正，余额为 -300`]);
  });
});
