import { auditVillage, expireLapsedPoints, rebuildVillageMonths, storedVillageMonths } from '@xjf/data';
import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let now = new Date('2026-12-20T10:00:00+08:00');
let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let scope: { countyId: string; villageId: string };
let resetting: string;
let keeping: string;
let itemId: string;
const at = (iso: string) => {
  now = new Date(iso);
};

async function ok(method: string, path: string, body?: unknown, token = w.a.adminToken) {
  const res = await w.call(method, `${base}${path}`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

async function earn(programId: string, householdId: string, ruleCode: string) {
  const rec = await ok(
    'POST',
    '/point-records',
    { programId, householdId, ruleCode, occurredOn: chinaDate(now) },
    w.a.recorderToken,
  );
  return ok('POST', `/point-records/${rec.id}/approve`, {});
}

const ledger = (householdId: string, asOf?: string) =>
  ok('GET', `/households/${householdId}/ledger${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  base = `/api/villages/${w.a.id}`;
  scope = { countyId: w.x.id, villageId: w.a.id };
  resetting = (await ok('POST', '/programs', { name: '超市积分', expiry: { kind: 'annual', on: '01-01' } }))
    .id;
  keeping = (await ok('POST', '/programs', { name: '荣誉积分' })).id;
  for (const programId of [resetting, keeping]) {
    const set = await ok('POST', '/rule-sets', { programId, name: `细则${programId.slice(0, 4)}` });
    await ok('PUT', `/rule-sets/${set.id}/rows`, {
      rows: [
        { code: 'BIG', name: '年度表彰', category: '表彰', kind: '固定', points: 100 },
        { code: 'SMALL', name: '参加活动', category: '活动', kind: '固定', points: 20 },
      ],
      baseVersion: 0,
    });
    await ok('POST', `/rule-sets/${set.id}/publish`, { effectiveFrom: chinaDate(now) });
  }
  await ok('PATCH', '', { postingDays: 0 });
  await ok('PUT', '/store/settings', {
    programId: resetting,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  itemId = (await ok('POST', '/store/items', { name: '食用油', price: 30, unit: '桶' })).id;
  await ok('POST', `/store/items/${itemId}/stock-movements`, {
    kind: 'intake',
    quantity: 10,
    source: 'purchase',
  });
});

describe('the annual reset (年度清零)', () => {
  let household: string;
  let spender: string;

  it('clears what was unspent from before the reset day, keeps points earned, and spares later points', async () => {
    household = (
      await ok('POST', '/households', {
        number: '0001',
        group: '一组',
        members: [{ name: '罗先和', relation: '户主' }],
      })
    ).id;
    spender = (
      await ok('POST', '/households', {
        number: '0002',
        group: '一组',
        members: [{ name: '游振林', relation: '户主' }],
      })
    ).id;
    await earn(resetting, household, 'BIG');
    await earn(keeping, household, 'BIG');
    await earn(resetting, spender, 'BIG');
    at('2026-12-28T09:00:00+08:00');
    await ok('POST', '/redemptions', { householdId: household, lines: [{ itemId, quantity: 1, price: 30 }] });
    await ok('POST', '/redemptions', { householdId: spender, lines: [{ itemId, quantity: 3, price: 30 }] });
    at('2027-01-02T09:00:00+08:00');
    await earn(resetting, household, 'SMALL');

    at('2027-01-05T02:00:00+08:00');
    expect(await expireLapsedPoints(w.db, scope, now)).toBe(70 + 10);

    const book = await ledger(household);
    const account = (programId: string) =>
      book.accounts.find((a: { programId: string }) => a.programId === programId);
    expect(account(resetting)).toMatchObject({ balance: 20, earned: 120, spent: 30, expired: 70 });
    expect(account(keeping)).toMatchObject({ balance: 100, earned: 100 });
    const lapse = book.entries.find((e: { kind: string }) => e.kind === 'expire');
    expect(lapse).toMatchObject({ points: -70, at: '2026-12-31T16:00:00.000Z', programId: resetting });
    expect(lapse.explanation.zh).toBe('2027-01-01 年度清零：未使用的 70 分到期，累计获得积分保留');
  });

  it('shows the balance before and after the reset as of any moment', async () => {
    const before = await ledger(household, '2026-12-31T15:59:59.000Z');
    const after = await ledger(household, '2026-12-31T16:00:01.000Z');
    const of = (book: { accounts: { programId: string; balanceAsOf: number }[] }) =>
      book.accounts.find((a) => a.programId === resetting)?.balanceAsOf;
    expect(of(before)).toBe(70);
    expect(of(after)).toBe(0);
  });

  it('changes nothing when run again, later the same year', async () => {
    at('2027-03-01T10:00:00+08:00');
    expect(await expireLapsedPoints(w.db, scope, now)).toBe(0);
    const book = await ledger(household);
    expect(book.entries.filter((e: { kind: string }) => e.kind === 'expire')).toHaveLength(1);
  });

  it('keeps the books and the county figures consistent', async () => {
    expect((await auditVillage(w.db, scope)).problems).toEqual([]);
    expect(await rebuildVillageMonths(w.db, scope, { write: false })).toEqual([]);
    const january = (await storedVillageMonths(w.db, scope)).find(
      (m) => m.month === '2027-01' && m.programId === resetting,
    );
    expect(january).toMatchObject({ expired: 80, earned: 20 });
  });

  it('lets the village admin set or change the reset day', async () => {
    const changed = await ok('PATCH', `/programs/${keeping}`, { expiry: { kind: 'annual', on: '07-01' } });
    expect(changed.expiry).toEqual({ kind: 'annual', on: '07-01' });
    const bad = await w.call('PATCH', `${base}/programs/${keeping}`, {
      token: w.a.adminToken,
      body: { expiry: { kind: 'annual', on: '13-01' } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toContain('expiry.on');
    const recorder = await w.call('PATCH', `${base}/programs/${keeping}`, {
      token: w.a.recorderToken,
      body: { expiry: { kind: 'none' } },
    });
    expect(recorder.status).toBe(403);
  });
});
