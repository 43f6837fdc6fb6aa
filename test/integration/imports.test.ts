import { allHouseholds, householdNumbers, newHousehold, writeHouseholds } from '@xjf/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

/** Rules published on 2 March; the imports then run on 20 May (China time). */
let now = new Date('2026-03-02T02:00:00Z');
let w: Awaited<ReturnType<typeof buildWorld>>;
const programOf: Record<string, string> = {};

async function publishProgram(villageId: string, token: string, templateId: string) {
  const base = `/api/villages/${villageId}`;
  const program = await w.call('POST', `${base}/programs`, { token, body: { name: '积分' } });
  const set = await w.call('POST', `${base}/rule-sets`, {
    token,
    body: { programId: program.body.id, name: '细则', templateId },
  });
  const published = await w.call('POST', `${base}/rule-sets/${set.body.id}/publish`, {
    token,
    body: { effectiveFrom: '2026-03-02' },
  });
  expect([program.status, set.status, published.status]).toEqual([201, 201, 201]);
  programOf[villageId] = program.body.id;
}

/** A roster of `households` households, 1 to 4 people each, one row per person. */
function roster(households: number, from = 1) {
  const rows: Record<string, string>[] = [];
  for (let h = from; h < from + households; h++) {
    const number = String(h).padStart(4, '0');
    const group = `第${(h % 9) + 1}组`;
    rows.push({
      number,
      group,
      name: `户主${h}`,
      relation: '户主',
      phone: `139${String(h).padStart(8, '0')}`,
    });
    for (let m = 1; m < (h % 4) + 1; m++) rows.push({ number: '', name: `成员${h}-${m}`, relation: '子女' });
  }
  return rows;
}

