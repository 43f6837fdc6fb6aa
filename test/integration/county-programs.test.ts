import { expireLapsedPoints } from '@xjf/data';
import { chinaDate, monthOf } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let countyBase: string;
let programId: string;
let ruleSetId: string;
const today = chinaDate(new Date());
const month = monthOf(new Date().toISOString());
/** One household in each of county X's villages A and B. */
const household: Record<string, string> = {};

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await w.call(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

beforeAll(async () => {
  w = await buildWorld();
  countyBase = `/api/counties/${w.x.id}`;
  for (const [v, head] of [
    [w.a, '游振林'],
    [w.b, '林茂平'],
  ] as const) {
    await ok('PATCH', `/api/villages/${v.id}`, v.adminToken, { postingDays: 0 });
    const h = await ok('POST', `/api/villages/${v.id}/households`, v.adminToken, {
      number: '0001',
      group: '第一组',
      members: [{ name: head, relation: '户主' }],
    });
    household[v.id] = h.id;
  }
});

/** Records under the county program in a village and approves it at once (posting is off). */
async function earn(v: typeof w.a, ruleCode: string, quantity?: number) {
  const base = `/api/villages/${v.id}`;
  const rec = await ok('POST', `${base}/point-records`, v.recorderToken, {
    programId,
    householdId: household[v.id],
    ruleCode,
    quantity,
    occurredOn: today,
  });
  return ok('POST', `${base}/point-records/${rec.id}/approve`, v.adminToken, {});
}

describe('a county-wide program (全县统一积分项目)', () => {
  it('is created by the county admin with rules from the Dafang template, published with a date', async () => {
    const program = await ok('POST', `${countyBase}/programs`, w.x.adminToken, { name: '生态积分' });
    expect(program).toMatchObject({ name: '生态积分', scope: 'county', accountHolder: 'household' });
    expect(program.villageId).toBeUndefined();
    programId = program.id;
    const ruleSet = await ok('POST', `${countyBase}/rule-sets`, w.x.adminToken, {
      programId,
      name: '大方县生态积分细则',
      templateId: 'builtin:dafang-eco',
    });
    expect(ruleSet).toMatchObject({ scope: 'county', latestVersion: 0, programId });
    ruleSetId = ruleSet.id;
    const version = await ok('POST', `${countyBase}/rule-sets/${ruleSetId}/publish`, w.x.adminToken, {
      effectiveFrom: today,
      note: '县农商行认可',
    });
    expect(version.version).toBe(1);
    const read = await ok('GET', `${countyBase}/rule-sets/${ruleSetId}`, w.x.officialToken);
    expect(read.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const listed = await ok('GET', `${countyBase}/programs`, w.x.officialToken);
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([programId]);
    const changed = await ok('PATCH', `${countyBase}/programs/${programId}`, w.x.adminToken, {
      description: '全县统一，县农商行据此评级',
    });
    expect(changed.description).toBe('全县统一，县农商行据此评级');
  });

  it("shows in every village's program list, marked county-wide, with its rules readable there", async () => {
    for (const v of [w.a, w.b]) {
      const programs = await ok('GET', `/api/villages/${v.id}/programs`, v.recorderToken);
      expect(programs.items).toContainEqual(expect.objectContaining({ id: programId, scope: 'county' }));
      const ruleSet = await ok('GET', `/api/villages/${v.id}/rule-sets/${ruleSetId}`, v.recorderToken);
      expect(ruleSet).toMatchObject({ scope: 'county', latestVersion: 1 });
      const active = await ok(
        'GET',
        `/api/villages/${v.id}/rule-sets/active?program=${programId}`,
        v.adminToken,
      );
      expect(active.content.rules.map((r: { code: string }) => r.code)).toContain('ECO-FOREST');
      const sets = await ok('GET', `/api/villages/${v.id}/rule-sets`, v.adminToken);
      expect(sets.items.map((r: { id: string }) => r.id)).toContain(ruleSetId);
    }
    const previewed = await ok(
      'POST',
      `/api/villages/${w.a.id}/rule-sets/${ruleSetId}/preview`,
      w.a.recorderToken,
      {
        ruleCode: 'ECO-FOREST',
        quantity: 400,
      },
    );
    expect(previewed).toMatchObject({ points: 200, capped: true });
  });

  it('refuses a village admin who tries to change it or its rules (403), and its name in the village', async () => {
    const a = `/api/villages/${w.a.id}`;
    const refused = [
      ['PATCH', `${a}/programs/${programId}`, { description: '村里改' }],
      ['PUT', `${a}/rule-sets/${ruleSetId}`, { content: { categories: [], rules: [] }, baseVersion: 1 }],
      ['POST', `${a}/rule-sets/${ruleSetId}/publish`, { effectiveFrom: '2030-01-01' }],
      [
        'PUT',
        `${a}/rule-sets/${ruleSetId}/rows`,
        {
          rows: [{ code: 'X', name: '村改', category: '村', kind: '固定', points: 1 }],
          baseVersion: 1,
        },
      ],
      ['POST', `${a}/rule-sets`, { programId, name: '村里的细则' }],
      ['PATCH', `${countyBase}/programs/${programId}`, { description: '村里改' }],
      [
        'PUT',
        `${countyBase}/rule-sets/${ruleSetId}`,
        { content: { categories: [], rules: [] }, baseVersion: 1 },
      ],
      ['POST', `${countyBase}/programs`, { name: '村建县项目' }],
    ] as const;
    for (const [method, path, body] of refused) {
      const res = await w.call(method, path, { token: w.a.adminToken, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.message).toMatch(/\(.+\)/);
    }
    const official = await w.call('POST', `${countyBase}/programs`, {
      token: w.x.officialToken,
      body: { name: '干部建项目' },
    });
    expect(official.status).toBe(403);
    const clash = await w.call('POST', `${a}/programs`, {
      token: w.a.adminToken,
      body: { name: '生态积分' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.fields).toHaveProperty('name');
    const rules = await ok('GET', `${countyBase}/rule-sets/${ruleSetId}`, w.x.adminToken);
    expect(rules.latestVersion).toBe(1);
    expect(rules.draft).toBeUndefined();
  });

  it('is invisible to another county and its villages (404)', async () => {
    const c = `/api/villages/${w.c.id}`;
    for (const [path, token] of [
      [`${countyBase}/programs`, w.y.adminToken],
      [`${countyBase}/rule-sets/${ruleSetId}`, w.y.officialToken],
      [`${c}/rule-sets/${ruleSetId}`, w.c.adminToken],
      [`${c}/rule-sets/active?program=${programId}`, w.c.recorderToken],
    ] as const) {
      const res = await w.call('GET', path, { token });
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(programId);
    }
    const own = await ok('GET', `/api/counties/${w.y.id}/programs`, w.y.adminToken);
    expect(own.items).toEqual([]);
    const villageC = await ok('GET', `${c}/programs`, w.c.adminToken);
    expect(villageC.items.map((p: { id: string }) => p.id)).not.toContain(programId);
    const record = await w.call('POST', `${c}/point-records`, {
      token: w.c.recorderToken,
      body: { programId, householdId: household[w.a.id], ruleCode: 'ECO-TRAVEL', occurredOn: today },
    });
    expect(record.status).toBe(404);
  });

  it('takes records in two villages onto their ledgers, capped across records of one account', async () => {
    expect((await earn(w.a, 'ECO-FOREST', 30)).points).toBe(150);
    const capped = await earn(w.a, 'ECO-FOREST', 20);
    expect(capped).toMatchObject({ status: 'effective', points: 50 });
    expect((await earn(w.a, 'ECO-FOREST', 5)).points).toBe(0);
    expect((await earn(w.b, 'ECO-HOMESTEAD', 500)).points).toBe(100);

    const ledgerA = await ok(
      'GET',
      `/api/villages/${w.a.id}/households/${household[w.a.id]}/ledger`,
      w.a.adminToken,
    );
    expect(ledgerA.accounts).toEqual([expect.objectContaining({ programId, balance: 200, earned: 200 })]);
    const ledgerB = await ok(
      'GET',
      `/api/villages/${w.b.id}/households/${household[w.b.id]}/ledger`,
      w.b.adminToken,
    );
    expect(ledgerB.accounts).toEqual([expect.objectContaining({ programId, balance: 100 })]);
  });

  it('takes a month grid and a file import under the county rules', async () => {
    const b = `/api/villages/${w.b.id}`;
    const grid = await ok('POST', `${b}/point-records/batch`, w.b.recorderToken, {
      programId,
      month,
      cells: [{ householdId: household[w.b.id], ruleCode: 'ECO-SACRIFICE' }],
    });
    expect(grid).toMatchObject({ created: 1, estimate: 5 });
    const file = await ok('POST', `${b}/point-records/import`, w.b.recorderToken, {
      programId,
      rows: [{ household: '0001', ruleName: '绿色出行', date: today }],
    });
    expect(file).toMatchObject({ created: 1, estimate: 20 });
    const pending = await ok('GET', `${b}/point-records?status=pending`, w.b.adminToken);
    for (const r of pending.items) await ok('POST', `${b}/point-records/${r.id}/approve`, w.b.adminToken, {});
    const ledger = await ok('GET', `${b}/households/${household[w.b.id]}/ledger`, w.b.adminToken);
    expect(ledger.accounts[0].balance).toBe(125);
  });

  it("counts in the county report like any program, and filters by the county program's name", async () => {
    const report = await ok(
      'GET',
      `${countyBase}/reports/villages?from=${month}&to=${month}&program=${encodeURIComponent('生态积分')}`,
      w.x.officialToken,
    );
    expect(report.totals.earned).toBe(325);
    const earned = Object.fromEntries(
      report.villages.map((v: { villageId: string; earned: number }) => [v.villageId, v.earned]),
    );
    expect(earned).toEqual({ [w.a.id]: 200, [w.b.id]: 125 });
  });

  it("resets a county program's accounts in each village when the county sets an annual reset", async () => {
    await ok('PATCH', `${countyBase}/programs/${programId}`, w.x.adminToken, {
      expiry: { kind: 'annual', on: '01-01' },
    });
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-02T10:00:00+08:00`;
    const lapsed = await expireLapsedPoints(
      w.db,
      { countyId: w.x.id, villageId: w.a.id },
      new Date(nextYear),
    );
    expect(lapsed).toBe(200);
    const ledger = await ok(
      'GET',
      `/api/villages/${w.a.id}/households/${household[w.a.id]}/ledger`,
      w.a.adminToken,
    );
    expect(ledger.accounts[0]).toMatchObject({ programId, balance: 0, earned: 200 });
  });
});
