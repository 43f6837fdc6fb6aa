import { chinaDate, monthOf, monthsBetween } from '@xjf/domain';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
/** The clock starts 70 days back, so the report spans at least three months. */
let shift = -70 * DAY;
const clock = () => new Date(Date.now() + shift);
let w: Awaited<ReturnType<typeof buildWorld>>;
let from: string;
let to: string;
let d: { id: string; townshipId: string; adminToken: string };

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await w.call(method, path, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** A village with the program 生态积分 (two rules), posting off, and `count` households. */
async function setUpVillage(v: { id: string; adminToken: string }, count: number) {
  const base = `/api/villages/${v.id}`;
  const program = await ok('POST', `${base}/programs`, v.adminToken, { name: '生态积分' });
  const set = await ok('POST', `${base}/rule-sets`, v.adminToken, { programId: program.id, name: '细则' });
  await ok('PUT', `${base}/rule-sets/${set.id}/rows`, v.adminToken, {
    rows: [
      { code: 'CLEAN', name: '庭院整洁', category: '环境卫生', kind: '固定', points: 5 },
      { code: 'LITTER', name: '乱扔垃圾', category: '违规扣分', kind: '固定', points: -3 },
    ],
    baseVersion: 0,
  });
  await ok('POST', `${base}/rule-sets/${set.id}/publish`, v.adminToken, {
    effectiveFrom: chinaDate(clock()),
  });
  await ok('PATCH', base, v.adminToken, { postingDays: 0 });
  const households: string[] = [];
  for (let i = 1; i <= count; i++) {
    const h = await ok('POST', `${base}/households`, v.adminToken, {
      number: String(i).padStart(4, '0'),
      group: '一组',
      members: [{ name: `户主${i}`, relation: '户主' }],
    });
    households.push(h.id);
  }
  return { programId: program.id as string, households };
}

/** Records through the real path (recorder records, admin approves: it takes effect at once). */
async function earn(
  v: { id: string; adminToken: string; recorderToken: string },
  programId: string,
  householdId: string,
  ruleCode: string,
) {
  const rec = await ok('POST', `/api/villages/${v.id}/point-records`, v.recorderToken, {
    programId,
    householdId,
    ruleCode,
    occurredOn: chinaDate(clock()),
  });
  await ok('POST', `/api/villages/${v.id}/point-records/${rec.id}/approve`, v.adminToken, {});
}

beforeAll(async () => {
  w = await buildWorld({ clock });
  // A second township with a quiet village, for the roll-up.
  const township = await ok('POST', `/api/counties/${w.x.id}/townships`, w.x.adminToken, { name: '羊场镇' });
  const invite = await ok('POST', `/api/counties/${w.x.id}/invites`, w.x.adminToken, {
    townshipId: township.id,
  });
  const onboarded = await ok('POST', '/api/onboarding/villages', '', {
    inviteCode: invite.code,
    village: { name: '红旗村' },
    admin: { username: w.unique('va'), name: '村管理员', phone: '13800138000' },
  });
  d = { id: onboarded.village.id, townshipId: township.id, adminToken: await w.tokenFor(onboarded.admin) };
  await ok('POST', `/api/villages/${d.id}/households`, d.adminToken, {
    number: '0001',
    group: '一组',
    members: [{ name: '安秀英', relation: '户主' }],
  });

  const a = await setUpVillage(w.a, 2);
  const b = await setUpVillage(w.b, 1);
  from = monthOf(clock().toISOString());
  await earn(w.a, a.programId, a.households[0] ?? '', 'CLEAN');
  await earn(w.a, a.programId, a.households[1] ?? '', 'CLEAN');
  shift = 0;
  to = monthOf(clock().toISOString());
  await earn(w.a, a.programId, a.households[0] ?? '', 'CLEAN');
  await earn(w.a, a.programId, a.households[1] ?? '', 'LITTER');
  await earn(w.b, b.programId, b.households[0] ?? '', 'CLEAN');
  // The village admin tries to approve their own record: refused, and counted.
  const own = await ok('POST', `/api/villages/${w.a.id}/point-records`, w.a.adminToken, {
    programId: a.programId,
    householdId: a.households[0],
    ruleCode: 'CLEAN',
    occurredOn: chinaDate(clock()),
  });
  const refused = await w.call('POST', `/api/villages/${w.a.id}/point-records/${own.id}/approve`, {
    token: w.a.adminToken,
    body: {},
  });
  expect(refused.body.code).toBe('self_approval');
});

const report = (kind: string, query = `from=${from}&to=${to}`, token = w.x.officialToken) =>
  w.call('GET', `/api/counties/${w.x.id}/reports/${kind}?${query}`, { token });

describe('county reports', () => {
  it('compares every village with what was recorded, ranked by points per household', async () => {
    const res = await report('villages');
    expect(res.status).toBe(200);
    const months = monthsBetween(from, to).length;
    expect(res.body.months).toHaveLength(months);
    const [first, second, third] = res.body.villages;
    expect(first).toMatchObject({
      villageId: w.a.id,
      villageName: '银川村',
      households: 2,
      earned: 15,
      deducted: 3,
      records: 4,
      activeHouseholdMonths: 4,
      pointsPerHousehold: 7.5,
      redemptionRate: 0,
      categories: { 环境卫生: 15, 违规扣分: -3 },
      rankInCounty: 1,
      rankInTownship: 1,
    });
    expect(first.participationRate).toBeCloseTo(4 / (2 * months));
    expect(second).toMatchObject({
      villageId: w.b.id,
      earned: 5,
      pointsPerHousehold: 5,
      rankInCounty: 2,
      rankInTownship: 2,
    });
    // 红旗村 recorded nothing in the range: listed as 未开展, after the ranked villages, unranked.
    expect(third).toMatchObject({
      villageId: d.id,
      earned: 0,
      households: 1,
      active: false,
      rankInCounty: null,
      rankInTownship: null,
    });
    expect(res.body.totals).toMatchObject({
      villages: 3,
      households: 4,
      earned: 20,
      deducted: 3,
      records: 5,
    });
  });

  it('rolls villages up by township', async () => {
    const res = await report('villages');
    expect(res.body.townships).toEqual([
      expect.objectContaining({
        townshipId: w.x.township.id,
        villages: 2,
        households: 3,
        earned: 20,
        deducted: 3,
      }),
      expect.objectContaining({ townshipId: d.townshipId, villages: 1, households: 1, earned: 0 }),
    ]);
    const one = await report('villages', `from=${from}&to=${to}&township=${d.townshipId}`);
    expect(one.body.villages.map((v: { villageId: string }) => v.villageId)).toEqual([d.id]);
  });

  it('exports the same comparison as an Excel workbook', async () => {
    const res = await w.app.request(
      `/api/counties/${w.x.id}/reports/villages?from=${from}&to=${to}&format=xlsx`,
      { headers: { authorization: `Bearer ${w.x.officialToken}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(sheet[0]).toContain('户均积分');
    expect(sheet[1]?.slice(0, 4)).toEqual([1, '凤山乡', 1, '银川村']);
    expect(sheet).toHaveLength(4);
  });

  it('filters by program name, and names an unknown one', async () => {
    expect((await report('villages', `from=${from}&to=${to}&program=生态积分`)).body.totals.earned).toBe(20);
    const res = await report('villages', `from=${from}&to=${to}&program=${encodeURIComponent('没有的积分')}`);
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('program');
  });

  it('exports CSV that Excel opens in Chinese', async () => {
    const res = await w.app.request(
      `/api/counties/${w.x.id}/reports/villages?from=${from}&to=${to}&format=csv`,
      { headers: { authorization: `Bearer ${w.x.officialToken}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toContain('户均积分');
    const rate = Math.round((4 / (2 * monthsBetween(from, to).length)) * 1000) / 10;
    expect(lines[1]).toBe(`1,凤山乡,1,银川村,2,${rate},15,3,0,7.5,0,4`);
    expect(lines).toHaveLength(4);
  });

  it('gives the trend month by month and the category mix', async () => {
    const trend = await report('trend');
    expect(trend.status).toBe(200);
    expect(trend.body.trend.map((m: { month: string }) => m.month)).toEqual(monthsBetween(from, to));
    expect(trend.body.trend.at(-1)).toMatchObject({
      month: to,
      earned: 10,
      deducted: 3,
      records: 3,
      activeHouseholds: 3,
    });
    expect(trend.body.trend[0]).toMatchObject({ month: from, earned: 10, activeHouseholds: 2 });
    const mix = await report('categories');
    expect(
      mix.body.categories.map((c: { category: string; points: number }) => [c.category, c.points]),
    ).toEqual([
      ['环境卫生', 20],
      ['违规扣分', -3],
    ]);
  });

  it('signals refused self-approvals', async () => {
    const res = await report('anomalies');
    expect(res.status).toBe(200);
    expect(res.body.signals).toContainEqual(
      expect.objectContaining({
        kind: 'refused_self_approvals',
        villageId: w.a.id,
        villageName: '银川村',
        value: 1,
      }),
    );
  });

  it('refuses reversed, malformed and over-long ranges and unknown townships, naming the field', async () => {
    const cases: [string, string][] = [
      [`from=${to}&to=${from}`, 'to'],
      ['from=2026-13&to=2026-12', 'from'],
      ['from=2026/01', 'from'],
      ['from=2020-01&to=2023-01', 'from'],
      [`township=0000000000000000`, 'township'],
      ['bogus=1', 'bogus'],
    ];
    for (const [query, field] of cases) {
      const res = await report('villages', query);
      expect(res.status, query).toBe(400);
      expect(res.body.fields, query).toHaveProperty(field);
    }
    const csvTrend = await report('trend', 'format=csv');
    expect(csvTrend.status).toBe(400);
    expect(csvTrend.body.fields).toHaveProperty('format');
    const defaulted = await report('trend', 'from=2020-01');
    expect(defaulted.status).toBe(400);
    expect(defaulted.body.fields).toHaveProperty('from');
  });

  it('is for county staff only, and another county sees nothing', async () => {
    expect((await report('villages', '', w.x.adminToken)).status).toBe(200);
    expect((await report('villages', '', w.a.adminToken)).status).toBe(403);
    for (const kind of ['villages', 'trend', 'categories', 'anomalies']) {
      expect((await report(kind, '', w.y.officialToken)).status).toBe(404);
    }
  });
});

describe('village summary', () => {
  it('shows a village its own figures and its rank, and no other village’s figures', async () => {
    const res = await w.call('GET', `/api/villages/${w.b.id}/reports/summary?from=${from}&to=${to}`, {
      token: w.b.adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.figures).toMatchObject({ villageId: w.b.id, earned: 5, households: 1 });
    // Ranked among the villages that recorded points: 红旗村 (nothing recorded) is not counted.
    expect(res.body.rank).toEqual({ township: { rank: 2, of: 2 }, county: { rank: 2, of: 2 } });
    expect(res.body.topHouseholds).toEqual([expect.objectContaining({ number: '0001', balance: 5 })]);
    const text = JSON.stringify(res.body);
    for (const other of [w.a.id, d.id, '银川村', '红旗村']) expect(text).not.toContain(other);
  });

  it('tells a village that recorded nothing it is not started (未开展) rather than last', async () => {
    const res = await w.call('GET', `/api/villages/${d.id}/reports/summary?from=${from}&to=${to}`, {
      token: d.adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.figures).toMatchObject({ active: false, earned: 0 });
    expect(res.body.rank).toEqual({ township: { rank: null, of: 0 }, county: { rank: null, of: 2 } });
  });

  it('opens read-only for the county, and not for another county or village', async () => {
    const county = await w.call('GET', `/api/villages/${w.a.id}/reports/summary`, {
      token: w.x.officialToken,
    });
    expect(county.status).toBe(200);
    expect(county.body.figures.earned).toBe(15);
    expect(county.body.trend.at(-1)).toMatchObject({ month: to, earned: 5 });
    expect(
      (await w.call('GET', `/api/villages/${w.a.id}/reports/summary`, { token: w.y.officialToken })).status,
    ).toBe(404);
    expect(
      (await w.call('GET', `/api/villages/${w.a.id}/reports/summary`, { token: w.b.adminToken })).status,
    ).toBe(404);
  });
});
