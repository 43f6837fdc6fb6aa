import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditVillage, keys } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type StoreVillage, storeVillage } from '../support/store-village';

let v: StoreVillage;
beforeAll(async () => {
  v = await storeVillage();
});

describe('catalog and stock', () => {
  it('keeps stock equal to the sum of its movements and never below zero', async () => {
    const soap = await v.itemWithStock('肥皂', 3, 20);
    await v.ok('POST', `/store/items/${soap}/stock-movements`, {
      kind: 'adjustment',
      delta: -2,
      reason: '受潮损坏',
    });
    const tooMuch = await v.w.call('POST', `${v.base}/store/items/${soap}/stock-movements`, {
      ...{ token: v.w.a.adminToken },
      body: { kind: 'adjustment', delta: -19, reason: '盘亏' },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'stock_would_go_negative', details: { stock: 18 } });
    expect(await v.stockOf(soap)).toBe(18);
    const movements = await v.ok('GET', `/store/items/${soap}/stock-movements`);
    expect(movements.items.map((m: { delta: number }) => m.delta)).toEqual([-2, 20]);
  });

  it('retires an item instead of deleting it, and refuses to sell it', async () => {
    const old = await v.itemWithStock('旧毛巾', 5, 3);
    const household = await v.householdWith('0101', '陈光明', 1);
    expect((await v.ok('PATCH', `/store/items/${old}`, { retired: true })).status).toBe('retired');
    const res = await v.redeem(household, [{ itemId: old, quantity: 1, price: 5 }]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('item_unavailable');
    expect((await v.ok('GET', '/store/items')).items.some((i: { id: string }) => i.id === old)).toBe(true);
  });

  it('rejects bad quantities, prices and baskets with the field at fault', async () => {
    const household = await v.householdWith('0102', '吴德贵', 0);
    const rice = await v.itemWithStock('小袋米', 10, 5);
    for (const [lines, field] of [
      [[], 'lines'],
      [[{ itemId: rice, quantity: 0, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: rice, quantity: 1.5, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: rice, quantity: -1, price: 10 }], 'lines.0.quantity'],
      [[{ itemId: 'not-an-id', quantity: 1, price: 10 }], 'lines.0.itemId'],
      [[{ itemId: '0000000000000000', quantity: 1, price: 10 }], 'lines.0.itemId'],
    ] as const) {
      const res = await v.redeem(household, [...lines]);
      expect(res.status, JSON.stringify(lines)).toBe(400);
      expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    expect(await v.stockOf(rice)).toBe(5);
  });
});

describe('redemption at the counter', () => {
  it('debits points, takes stock and writes a receipt with a code; the ledger says why', async () => {
    const household = await v.householdWith('0201', '罗先和', 1);
    const oil = await v.itemWithStock('菜籽油', 50, 10);
    const res = await v.redeem(
      household,
      [{ itemId: oil, quantity: 2, price: 50 }],
      undefined,
      v.w.a.adminToken,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      total: 100,
      balanceAfter: 400,
      status: 'completed',
      headName: '罗先和',
    });
    expect(res.body.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(await v.stockOf(oil)).toBe(8);
    const book = await v.ok('GET', `/households/${household}/ledger`);
    expect(book.accounts[0]).toMatchObject({ balance: 400, earned: 500, spent: 100 });
    expect(book.entries[0]).toMatchObject({ kind: 'redeem', points: -100, redemptionId: res.body.id });
    expect(book.entries[0].explanation.zh).toBe('兑换 菜籽油 2袋，共 100 分');
  });

  it('answers a changed price with 409 and the new price, and sells nothing', async () => {
    const household = await v.householdWith('0202', '王国富', 1);
    const salt = await v.itemWithStock('食盐', 4, 10);
    await v.ok('PATCH', `/store/items/${salt}`, { price: 6 });
    const res = await v.redeem(household, [{ itemId: salt, quantity: 1, price: 4 }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'price_changed',
      details: { prices: [{ itemId: salt, price: 6 }] },
    });
    expect(await v.balanceOf(household)).toBe(500);
    expect(await v.stockOf(salt)).toBe(10);
  });

  it('never overdraws: not enough points is a 409 naming the balance, and nothing moves', async () => {
    const household = await v.householdWith('0203', '游振林', 1);
    const tv = await v.itemWithStock('电饭锅', 600, 2);
    const res = await v.redeem(household, [{ itemId: tv, quantity: 1, price: 600 }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'insufficient_points', details: { balance: 500, total: 600 } });
    expect(await v.stockOf(tv)).toBe(2);
    const nobody = await v.householdWith('0204', '林茂平', 0);
    expect((await v.redeem(nobody, [{ itemId: tv, quantity: 1, price: 600 }])).body.code).toBe(
      'insufficient_points',
    );
  });

  it('lets only clerks and admins redeem', async () => {
    const household = await v.householdWith('0205', '杨秀英', 1);
    const item = await v.itemWithStock('牙膏', 5, 5);
    const res = await v.redeem(
      household,
      [{ itemId: item, quantity: 1, price: 5 }],
      undefined,
      v.w.a.recorderToken,
    );
    expect(res.status).toBe(403);
    expect(await v.stockOf(item)).toBe(5);
  });

  it('is closed outside the village’s redemption days with a clear 403', async () => {
    const household = await v.householdWith('0206', '张桂兰', 1);
    const item = await v.itemWithStock('洗衣粉', 8, 5);
    const today = chinaDate(v.clock());
    await v.ok('PUT', '/store/settings', {
      programId: v.programId,
      cancelWithinDays: 7,
      redemptionDays: {
        restricted: true,
        periods: [{ from: '2020-03-25', to: '2020-03-31', label: '季度兑分' }],
      },
    });
    const closed = await v.redeem(household, [{ itemId: item, quantity: 1, price: 8 }]);
    expect(closed.status).toBe(403);
    expect(closed.body.code).toBe('store_closed');
    await v.ok('PUT', '/store/settings', {
      programId: v.programId,
      cancelWithinDays: 7,
      redemptionDays: { restricted: true, periods: [{ from: today, to: today, label: '季度兑分' }] },
    });
    expect((await v.redeem(household, [{ itemId: item, quantity: 1, price: 8 }])).status).toBe(201);
    await v.ok('PUT', '/store/settings', {
      programId: v.programId,
      cancelWithinDays: 7,
      redemptionDays: { restricted: false },
    });
  });

  it('cancels within the period: points and stock come back by reversing entries, once', async () => {
    const household = await v.householdWith('0207', '李春花', 1);
    const rice = await v.itemWithStock('大米', 30, 10);
    const sale = (await v.redeem(household, [{ itemId: rice, quantity: 3, price: 30 }])).body;
    const cancel = (reason = '误操作，村民改换商品') =>
      v.w.call('POST', `${v.base}/redemptions/${sale.id}/cancel`, {
        ...{ token: v.w.a.adminToken },
        body: { reason },
      });
    const first = await cancel();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'cancelled', cancelReason: '误操作，村民改换商品' });
    expect((await cancel()).body.code).toBe('already_cancelled');
    expect(await v.balanceOf(household)).toBe(500);
    expect(await v.stockOf(rice)).toBe(10);
    const book = await v.ok('GET', `/households/${household}/ledger`);
    expect(book.entries.slice(0, 2).map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual(
      [
        ['redeem_cancel', 90],
        ['redeem', -90],
      ],
    );
    expect(book.accounts[0].spent).toBe(0);
  });

  it('refuses to cancel after the period', async () => {
    const household = await v.householdWith('0208', '周永福', 1);
    const item = await v.itemWithStock('酱油', 6, 5);
    const sale = (await v.redeem(household, [{ itemId: item, quantity: 1, price: 6 }])).body;
    v.setShift(8 * 86_400_000);
    let late: Awaited<ReturnType<typeof v.w.call>>;
    try {
      late = await v.w.call('POST', `${v.base}/redemptions/${sale.id}/cancel`, {
        ...{ token: v.w.a.adminToken },
        body: { reason: '太晚了' },
      });
    } finally {
      // Undone even when the call throws, so later tests run on today's clock.
      v.setShift(0);
    }
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cancel_period_over');
    expect(await v.stockOf(item)).toBe(4);
  });
});

// Hundreds of requests at once on a shared machine: generous limits, never timed assertions.
describe('under concurrency', { timeout: 120_000 }, () => {
  it('200 concurrent redemptions of a 10-point item against 1,000 points and 50 in stock sell exactly 50', async () => {
    const household = await v.householdWith('0301', '罗金华', 2);
    const rice = await v.itemWithStock('挂面', 10, 50);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => v.redeem(household, [{ itemId: rice, quantity: 1, price: 10 }])),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'out_of_stock')).toBe(true);
    expect(await v.balanceOf(household)).toBe(500);
    expect(await v.stockOf(rice)).toBe(0);
    const report = await v.ok('GET', '/store/report');
    const line = report.stock.find((s: { item: { id: string } }) => s.item.id === rice);
    expect(line).toMatchObject({ movementsSum: 0, matches: true, movements: 51, lowStock: true });
  });

  it('several households competing for the stock: 50 sold in all, every balance exact', async () => {
    const households = await Promise.all(
      ['0401', '0402', '0403', '0404'].map((n, i) => v.householdWith(n, `竞争户${'甲乙丙丁'[i]}`, 2)),
    );
    const eggs = await v.itemWithStock('鸡蛋', 10, 50);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        v.redeem(households[i % 4] ?? '', [{ itemId: eggs, quantity: 1, price: 10 }]),
      ),
    );
    const sold = answers.filter((a) => a.status === 201);
    expect(sold).toHaveLength(50);
    expect(await v.stockOf(eggs)).toBe(0);
    for (const h of households) {
      const bought = sold.filter((a) => a.body.householdId === h).length;
      expect(await v.balanceOf(h)).toBe(1000 - 10 * bought);
    }
  });

  it('replays with one Idempotency-Key give one effect and the same answer', async () => {
    const household = await v.householdWith('0501', '冯兰芳', 1);
    const item = await v.itemWithStock('毛巾', 5, 10);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        v.redeem(household, [{ itemId: item, quantity: 1, price: 5 }], 'counter-0501-a'),
      ),
    );
    const firsts = answers.filter((a) => a.status === 201);
    expect(firsts.length).toBeGreaterThan(0);
    for (const a of firsts) expect(a.body).toEqual(firsts[0]?.body);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const replay = await v.redeem(household, [{ itemId: item, quantity: 1, price: 5 }], 'counter-0501-a');
    expect(replay.body).toEqual(firsts[0]?.body);
    expect(await v.stockOf(item)).toBe(9);
    expect(await v.balanceOf(household)).toBe(495);
  });
});

