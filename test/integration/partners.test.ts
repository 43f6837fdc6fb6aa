import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

const DAY = 86_400_000;
/** The app's clock: it starts 500 days back so scores can be read as of past dates and windows. */
const start = new Date(`${chinaDate(new Date(Date.now() - 500 * DAY))}T12:00:00+08:00`);
let now = start;
let tick = 0;
const day = (n: number) => chinaDate(new Date(start.getTime() + n * DAY));
const levels = [
  { threshold: 100, label: '铜', benefit: '月利率 5.5‰' },
  { threshold: 300, label: '银', benefit: '月利率 4.5‰' },
  { threshold: 500, label: '金', benefit: '月利率 4.0‰' },
];

let w: Awaited<ReturnType<typeof buildWorld>>;
let eco: string;
let bank: { id: string; token: string };
let bankOfY: { token: string };
/** 游振林 (consents), 林茂平 (never does) in village A; one household each in B and in county Y's C. */
const h = { you: '', lin: '', inB: '', inC: '' };
let consentId: string;

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await w.call(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

const household = async (v: { id: string; adminToken: string }, head: string, number: string) =>
  (
    await ok('POST', `/api/villages/${v.id}/households`, v.adminToken, {
      number,
      group: '第一组',
      members: [{ name: head, relation: '户主' }],
    })
  ).id as string;

/** Records and approves a rule for 游振林 at day n (posting is off, so it takes effect then). */
async function earn(n: number, ruleCode: string, quantity?: number) {
  now = new Date(start.getTime() + n * DAY);
  const base = `/api/villages/${w.a.id}`;
  const rec = await ok('POST', `${base}/point-records`, w.a.recorderToken, {
    programId: eco,
    householdId: h.you,
    ruleCode,
    quantity,
    occurredOn: day(n),
  });
  await ok('POST', `${base}/point-records/${rec.id}/approve`, w.a.adminToken, {});
}

async function partnerIn(c: { id: string; adminToken: string }, programId: string) {
  const partner = await ok('POST', `/api/counties/${c.id}/partners`, c.adminToken, {
    name: '大方农商银行',
    programIds: [programId],
  });
  const user = await ok('POST', `/api/counties/${c.id}/users`, c.adminToken, {
    username: w.unique('bank'),
    name: '张信贷',
    role: 'partner',
    partnerId: partner.id,
  });
  expect(user.partnerId).toBe(partner.id);
  return { id: partner.id as string, token: await w.tokenFor(user) };
}

const score = (householdId: string, asOf?: string, token = bank.token) =>
  w.call('GET', `/api/partner/households/${householdId}/score${asOf ? `?asOf=${asOf}` : ''}`, { token });

beforeAll(async () => {
  // A millisecond more on every read, so look-ups made in one test still sort by time.
  w = await buildWorld({ clock: () => new Date(now.getTime() + tick++) });
  const program = await ok('POST', `/api/counties/${w.x.id}/programs`, w.x.adminToken, {
    name: '生态积分',
    tiers: { window: 'rolling12', levels },
  });
  eco = program.id;
  const set = await ok('POST', `/api/counties/${w.x.id}/rule-sets`, w.x.adminToken, {
    programId: eco,
    name: '大方县生态积分细则',
    templateId: 'builtin:dafang-eco',
  });
  await ok('POST', `/api/counties/${w.x.id}/rule-sets/${set.id}/publish`, w.x.adminToken, {
    effectiveFrom: day(0),
  });
  await ok('PATCH', `/api/villages/${w.a.id}`, w.a.adminToken, { postingDays: 0 });
  [h.you, h.lin, h.inB, h.inC] = await Promise.all([
    household(w.a, '游振林', '0001'),
    household(w.a, '林茂平', '0002'),
    household(w.b, '杨光明', '0001'),
    household(w.c, '罗文军', '0001'),
  ]);
  await earn(0, 'ECO-FOREST', 20); // 100
  await earn(200, 'ECO-HOMESTEAD', 500); // 100
  await earn(400, 'ECO-TRAVEL'); // 20
  await earn(400, 'ECO-FOREST', 38); // 190: 310 in the twelve months to day 400
  await earn(401, 'ECO-BURN'); // -10: exactly 300
  await earn(402, 'ECO-BURN'); // -10: 290, one tier down
  now = new Date(start.getTime() + 403 * DAY);
  bank = await partnerIn(w.x, eco);
  const programOfY = await ok('POST', `/api/counties/${w.y.id}/programs`, w.y.adminToken, {
    name: '生态积分',
  });
  bankOfY = await partnerIn(w.y, programOfY.id);
});

describe('tiers on a program', () => {
  it('are set on a village program, validated, and removed with null', async () => {
    const base = `/api/villages/${w.a.id}/programs`;
    const bad = await w.call('POST', base, {
      token: w.a.adminToken,
      body: { name: '文明积分', tiers: { window: 'ever', levels: [levels[1], levels[0]] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty(['tiers.levels.1.threshold']);
    const program = await ok('POST', base, w.a.adminToken, {
      name: '文明积分',
      tiers: { window: 'calendarYear', levels },
    });
    expect(program.tiers).toEqual({ window: 'calendarYear', levels });
    const changed = await ok('PATCH', `${base}/${program.id}`, w.a.adminToken, {
      tiers: { window: 'ever', levels: levels.slice(0, 1) },
    });
    expect(changed.tiers.levels).toHaveLength(1);
    const removed = await ok('PATCH', `${base}/${program.id}`, w.a.adminToken, { tiers: null });
    expect(removed.tiers).toBeUndefined();
    const county = await w.call('PATCH', `${base}/${eco}`, {
      token: w.a.adminToken,
      body: { tiers: { window: 'ever', levels } },
    });
    expect(county.status).toBe(403);
  });
});

describe('partners and their users', () => {
  it('lists the county’s partners to its admin and refuses partners on programs the county does not run', async () => {
    const list = await ok('GET', `/api/counties/${w.x.id}/partners`, w.x.officialToken);
    expect(list.items).toEqual([expect.objectContaining({ id: bank.id, programIds: [eco] })]);
    const foreign = await w.call('POST', `/api/counties/${w.x.id}/partners`, {
      token: w.x.adminToken,
      body: { name: '外县银行', programIds: ['0000000000000000'] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toHaveProperty('programIds.0');
    const user = await w.call('POST', `/api/counties/${w.x.id}/users`, {
      token: w.x.adminToken,
      body: { username: w.unique('bank'), name: '某人', role: 'county_official', partnerId: bank.id },
    });
    expect(user.status).toBe(400);
  });

  it('keeps a partner user out of village and county routes', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/villages/${w.a.id}/households`, undefined],
      ['GET', `/api/villages/${w.a.id}/households/${h.you}/ledger`, undefined],
      ['GET', `/api/counties/${w.x.id}/villages`, undefined],
      [
        'POST',
        `/api/villages/${w.a.id}/households/${h.lin}/consents`,
        { partnerId: bank.id, grantedOn: day(403) },
      ],
    ] as const) {
      const res = await w.call(method, path, { token: bank.token, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await w.call('GET', '/api/partner/households', { token: w.x.adminToken })).status).toBe(403);
  });
});

describe('consent and a partner’s look-ups', () => {
  it('records a consent with its day, once, never dated in the future, by the village admin only', async () => {
    const path = `/api/villages/${w.a.id}/households/${h.you}/consents`;
    const future = await w.call('POST', path, {
      token: w.a.adminToken,
      body: { partnerId: bank.id, grantedOn: day(404) },
    });
    expect(future.status).toBe(400);
    const byRecorder = await w.call('POST', path, {
      token: w.a.recorderToken,
      body: { partnerId: bank.id, grantedOn: day(403) },
    });
    expect(byRecorder.status).toBe(403);
    const consent = await ok('POST', path, w.a.adminToken, { partnerId: bank.id, grantedOn: day(403) });
    expect(consent).toMatchObject({ partnerName: '大方农商银行', grantedOn: day(403) });
    consentId = consent.id;
    const again = await w.call('POST', path, {
      token: w.a.adminToken,
      body: { partnerId: bank.id, grantedOn: day(403) },
    });
    expect(again.status).toBe(409);
  });

  it('lists consenting households to the partner only, searchable by name', async () => {
    const all = await ok('GET', '/api/partner/households', bank.token);
    expect(all.items).toEqual([
      expect.objectContaining({
        householdId: h.you,
        headName: '游振林',
        villageName: '银川村',
        villageId: w.a.id,
      }),
    ]);
    expect(
      (await ok('GET', `/api/partner/households?q=${encodeURIComponent('振林')}`, bank.token)).items,
    ).toHaveLength(1);
    expect(
      (await ok('GET', `/api/partner/households?q=${encodeURIComponent('林茂')}`, bank.token)).items,
    ).toEqual([]);
    expect((await ok('GET', '/api/partner/households', bankOfY.token)).items).toEqual([]);
  });

  it('gives the score, tier and breakdown as of a day, on exact tier boundaries', async () => {
    const atThreshold = (await score(h.you, day(401))).body;
    expect(atThreshold).toMatchObject({
      score: 300,
      tier: levels[1],
      nextTier: { label: '金', pointsToGo: 200 },
      window: { kind: 'rolling12', to: day(401) },
      household: { headName: '游振林', villageName: '银川村' },
      program: { id: eco, name: '生态积分' },
      consent: { id: consentId },
    });
    const oneBelow = (await score(h.you, day(402))).body;
    expect(oneBelow).toMatchObject({ score: 290, tier: levels[0] });
    expect(oneBelow.breakdown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleCode: 'ECO-FOREST', points: 190, entries: 1 }),
        expect.objectContaining({ ruleCode: 'ECO-BURN', points: -20, entries: 2 }),
      ]),
    );
    expect((await score(h.you)).body.asOf).toBe(day(403));
  });

  it('reads past dates, before the consent was given, within the window', async () => {
    expect((await score(h.you, day(400))).body.score).toBe(310);
    expect((await score(h.you, day(150))).body).toMatchObject({ score: 100, tier: levels[0] });
    expect((await score(h.you, day(-1))).body).toMatchObject({ score: 0, tier: null });
    // Twelve months on, the first planting has left the rolling window.
    expect((await score(h.you, day(370))).body.score).toBe(100);
  });

  it('follows a changed window: ever counts every earned point', async () => {
    await ok('PATCH', `/api/counties/${w.x.id}/programs/${eco}`, w.x.adminToken, {
      tiers: { window: 'ever', levels },
    });
    expect((await score(h.you, day(402))).body).toMatchObject({ score: 390, tier: levels[1] });
    await ok('PATCH', `/api/counties/${w.x.id}/programs/${eco}`, w.x.adminToken, {
      tiers: { window: 'rolling12', levels },
    });
  });

  it('refuses a future date, no consent, another county’s household and another county’s partner', async () => {
    const future = await score(h.you, day(404));
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('future_date');
    for (const id of [h.lin, h.inB]) {
      const res = await score(id);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('no_consent');
      expect(res.body.message).toMatch(/未授权.*\(.*consent/);
    }
    expect((await score(h.inC)).status).toBe(404);
    const foreign = await score(h.you, undefined, bankOfY.token);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('游振林');
  });

  it('refuses every date once the consent is withdrawn, and keeps the history', async () => {
    const base = `/api/villages/${w.a.id}/households/${h.you}/consents`;
    const early = await w.call('POST', `${base}/${consentId}/withdraw`, {
      token: w.a.adminToken,
      body: { withdrawnOn: day(402) },
    });
    expect(early.status).toBe(400);
    const withdrawn = await ok('POST', `${base}/${consentId}/withdraw`, w.a.adminToken, {
      withdrawnOn: day(403),
      reason: '农户要求',
    });
    expect(withdrawn.withdrawnOn).toBe(day(403));
    const twice = await w.call('POST', `${base}/${consentId}/withdraw`, {
      token: w.a.adminToken,
      body: { withdrawnOn: day(403) },
    });
    expect(twice.status).toBe(409);
    for (const asOf of [day(403), day(150)]) {
      const res = await score(h.you, asOf);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('consent_withdrawn');
    }
    expect((await ok('GET', '/api/partner/households', bank.token)).items).toEqual([]);
    const history = await ok('GET', base, w.a.recorderToken);
    expect(history.items).toEqual([expect.objectContaining({ id: consentId, withdrawnOn: day(403) })]);
  });

  it('logs every look-up, allowed and refused, in the household’s village', async () => {
    const you = await ok(
      'GET',
      `/api/villages/${w.a.id}/households/${h.you}/partner-lookups?limit=100`,
      w.a.adminToken,
    );
    const outcomes = you.items.map((l: { outcome: string }) => l.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['allowed', 'future_date', 'consent_withdrawn']));
    expect(you.items[0]).toMatchObject({
      partnerName: '大方农商银行',
      byName: '张信贷',
      outcome: 'consent_withdrawn',
    });
    const lin = await ok(
      'GET',
      `/api/villages/${w.a.id}/households/${h.lin}/partner-lookups`,
      w.a.adminToken,
    );
    expect(lin.items.map((l: { outcome: string }) => l.outcome)).toEqual(['no_consent']);
    const inB = await ok(
      'GET',
      `/api/villages/${w.b.id}/households/${h.inB}/partner-lookups`,
      w.b.adminToken,
    );
    expect(inB.items).toHaveLength(1);
    const audit = await ok('GET', `/api/villages/${w.a.id}/audit?limit=100`, w.a.adminToken);
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['consent', 'consent_withdraw', 'partner_lookup']));
    // County Y's village never hears of county X's partner.
    const c = await ok('GET', `/api/villages/${w.c.id}/households/${h.inC}/partner-lookups`, w.c.adminToken);
    expect(c.items).toEqual([]);
  });

  it('lets the household consent again after a withdrawal', async () => {
    const base = `/api/villages/${w.a.id}/households/${h.you}/consents`;
    await ok('POST', base, w.a.adminToken, { partnerId: bank.id, grantedOn: day(403) });
    expect((await score(h.you, day(401))).body.score).toBe(300);
    expect((await ok('GET', base, w.a.adminToken)).items).toHaveLength(2);
  });
});
