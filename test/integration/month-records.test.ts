import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

/** Rules published on 2 March; the records are made on 20 May (China time). */
let now = new Date('2026-03-02T02:00:00Z');
let w: Awaited<ReturnType<typeof buildWorld>>;
let programId = '';
const households: string[] = [];

const base = () => `/api/villages/${w.a.id}`;
const recorder = () => ({ token: w.a.recorderToken });

async function record(householdId: string, ruleCode: string, occurredOn: string, quantity?: number) {
  return w.call('POST', `${base()}/point-records`, {
    ...recorder(),
    body: { programId, householdId, ruleCode, occurredOn, quantity },
  });
}

beforeAll(async () => {
  w = await buildWorld({ clock: () => now });
  const admin = { token: w.a.adminToken };
  const program = await w.call('POST', `${base()}/programs`, { ...admin, body: { name: '文明积分' } });
  const set = await w.call('POST', `${base()}/rule-sets`, {
    ...admin,
    body: { programId: program.body.id, name: '细则', templateId: 'builtin:xiaopo-civility' },
  });
  const published = await w.call('POST', `${base()}/rule-sets/${set.body.id}/publish`, {
    ...admin,
    body: { effectiveFrom: '2026-03-02' },
  });
  expect([program.status, set.status, published.status]).toEqual([201, 201, 201]);
  programId = program.body.id;
  for (const [number, head] of [
    ['0039', '张家富'],
    ['0040', '王国强'],
  ]) {
    const h = await w.call('POST', `${base()}/households`, {
      ...admin,
      body: { number, group: '第五组', members: [{ name: head, relation: '户主' }] },
    });
    households.push(h.body.id);
  }
  now = new Date('2026-05-20T04:00:00Z');
});

describe('the same monthly item twice (issue 15)', () => {
  it('refuses a second 庭院整洁 for a household in a month, with the cap’s reason', async () => {
    const [h39 = ''] = households;
    const first = await record(h39, 'HYG-YARD', '2026-05-03');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await record(h39, 'HYG-YARD', '2026-05-18');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('cap_reached');
    expect(again.body.fields.ruleCode).toContain('本月已达 1 次上限');
    // Another month, or a rule without a monthly limit, is not refused.
    expect((await record(h39, 'HYG-YARD', '2026-04-30')).status).toBe(201);
    expect((await record(h39, 'FAM-FILIAL', '2026-05-03')).status).toBe(201);
    expect((await record(h39, 'FAM-FILIAL', '2026-05-04')).status).toBe(201);
  });

  it('a rejected record no longer counts', async () => {
    const [, h40 = ''] = households;
    const first = await record(h40, 'HYG-YARD', '2026-05-05');
    expect(first.status).toBe(201);
    const rejected = await w.call('POST', `${base()}/point-records/${first.body.id}/reject`, {
      token: w.a.adminToken,
      body: { reason: '录错了户' },
    });
    expect(rejected.status).toBe(200);
    expect((await record(h40, 'HYG-YARD', '2026-05-06')).status).toBe(201);
  });

  it('refuses a grid cell whose household already has the monthly item, and writes nothing', async () => {
    const [h39 = '', h40 = ''] = households;
    const res = await w.call('POST', `${base()}/point-records/batch`, {
      ...recorder(),
      body: {
        programId,
        month: '2026-05',
        cells: [
          { householdId: h39, ruleCode: 'FAM-FILIAL' },
          { householdId: h39, ruleCode: 'HYG-YARD' },
          { householdId: h40, ruleCode: 'HYG-YARD' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('cap_reached');
    expect(Object.keys(res.body.fields)).toEqual(['cells.1.ruleCode', 'cells.2.ruleCode']);
    const month = await w.call('GET', `${base()}/point-records/month?month=2026-05&programId=${programId}`, {
      token: w.a.adminToken,
    });
    expect(month.body.items).toHaveLength(4);
  });

  it('refuses an imported row repeating the monthly item of another row', async () => {
    const res = await w.call('POST', `${base()}/point-records/import`, {
      ...recorder(),
      body: {
        programId,
        rows: [
          { household: '0039', ruleCode: 'HYG-YARD', date: '2026-03-10' },
          { household: '0039', ruleCode: 'HYG-YARD', date: '2026-03-20', note: '又评了一次' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('cap_reached');
    expect(Object.keys(res.body.fields)).toEqual(['rows.3.ruleCode']);
  });
});

describe('what a month holds', () => {
  it('lists the month’s pending, posted and effective records in one answer, not other months or rejected ones', async () => {
    const res = await w.call('GET', `${base()}/point-records/month?month=2026-05`, {
      token: w.a.recorderToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.month).toBe('2026-05');
    const items = res.body.items as {
      ruleCode: string;
      status: string;
      occurredOn: string;
      accountRef: string;
    }[];
    expect(items.map((i) => `${i.ruleCode}:${i.status}`).sort()).toEqual([
      'FAM-FILIAL:pending',
      'FAM-FILIAL:pending',
      'HYG-YARD:pending',
      'HYG-YARD:pending',
    ]);
    expect(items.every((i) => i.occurredOn.startsWith('2026-05'))).toBe(true);
    expect(items[0]?.accountRef).toContain(programId);
  });

  it('keeps approved records of the month as they move on', async () => {
    const village = await w.call('PATCH', `${base()}`, { token: w.a.adminToken, body: { postingDays: 0 } });
    expect(village.status).toBe(200);
    const month = await w.call('GET', `${base()}/point-records/month?month=2026-04`, {
      token: w.a.adminToken,
    });
    const [april] = month.body.items;
    const approved = await w.call('POST', `${base()}/point-records/${april.id}/approve`, {
      token: w.a.adminToken,
      body: {},
    });
    expect(approved.body.status).toBe('effective');
    const after = await w.call('GET', `${base()}/point-records/month?month=2026-04`, {
      token: w.a.adminToken,
    });
    expect(after.body.items).toEqual([
      expect.objectContaining({ id: april.id, status: 'effective', points: 5 }),
    ]);
    // And a second 庭院整洁 for that April is still refused once it is on the ledger.
    const again = await record(households[0] ?? '', 'HYG-YARD', '2026-04-29');
    expect(again.body.code).toBe('cap_reached');
  });

  it('validates the month and refuses another village’s caller', async () => {
    const bad = await w.call('GET', `${base()}/point-records/month?month=2026-13`, { token: w.a.adminToken });
    expect(bad.status).toBe(400);
    const other = await w.call('GET', `${base()}/point-records/month?month=2026-05`, {
      token: w.b.adminToken,
    });
    expect([403, 404]).toContain(other.status);
  });
});