describe('when the account moves between the counter’s look and the sale', () => {
  it('sells once on enough points, and the receipt and its replay show the balance after both', async () => {
    const household = await v.householdWith('0701', '周德明', 1);
    const rec = await v.ok(
      'POST',
      '/point-records',
      { programId: v.programId, householdId: household, ruleCode: 'GRANT', occurredOn: chinaDate(v.clock()) },
      v.w.a.recorderToken,
    );
    const soap = await v.itemWithStock('香皂', 20, 5);
    // Just before the sale's transaction, a real approval for the same household lands first.
    let sales = 0;
    v.w.db.doc.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: { Put?: { Item: { type?: string } } }[] })
          .TransactItems;
        if (items?.some((i) => i.Put?.Item.type === 'Redemption') && sales++ === 0)
          await v.ok('POST', `/point-records/${rec.id}/approve`, {});
        return next(args);
      },
      { step: 'initialize', name: 'approvalLandsFirst' },
    );
    try {
      const sale = await v.redeem(household, [{ itemId: soap, quantity: 1, price: 20 }], 'counter-0701-a');
      expect(sale.status, JSON.stringify(sale.body)).toBe(201);
      // The exact try (on the balance read) failed; the sale went through on enough points.
      expect(sales).toBe(2);
      expect(sale.body.balanceAfter).toBe(980);
      expect(await v.balanceOf(household)).toBe(980);
      expect(await v.stockOf(soap)).toBe(4);
      const replay = await v.redeem(household, [{ itemId: soap, quantity: 1, price: 20 }], 'counter-0701-a');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(sale.body);
    } finally {
      v.w.db.doc.middlewareStack.remove('approvalLandsFirst');
    }
    expect(await v.balanceOf(household)).toBe(980);
  });
});

