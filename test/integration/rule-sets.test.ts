import { chinaDate } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let base: string;
let programId: string;
let ruleSetId: string;
const today = chinaDate(new Date());
const inDays = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  w = await buildWorld();
  base = `/api/villages/${w.a.id}`;
  const program = await w.call('POST', `${base}/programs`, {
    token: w.a.adminToken,
    body: { name: '生态积分' },
  });
  expect(program.status).toBe(201);
  programId = program.body.id;
  const created = await w.call('POST', `${base}/rule-sets`, {
    token: w.a.adminToken,
    body: { programId, name: '银川村生态积分细则', templateId: 'builtin:dafang-eco' },
  });
  expect(created.status).toBe(201);
  ruleSetId = created.body.id;
});

const admin = () => w.a.adminToken;

async function draftOf(id = ruleSetId) {
  return (await w.call('GET', `${base}/rule-sets/${id}`, { token: admin() })).body;
}

describe('rule set lifecycle', () => {
  it('starts a draft from the Dafang template with version 0', async () => {
    const set = await draftOf();
    expect(set).toMatchObject({ programId, latestVersion: 0, versions: [] });
    expect(set.draft.content.rules.map((r: { code: string }) => r.code)).toContain('ECO-FOREST');
  });

  it('previews the draft: 180 m² of homestead is 36 points, explained', async () => {
    const res = await w.call('POST', `${base}/rule-sets/${ruleSetId}/preview`, {
      token: w.a.recorderToken,
      body: { ruleCode: 'ECO-HOMESTEAD', quantity: 180 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      points: 36,
      uncapped: 36,
      capped: false,
      explanation: {
        zh: '宅基地 180 m² ÷ 5 m² × 1 分 = 36 分',
        en: '宅基地: 180 m² ÷ 5 m² × 1 pts = 36 pts',
      },
    });
  });

  it('publishes version 1, effective today, and serves it as the active version', async () => {
    const res = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token: admin(),
      body: { effectiveFrom: today, note: '首版' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, effectiveFrom: today, note: '首版' });
    const set = await draftOf();
    expect(set.latestVersion).toBe(1);
    expect(set.draft).toBeUndefined();
    const active = await w.call('GET', `${base}/rule-sets/active?program=${programId}`, {
      token: w.a.recorderToken,
    });
    expect(active.body.version).toBe(1);
  });

  it('starts a new draft when a published set is edited, leaving version 1 unchanged', async () => {
    const v1 = (await w.call('GET', `${base}/rule-sets/${ruleSetId}/versions/1`, { token: admin() })).body;
    const content = structuredClone(v1.content);
    const forest = content.rules.find((r: { code: string }) => r.code === 'ECO-FOREST');
    forest.cap.maxPoints = 300;
    const saved = await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
      token: admin(),
      body: { content, baseVersion: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.baseVersion).toBe(1);
    const again = await w.call('GET', `${base}/rule-sets/${ruleSetId}/versions/1`, { token: admin() });
    expect(again.body).toEqual(v1);
  });

  it('publishes a future version while today keeps version 1 in effect', async () => {
    const res = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token: admin(),
      body: { effectiveFrom: inDays(30) },
    });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(2);
    const active = await w.call('GET', `${base}/rule-sets/active?program=${programId}`, { token: admin() });
    expect(active.body.version).toBe(1);
    const preview2 = await w.call('POST', `${base}/rule-sets/${ruleSetId}/preview`, {
      token: admin(),
      body: { ruleCode: 'ECO-FOREST', quantity: 400, version: 2 },
    });
    expect(preview2.body.points).toBe(300);
    const set = await draftOf();
    expect(set.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses a stale editor with 409 and keeps the published versions', async () => {
    const res = await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
      token: admin(),
      body: { content: { categories: ['x'], rules: [] }, baseVersion: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'version_conflict', fields: { baseVersion: expect.any(String) } });
    expect((await draftOf()).latestVersion).toBe(2);
  });

  it('refuses to publish when there is no draft, or an empty one, or a date before the last version', async () => {
    const nothing = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token: admin(),
      body: { effectiveFrom: inDays(40) },
    });
    expect(nothing).toMatchObject({ status: 400, body: { code: 'nothing_to_publish' } });
    await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
      token: admin(),
      body: { content: { categories: [], rules: [] }, baseVersion: 2 },
    });
    const empty = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token: admin(),
      body: { effectiveFrom: inDays(40) },
    });
    expect(empty).toMatchObject({ status: 400, body: { code: 'empty_rule_set' } });
    const v2 = (await w.call('GET', `${base}/rule-sets/${ruleSetId}/versions/2`, { token: admin() })).body;
    await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
      token: admin(),
      body: { content: v2.content, baseVersion: 2 },
    });
    const early = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
      token: admin(),
      body: { effectiveFrom: inDays(10) },
    });
    expect(early.status).toBe(400);
    expect(early.body.fields).toHaveProperty('effectiveFrom');
  });

  it('names the rule at fault when a draft has a duplicate code', async () => {
    const v2 = (await w.call('GET', `${base}/rule-sets/${ruleSetId}/versions/2`, { token: admin() })).body;
    const content = structuredClone(v2.content);
    content.rules[1].code = content.rules[0].code;
    const res = await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
      token: admin(),
      body: { content, baseVersion: 2 },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['content.rules.1.code']);
  });

  it('gives a program only one rule set', async () => {
    const res = await w.call('POST', `${base}/rule-sets`, {
      token: admin(),
      body: { programId, name: '第二套' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('program_has_rule_set');
  });
});

describe('rule sets as spreadsheet rows', () => {
  it('exports a version as rows with Chinese headers and imports them back as the draft', async () => {
    const exported = await w.call('GET', `${base}/rule-sets/${ruleSetId}/rows?version=2`, {
      token: w.a.recorderToken,
    });
    expect(exported.status).toBe(200);
    expect(exported.body.columns.slice(0, 3)).toEqual([
      { key: 'code', header: '编码' },
      { key: 'name', header: '名称' },
      { key: 'category', header: '类别' },
    ]);
    const forest = exported.body.rows.find((r: { code: string }) => r.code === 'ECO-FOREST');
    expect(forest).toMatchObject({ kind: '按量', points: 5, unit: '亩', capPoints: 300, capPeriod: '每年' });
    forest.capPoints = '250';
    const imported = await w.call('PUT', `${base}/rule-sets/${ruleSetId}/rows`, {
      token: admin(),
      body: { rows: exported.body.rows, baseVersion: 2 },
    });
    expect(imported.status).toBe(200);
    const rule = imported.body.draft.content.rules.find((r: { code: string }) => r.code === 'ECO-FOREST');
    expect(rule.cap).toEqual({ maxPoints: 250, period: 'year' });
  });

  it('imports nothing from a sheet with bad rows and lists each bad cell', async () => {
    const before = (await draftOf()).draft;
    const res = await w.call('PUT', `${base}/rule-sets/${ruleSetId}/rows`, {
      token: admin(),
      body: {
        rows: [
          { code: 'OK-1', name: '好规则', category: '环境卫生', kind: '固定', points: 5 },
          { code: 'BAD-1', name: '', category: '环境卫生', kind: '固定', points: 0 },
          {
            code: 'BAD-2',
            name: '坏单位',
            category: '环境卫生',
            kind: '按量',
            points: 1,
            unitSize: 5,
            unit: '斤',
          },
        ],
        baseVersion: 2,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_rejected');
    expect(Object.keys(res.body.fields).sort()).toEqual(['rows.3.name', 'rows.3.points', 'rows.4.unit']);
    expect((await draftOf()).draft).toEqual(before);
  });
});

describe('who may change rules', () => {
  it('lets recorders and county officials read but not change rules', async () => {
    for (const token of [w.a.recorderToken, w.x.officialToken]) {
      expect((await w.call('GET', `${base}/rule-sets/${ruleSetId}`, { token })).status).toBe(200);
      const put = await w.call('PUT', `${base}/rule-sets/${ruleSetId}`, {
        token,
        body: { content: { categories: [], rules: [] }, baseVersion: 2 },
      });
      expect(put.status).toBe(403);
      const publish = await w.call('POST', `${base}/rule-sets/${ruleSetId}/publish`, {
        token,
        body: { effectiveFrom: inDays(50) },
      });
      expect(publish.status).toBe(403);
    }
  });
});

describe('templates', () => {
  it('offers the built-in templates and the county’s own to its villages only', async () => {
    const created = await w.call('POST', `/api/counties/${w.x.id}/rule-templates`, {
      token: w.x.adminToken,
      body: {
        name: '大方县统一生态积分',
        content: {
          categories: ['生态保护'],
          rules: [{ code: 'E1', name: '植树', category: '生态保护', shape: { kind: 'fixed', points: 2 } }],
        },
      },
    });
    expect(created.status).toBe(201);
    const mine = await w.call('GET', '/api/rule-templates', { token: w.a.adminToken });
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['builtin:dafang-eco', 'builtin:public-affairs', created.body.id]),
    );
    const theirs = await w.call('GET', '/api/rule-templates', { token: w.c.adminToken });
    expect(theirs.body.items.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    const program = await w.call('POST', `/api/villages/${w.c.id}/programs`, {
      token: w.c.adminToken,
      body: { name: '偷用模板' },
    });
    const stolen = await w.call('POST', `/api/villages/${w.c.id}/rule-sets`, {
      token: w.c.adminToken,
      body: { programId: program.body.id, name: '偷用', templateId: created.body.id },
    });
    expect(stolen.status).toBe(404);
  });
});
