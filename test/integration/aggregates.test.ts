import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  auditVillage,
  keys,
  rebuildVillageMonths,
  recomputedVillageMonths,
  storedVillageMonths,
} from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
/** The clock starts 100 days back and only moves forward, so activity spreads over several months. */
let shift = -100 * DAY;
const clock = () => new Date(Date.now() + shift);
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
const households: string[] = [];
let recorders: string[] = [];
let itemId: string;
const effective: string[] = [];
const sales: string[] = [];

async function ok(method: string, path: string, body?: unknown, token = w.a.adminToken) {
  const res = await w.call(method, `${base}${path}`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

beforeAll(async () => {
  w = await buildWorld({ clock });
  base = `/api/villages/${w.a.id}`;
  programId = (await ok('POST', '/programs', { name: '积分' })).id;
  const set = await ok('POST', '/rule-sets', { programId, name: '细则' });
  await ok('PUT', `/rule-sets/${set.id}/rows`, {
    rows: [
      { code: 'CLEAN', name: '庭院整洁', category: '环境卫生', kind: '固定', points: 5 },
      {
        code: 'HOURS',
        name: '志愿服务时长',
        category: '志愿服务',
        kind: '按量',
        points: 2,
        unitSize: 1,
        unit: '小时',
      },
      { code: 'LITTER', name: '乱扔垃圾', category: '违规扣分', kind: '固定', points: -3 },
    ],
    baseVersion: 0,
  });
  await ok('POST', `/rule-sets/${set.id}/publish`, { effectiveFrom: chinaDate(clock()) });
  await ok('PATCH', '', { postingDays: 0 });
  const second = await ok('POST', '/users', {
    username: w.unique('rc'),
    name: '第二积分员',
    role: 'recorder',
  });
  recorders = [w.a.recorderToken, await w.tokenFor(second)];
  for (const [number, head] of [
    ['0001', '甲'],
    ['0002', '乙'],
    ['0003', '丙'],
  ]) {
    const h = await ok('POST', '/households', {
      number,
      group: '一组',
      members: [{ name: `${head}某某`, relation: '户主' }],
    });
    households.push(h.id);
  }
  // Some points to spend from the start, so redemptions are possible.
  for (const h of households) {
    const rec = await ok(
      'POST',
      '/point-records',
      {
        programId,
        householdId: h,
        ruleCode: 'HOURS',
        quantity: 20,
        occurredOn: chinaDate(clock()),
      },
      w.a.recorderToken,
    );
    await ok('POST', `/point-records/${rec.id}/approve`, {});
  }
  await ok('PUT', '/store/settings', {
    programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  itemId = (await ok('POST', '/store/items', { name: '香皂', price: 3, unit: '块' })).id;
  await ok('POST', `/store/items/${itemId}/stock-movements`, {
    kind: 'intake',
    quantity: 10_000,
    source: 'donation',
  });
});

type Op =
  | {
      kind: 'record';
      household: number;
      rule: 'CLEAN' | 'HOURS' | 'LITTER';
      quantity: number;
      recorder: number;
    }
  | { kind: 'reverse'; pick: number }
  | { kind: 'redeem'; household: number; quantity: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'later'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('record' as const),
    household: fc.nat(2),
    rule: fc.constantFrom('CLEAN' as const, 'HOURS' as const, 'LITTER' as const),
    quantity: fc.integer({ min: 1, max: 8 }),
    recorder: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('redeem' as const),
    household: fc.nat(2),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('later' as const), days: fc.integer({ min: 1, max: 12 }) }),
);

/** Runs one operation through the API; refusals (not enough points, already reversed) are part of the game. */
async function run(o: Op) {
  switch (o.kind) {
    case 'record': {
      const body = {
        programId,
        householdId: households[o.household],
        ruleCode: o.rule,
        quantity: o.rule === 'HOURS' ? o.quantity : undefined,
        occurredOn: chinaDate(clock()),
      };
      const rec = await ok('POST', '/point-records', body, recorders[o.recorder]);
      await ok('POST', `/point-records/${rec.id}/approve`, {});
      effective.push(rec.id);
      return;
    }
    case 'reverse': {
      const id = effective[o.pick % Math.max(1, effective.length)];
      if (!id) return;
      const res = await w.call('POST', `${base}/point-records/${id}/reverse`, {
        token: w.a.adminToken,
        body: { reason: '核实有误' },
      });
      expect([200, 409]).toContain(res.status);
      return;
    }
    case 'redeem': {
      const res = await w.call('POST', `${base}/redemptions`, {
        token: w.a.adminToken,
        body: { householdId: households[o.household], lines: [{ itemId, quantity: o.quantity, price: 3 }] },
        idempotencyKey: `redeem-${sales.length}-${o.household}-${shift}`,
      });
      expect([201, 409], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 201) sales.push(res.body.id);
      return;
    }
    case 'cancel': {
      const id = sales[o.pick % Math.max(1, sales.length)];
      if (!id) return;
      const res = await w.call('POST', `${base}/redemptions/${id}/cancel`, {
        token: w.a.adminToken,
        body: { reason: '村民退换' },
      });
      expect([200, 409]).toContain(res.status);
      return;
    }
    case 'later':
      shift = Math.min(0, shift + o.days * DAY);
      return;
  }
}

describe('village-month aggregates', { timeout: 120_000 }, () => {
  it('equal a recomputation from the ledger, and the ledger audit balances, after 20 random mixes of records, approvals, reversals, redemptions and cancellations', async () => {
    const scope = { countyId: w.x.id, villageId: w.a.id };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 16 }), async (ops) => {
        // Half of each sequence runs concurrently, as several clerks and admins would.
        const half = Math.floor(ops.length / 2);
        for (const o of ops.slice(0, half)) await run(o);
        await Promise.all(
          ops
            .slice(half)
            .filter((o) => o.kind !== 'later')
            .map(run),
        );
        expect(await rebuildVillageMonths(w.db, scope, { write: false })).toEqual([]);
        // And the books balance: every account equals its entries, every shelf its movements.
        expect((await auditVillage(w.db, scope)).problems).toEqual([]);
      }),
      { numRuns: 20 },
    );
    const months = await storedVillageMonths(w.db, scope);
    expect(months.length).toBeGreaterThan(1);
    expect(months.reduce((n, m) => n + m.records, 0)).toBeGreaterThan(3);
  });

  it('counts a replayed redemption once', async () => {
    const scope = { countyId: w.x.id, villageId: w.a.id };
    const body = { householdId: households[0], lines: [{ itemId, quantity: 1, price: 3 }] };
    await run({ kind: 'record', household: 0, rule: 'HOURS', quantity: 8, recorder: 0 });
    const before = await storedVillageMonths(w.db, scope);
    const first = await w.call('POST', `${base}/redemptions`, {
      token: w.a.adminToken,
      body,
      idempotencyKey: 'agg-replay',
    });
    const again = await w.call('POST', `${base}/redemptions`, {
      token: w.a.adminToken,
      body,
      idempotencyKey: 'agg-replay',
    });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const after = await storedVillageMonths(w.db, scope);
    const redeemed = (ms: typeof before) => ms.reduce((n, m) => n + m.redeemed, 0);
    expect(redeemed(after) - redeemed(before)).toBe(3);
    expect(await recomputedVillageMonths(w.db, scope)).toEqual(after);
  });

  it('are rewritten from the ledger when they drift, keeping what is not a ledger fact', async () => {
    const scope = { countyId: w.x.id, villageId: w.a.id };
    const [month] = await storedVillageMonths(w.db, scope);
    const key = keys.villageMonthKey(scope.countyId, scope.villageId, month?.month ?? '', programId);
    await w.db.doc.send(
      new UpdateCommand({
        TableName: w.db.tableName,
        Key: key,
        UpdateExpression: 'ADD earned :forged, #stray :forged, refusedSelfApprovals :one',
        ExpressionAttributeNames: { '#stray': 'cat#伪造' },
        ExpressionAttributeValues: { ':forged': 7, ':one': 1 },
      }),
    );
    const drift = await rebuildVillageMonths(w.db, scope, { write: false });
    expect(drift.map((d) => [d.month, (d.stored?.earned ?? 0) - (d.ledger?.earned ?? 0)])).toEqual([
      [month?.month, 7],
    ]);
    await rebuildVillageMonths(w.db, scope, { write: true });
    expect(await rebuildVillageMonths(w.db, scope, { write: false })).toEqual([]);
    const item = (await w.db.doc.send(new GetCommand({ TableName: w.db.tableName, Key: key }))).Item;
    expect(item).toMatchObject({ refusedSelfApprovals: 1, 'cat#伪造': 0 });
  });
});
