import { auditVillage, DYNAMO_MAX_ATTEMPTS } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { faultInjector } from '../support/faults';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let faults: ReturnType<typeof faultInjector>;
let base: string;
let programId: string;
let household: string;
let rice: string;

async function ok(method: string, path: string, body?: unknown, token = w.a.adminToken) {
  const res = await w.call(method, `${base}${path}`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}
const balance = async () => (await ok('GET', `/households/${household}/ledger`)).accounts[0]?.balance ?? 0;
const stock = async () => (await ok('GET', `/store/items/${rice}`)).stock;
const redeem = (idempotencyKey: string) =>
  w.call('POST', `${base}/redemptions`, {
    token: w.a.adminToken,
    body: { householdId: household, lines: [{ itemId: rice, quantity: 1, price: 10 }] },
    idempotencyKey,
  });
let keySeq = 0;
const newKey = () => `fault-${Date.now()}-${keySeq++}`;

/** The books balance: every account equals its entries, every shelf its movements. */
async function expectBooksBalance() {
  const report = await auditVillage(w.db, { countyId: w.x.id, villageId: w.a.id });
  expect(report.problems).toEqual([]);
}

beforeAll(async () => {
  w = await buildWorld();
  faults = faultInjector(w.db);
  base = `/api/villages/${w.a.id}`;
  programId = (await ok('POST', '/programs', { name: '文明积分' })).id;
  const set = await ok('POST', '/rule-sets', { programId, name: '测试细则' });
  await ok('PUT', `/rule-sets/${set.id}/rows`, {
    rows: [{ code: 'GRANT', name: '年度表彰', category: '表彰', kind: '固定', points: 500 }],
    baseVersion: 0,
  });
  await ok('POST', `/rule-sets/${set.id}/publish`, { effectiveFrom: chinaDate(new Date()) });
  await ok('PATCH', '', { postingDays: 0 });
  await ok('PUT', '/store/settings', {
    programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  household = (
    await ok('POST', '/households', {
      number: '0001',
      group: '一组',
      members: [{ name: '罗先和', relation: '户主' }],
    })
  ).id;
  const rec = await ok(
    'POST',
    '/point-records',
    { programId, householdId: household, ruleCode: 'GRANT', occurredOn: chinaDate(new Date()) },
    w.a.recorderToken,
  );
  await ok('POST', `/point-records/${rec.id}/approve`, {});
  rice = (await ok('POST', '/store/items', { name: '大米', price: 10, unit: '袋', lowStockAt: 1 })).id;
  await ok('POST', `/store/items/${rice}/stock-movements`, {
    kind: 'intake',
    quantity: 100,
    source: 'donation',
  });
});

describe('when DynamoDB throttles', () => {
  it('rides it out within the SDK’s bounded retries and sells once', async () => {
    const [points, shelf] = [await balance(), await stock()];
    faults.arm('throttle', 2);
    const res = await redeem(newKey());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(faults.wireAttempts).toBe(3);
    expect([await balance(), await stock()]).toEqual([points - 10, shelf - 1]);
  });

  it('answers 503 when it outlasts the retries, writes nothing, and the same key then sells once', async () => {
    const [points, shelf] = [await balance(), await stock()];
    const key = newKey();
    faults.arm('throttle', 100);
    const refused = await redeem(key);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('try_again');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(faults.wireAttempts).toBe(DYNAMO_MAX_ATTEMPTS);
    faults.disarm();
    expect([await balance(), await stock()]).toEqual([points, shelf]);
    const retried = await redeem(key);
    expect(retried.status).toBe(201);
    expect([await balance(), await stock()]).toEqual([points - 10, shelf - 1]);
  });
});

describe('when a transaction conflicts', () => {
  it('tries again and sells once', async () => {
    const [points, shelf] = [await balance(), await stock()];
    faults.arm('conflict', 3);
    const res = await redeem(newKey());
    expect(res.status).toBe(201);
    expect(faults.sends).toBe(4);
    expect([await balance(), await stock()]).toEqual([points - 10, shelf - 1]);
  });

  it('gives up after a bounded number of tries with a 409 and writes nothing', async () => {
    const [points, shelf] = [await balance(), await stock()];
    faults.arm('conflict', 100);
    const res = await redeem(newKey());
    faults.disarm();
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('write_conflict');
    expect(faults.sends).toBe(8);
    expect([await balance(), await stock()]).toEqual([points, shelf]);
  });
});

describe('when the answer to a committed write is lost', () => {
  it('replays the sale to a retry with the same key, with no second sale', async () => {
    const [points, shelf] = [await balance(), await stock()];
    const key = newKey();
    faults.arm('lost_response', 1);
    const lost = await redeem(key);
    expect(lost.status).toBe(503);
    // It did commit: told to retry, the caller learns what happened without a second sale.
    expect([await balance(), await stock()]).toEqual([points - 10, shelf - 1]);
    const retried = await redeem(key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ householdId: household, total: 10, status: 'completed' });
    expect([await balance(), await stock()]).toEqual([points - 10, shelf - 1]);
    const day = await ok('GET', `/redemptions?date=${chinaDate(new Date())}`);
    expect(day.items.filter((r: { id: string }) => r.id === retried.body.id)).toHaveLength(1);
    await expectBooksBalance();
  });

  it('replays a cancellation the same way, giving the points back once', async () => {
    const sale = await redeem(newKey());
    expect(sale.status).toBe(201);
    const [points, shelf] = [await balance(), await stock()];
    const key = `cancel-${sale.body.id}`;
    const cancel = () =>
      w.call('POST', `${base}/redemptions/${sale.body.id}/cancel`, {
        token: w.a.adminToken,
        body: { reason: '拿错了货' },
        idempotencyKey: key,
      });
    faults.arm('lost_response', 1);
    expect((await cancel()).status).toBe(503);
    const retried = await cancel();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: sale.body.id, status: 'cancelled', cancelReason: '拿错了货' });
    expect([await balance(), await stock()]).toEqual([points + 10, shelf + 1]);
    await expectBooksBalance();
  });
});