describe('the ledger audit', { timeout: 60_000 }, () => {
  it('finds this village’s books balanced after all of the above, and catches a tampered balance', async () => {
    const scope = { countyId: v.w.x.id, villageId: v.w.a.id };
    const clean = await auditVillage(v.w.db, scope);
    expect(clean.problems).toEqual([]);
    expect(clean.entries).toBeGreaterThan(100);
    const household = await v.householdWith('0601', '钱进宝', 1);
    const accountRef = (await v.ok('GET', `/households/${household}/ledger`)).accounts[0].accountRef;
    await v.w.db.doc.send(
      new UpdateCommand({
        TableName: v.w.db.tableName,
        Key: keys.account(scope.countyId, scope.villageId, accountRef),
        UpdateExpression: 'SET balance = balance + :forged',
        ExpressionAttributeValues: { ':forged': 1000 },
      }),
    );
    const forged = await auditVillage(v.w.db, scope);
    expect(forged.problems).toEqual([`账户 ${accountRef} 余额 1500 ≠ 分录合计 500`]);
  });

  it('lets a correction after spending leave a debt, but calls a sale beyond the points an overdraft', async () => {
    const scope = { countyId: v.w.x.id, villageId: v.w.a.id };
    const household = await v.householdWith('0602', '孙有余', 1);
    const lamp = await v.itemWithStock('台灯', 500, 2);
    expect((await v.redeem(household, [{ itemId: lamp, quantity: 1, price: 500 }])).status).toBe(201);
    const ledger = await v.ok('GET', `/households/${household}/ledger`);
    const grant = ledger.entries.find((e: { kind: string }) => e.kind === 'earn');
    await v.ok('POST', `/point-records/${grant.recordId}/reverse`, { reason: '表彰有误' });
    expect(await v.balanceOf(household)).toBe(-500);
    const about = async (accountRef: string) =>
      (await auditVillage(v.w.db, scope)).problems.filter((p) => p.includes(accountRef));
    expect(await about(ledger.accounts[0].accountRef)).toEqual([]);

    // A sale written past the balance condition, books otherwise consistent: an overdraft.
    const spender = await v.householdWith('0603', '钱多多', 1);
    const accountRef = (await v.ok('GET', `/households/${spender}/ledger`)).accounts[0].accountRef;
    const at = new Date().toISOString();
    await v.w.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: v.w.db.tableName,
              Key: keys.account(scope.countyId, scope.villageId, accountRef),
              UpdateExpression: 'SET balance = balance - :p, spent = spent + :p',
              ExpressionAttributeValues: { ':p': 800 },
            },
          },
          {
            Put: {
              TableName: v.w.db.tableName,
              Item: {
                ...keys.ledgerEntry(scope.countyId, scope.villageId, spender, at, 'forged#redeem'),
                type: 'LedgerEntry',
                accountRef,
                programId: v.programId,
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