async function pendingCount(villageId: string, token: string) {
  let count = 0;
  let cursor: string | undefined;
  do {
    const query = `status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await w.call('GET', `/api/villages/${villageId}/point-records?${query}`, { token });
    count += page.body.items.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return count;
}

const scopeOf = (villageId: string) => ({ countyId: w.x.id, villageId });

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  await publishProgram(w.a.id, w.a.adminToken, 'builtin:dafang-eco');
  await publishProgram(w.b.id, w.b.adminToken, 'builtin:yinzhai-volunteer');
  now = new Date('2026-05-20T04:00:00Z');
});

describe('roster import', () => {
  it('imports 2,000 households of 5,000 people in one file', { timeout: 120_000 }, async () => {
    const rows = roster(2000);
    expect(rows).toHaveLength(5000);
    const started = performance.now();
    const res = await w.call('POST', `/api/villages/${w.a.id}/households/import`, {
      token: w.a.adminToken,
      body: { rows },
    });
    const ms = Math.round(performance.now() - started);
    console.info(`roster import: 2,000 households, 5,000 rows in ${ms} ms`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body).toEqual({ households: 2000, members: 5000 });
    const stored = await allHouseholds(w.db, scopeOf(w.a.id));
    expect(stored).toHaveLength(2000);
    const found = await w.call(
      'GET',
      `/api/villages/${w.a.id}/households?q=${encodeURIComponent('成员7-3')}`,
      {
        token: w.a.recorderToken,
      },
    );
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ number: '0007', group: '第8组', headName: '户主7' });
    expect(found.body.items[0].members).toHaveLength(4);
  });

  it('writes nothing from a file with bad rows, and names each of them', async () => {
    const rows = roster(20);
    rows[3] = { ...rows[3], phone: '1234' };
    rows[10] = { ...rows[10], relation: '表哥' };
    rows.push({ number: '0001', group: '第3组', name: '另一户主', relation: '户主' });
    const res = await w.call('POST', `/api/villages/${w.b.id}/households/import`, {
      token: w.b.adminToken,
      body: { rows: rows.map((r, i) => ({ ...r, sheetRow: i + 3 })) },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_rejected');
    expect(Object.keys(res.body.fields).sort()).toEqual(
      [
        `rows.6.phone`,
        `rows.13.relation`,
        `rows.${rows.length + 2}.group`,
        `rows.${rows.length + 2}.relation`,
      ].sort(),
    );
    expect(await allHouseholds(w.db, scopeOf(w.b.id))).toHaveLength(0);
  });

  it('refuses 户号 already in the village', async () => {
    const res = await w.call('POST', `/api/villages/${w.a.id}/households/import`, {
      token: w.a.adminToken,
      body: { rows: roster(3, 1999) },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['rows.2.number', 'rows.6.number']);
    expect(await allHouseholds(w.db, scopeOf(w.a.id))).toHaveLength(2000);
  });

  it('answers a replay with the first answer and imports once', async () => {
    const call = () =>
      w.call('POST', `/api/villages/${w.b.id}/households/import`, {
        token: w.b.adminToken,
        body: { rows: roster(5) },
        idempotencyKey: 'roster-import-b-1',
      });
    const first = await call();
    const again = await call();
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await allHouseholds(w.db, scopeOf(w.b.id))).toHaveLength(5);
  });

  it('undoes what it wrote when a 户号 is registered meanwhile', async () => {
    const scope = scopeOf(w.b.id);
    const taken = await w.call('POST', `/api/villages/${w.b.id}/households`, {
      token: w.b.adminToken,
      body: { number: '7777', group: '第一组', members: [{ name: '抢先户', relation: '户主' }] },
    });
    expect(taken.status).toBe(201);
    const before = await householdNumbers(w.db, scope);
    // Validated before 7777 was registered: 120 households in three transactions, the last clashing.
    const households = Array.from({ length: 120 }, (_, i) => ({
      firstRow: i + 2,
      household: newHousehold(
        scope,
        {
          number: i === 119 ? '7777' : `8${String(i).padStart(3, '0')}`,
          group: '第一组',
          members: [{ name: `户主${i}`, relation: '户主' }],
        },
        now,
      ),
    }));
    await expect(writeHouseholds(w.db, scope, households)).rejects.toMatchObject({
      status: 409,
      code: 'roster_import_conflict',
      fields: { 'rows.121.number': expect.stringContaining('7777') },
    });
    expect(await householdNumbers(w.db, scope)).toEqual(before);
    expect(await allHouseholds(w.db, scope)).toHaveLength(before.size);
  });

  it('lets only the village admin import, and only into their own village', async () => {
    const body = { rows: roster(1, 9000) };
    const recorder = await w.call('POST', `/api/villages/${w.b.id}/households/import`, {
      token: w.b.recorderToken,
      body,
    });
    expect(recorder.status).toBe(403);
    for (const villageId of [w.b.id, w.c.id]) {
      const res = await w.call('POST', `/api/villages/${villageId}/households/import`, {
        token: w.a.adminToken,
        body,
      });
      expect(res.status).toBe(404);
    }
    expect((await householdNumbers(w.db, scopeOf(w.b.id))).has('9000')).toBe(false);
  });
});

describe('point-record import', () => {
  it('records 5,000 rows as pending records under the rules of their dates', {
    timeout: 120_000,
  }, async () => {
    let estimate = 0;
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const household = String((i % 2000) + 1).padStart(4, '0');
      if (i % 2) {
        estimate += 5;
        return {
          household,
          ruleCode: 'ECO-SACRIFICE',
          date: `2026-04-${String((i % 28) + 1).padStart(2, '0')}`,
        };
      }
      const quantity = (i % 7) + 1;
      estimate += 5 * quantity;
      return {
        household,
        ruleName: '林下种植',
        quantity,
        date: `2026/5/${(i % 19) + 1}`,
        note: `第 ${i} 条`,
      };
    });
    const started = performance.now();
    const res = await w.call('POST', `/api/villages/${w.a.id}/point-records/import`, {
      token: w.a.recorderToken,
      body: { programId: programOf[w.a.id], rows },
    });
    const ms = Math.round(performance.now() - started);
    console.info(`point-record import: 5,000 rows in ${ms} ms`);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body).toEqual({ created: 5000, estimate });
    expect(await pendingCount(w.a.id, w.a.adminToken)).toBe(5000);
    const first = await w.call('GET', `/api/villages/${w.a.id}/point-records?status=pending&limit=1`, {
      token: w.a.adminToken,
    });
    expect(first.body.items[0]).toMatchObject({
      status: 'pending',
      ruleVersion: 1,
      recordedByName: '积分员',
    });
  });

  it('writes nothing from a file with bad rows, and names each of them', async () => {
    const before = await pendingCount(w.b.id, w.b.adminToken);
    const res = await w.call('POST', `/api/villages/${w.b.id}/point-records/import`, {
      token: w.b.recorderToken,
      body: {
        programId: programOf[w.b.id],
        rows: [
          { household: '0001', ruleCode: 'VOL-EVENT', date: '2026-05-01' },
          { household: '0404', ruleCode: 'VOL-EVENT', date: '2026-05-01' },
          { household: '0002', ruleCode: 'VOL-HOURS', date: '2026-05-01' },
          { household: '0003', ruleCode: 'VOL-EVENT', date: '2026-05-21' },
          { household: '0004', ruleCode: 'NO-SUCH', date: '2026-05-01' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_rejected');
    expect(Object.keys(res.body.fields)).toEqual([
      'rows.3.household',
      'rows.4.quantity',
      'rows.5.date',
      'rows.6.ruleCode',
    ]);
    expect(await pendingCount(w.b.id, w.b.adminToken)).toBe(before);
  });

  it('refuses another village’s program, and another village’s caller', async () => {
    const body = {
      programId: programOf[w.b.id],
      rows: [{ household: '0001', ruleCode: 'VOL-EVENT', date: '2026-05-01' }],
    };
    const foreignProgram = await w.call('POST', `/api/villages/${w.a.id}/point-records/import`, {
      token: w.a.recorderToken,
      body,
    });
    expect(foreignProgram.status).toBe(404);
    const foreignCaller = await w.call('POST', `/api/villages/${w.b.id}/point-records/import`, {
      token: w.a.recorderToken,
      body,
    });
    expect(foreignCaller.status).toBe(404);
    expect(await pendingCount(w.b.id, w.b.adminToken)).toBe(0);
  });
});

describe('month grid', () => {
  const grid = (body: Record<string, unknown>, key?: string) =>
    w.call('POST', `/api/villages/${w.b.id}/point-records/batch`, {
      token: w.b.recorderToken,
      body: { programId: programOf[w.b.id], ...body },
      idempotencyKey: key,
    });
  let ids: string[];
  beforeAll(async () => {
    ids = (await allHouseholds(w.db, scopeOf(w.b.id))).map((h) => h.id);
  });

  it("records April's participation as pending records dated 30 April, once per key", async () => {
    const cells = ids.slice(0, 3).flatMap((householdId) => [
      { householdId, ruleCode: 'VOL-EVENT' },
      { householdId, ruleCode: 'VOL-HOURS', quantity: 4 },
    ]);
    const first = await grid({ month: '2026-04', cells }, 'grid-b-2026-04');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ created: 6, occurredOn: '2026-04-30' });
    const again = await grid({ month: '2026-04', cells }, 'grid-b-2026-04');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const pending = await w.call('GET', `/api/villages/${w.b.id}/point-records?status=pending`, {
      token: w.b.adminToken,
    });
    expect(pending.body.items).toHaveLength(6);
    expect(new Set(pending.body.items.map((r: { occurredOn: string }) => r.occurredOn))).toEqual(
      new Set(['2026-04-30']),
    );
  });

  it('dates the running month today and refuses a month not yet begun', async () => {
    const cells = [{ householdId: ids[0], ruleCode: 'VOL-EVENT' }];
    const may = await grid({ month: '2026-05', cells });
    expect(may.body).toMatchObject({ created: 1, occurredOn: '2026-05-20' });
    const june = await grid({ month: '2026-06', cells });
    expect(june.status).toBe(400);
    expect(june.body.fields).toHaveProperty('month');
  });

  it('writes nothing when a cell is bad, naming each bad cell', async () => {
    const before = await pendingCount(w.b.id, w.b.adminToken);
    const [aHousehold] = await allHouseholds(w.db, scopeOf(w.a.id));
    const res = await grid({
      month: '2026-04',
      cells: [
        { householdId: ids[1], ruleCode: 'VOL-EVENT' },
        { householdId: aHousehold?.id, ruleCode: 'VOL-EVENT' },
        { householdId: ids[1], ruleCode: 'VOL-HOURS' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('grid_rejected');
    expect(Object.keys(res.body.fields)).toEqual(['cells.1.householdId', 'cells.2.quantity']);
    expect(await pendingCount(w.b.id, w.b.adminToken)).toBe(before);
  });
});
