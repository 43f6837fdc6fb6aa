import { chinaDate } from '@xjf/domain';
import { expect } from 'vitest';
import { buildWorld } from './world';

let w: Awaited<ReturnType<typeof buildWorld>>;
/** Village C's rule set, published once, so rule routes have something to refuse. */
let ruleSetOfC: {
  programId: string;
  ruleSetId: string;
  householdId: string;
  recordId: string;
  itemId: string;
  redemptionId: string;
  /** Village C's admin, whose household link the intruders try to set. */
  userId: string;
};
/**
 * The two-county world with village C holding one of everything (a published rule set, a
 * household, a record, a store item and a sale), so routes have something real to refuse or to
 * validate against.
 */
export async function tenantWorld() {
  w = await buildWorld();
  const program = await w.call('POST', `/api/villages/${w.c.id}/programs`, {
    token: w.c.adminToken,
    body: { name: '志愿服务积分' },
  });
  const ruleSet = await w.call('POST', `/api/villages/${w.c.id}/rule-sets`, {
    token: w.c.adminToken,
    body: { programId: program.body.id, name: '音寨村细则', templateId: 'builtin:yinzhai-volunteer' },
  });
  const published = await w.call('POST', `/api/villages/${w.c.id}/rule-sets/${ruleSet.body.id}/publish`, {
    token: w.c.adminToken,
    body: { effectiveFrom: chinaDate(new Date()) },
  });
  expect([program.status, ruleSet.status, published.status]).toEqual([201, 201, 201]);
  const household = await w.call('POST', `/api/villages/${w.c.id}/households`, {
    token: w.c.adminToken,
    body: { number: '0001', group: '第一组', members: [{ name: '罗文军', relation: '户主' }] },
  });
  expect(household.status).toBe(201);
  const record = await w.call('POST', `/api/villages/${w.c.id}/point-records`, {
    token: w.c.recorderToken,
    body: {
      programId: program.body.id,
      householdId: household.body.id,
      ruleCode: 'VOL-EVENT',
      occurredOn: chinaDate(new Date()),
    },
  });
  expect(record.status).toBe(201);
  const store = await storeOfC(program.body.id, household.body.id);
  ruleSetOfC = {
    programId: program.body.id,
    ruleSetId: ruleSet.body.id,
    householdId: household.body.id,
    recordId: record.body.id,
    ...store,
    userId: (await w.call('GET', '/api/me', { token: w.c.adminToken })).body.userId,
  };
  return { w, ofC: ruleSetOfC, urlInY };
}

/** Village C's store with one item and one sale, so store routes have something to refuse. */
async function storeOfC(programId: string, householdId: string) {
  const c = async (method: string, path: string, body: unknown, token = w.c.adminToken) => {
    const res = await w.call(method, `/api/villages/${w.c.id}${path}`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  await c('PATCH', '', { postingDays: 0 });
  const earned = await c(
    'POST',
    '/point-records',
    { programId, householdId, ruleCode: 'VOL-EVENT', occurredOn: chinaDate(new Date()) },
    w.c.recorderToken,
  );
  await c('POST', `/point-records/${earned.id}/approve`, {});
  await c('PUT', '/store/settings', {
    programId,
    cancelWithinDays: 7,
    redemptionDays: { restricted: false },
  });
  const item = await c('POST', '/store/items', { name: '肥皂', price: 5, unit: '块' });
  await c('POST', `/store/items/${item.id}/stock-movements`, {
    kind: 'intake',
    quantity: 10,
    source: 'donation',
  });
  const sale = await c('POST', '/redemptions', {
    householdId,
    lines: [{ itemId: item.id, quantity: 1, price: 5 }],
  });
  return { itemId: item.id as string, redemptionId: sale.id as string };
}

/** A valid body for each effectful route, so refusals come from scope, not from validation. */
export const sampleBodies: Record<string, unknown> = {
  'POST /api/counties/{countyId}/townships': { name: '外来乡' },
  'POST /api/counties/{countyId}/invites': { townshipId: '0000000000000000' },
  'POST /api/counties/{countyId}/users': { username: 'intruder', name: '外人', role: 'county_official' },
  'POST /api/villages/{villageId}/users': { username: 'intruder', name: '外人', role: 'recorder' },
  'PATCH /api/villages/{villageId}': { name: '被改名村' },
  'POST /api/villages/{villageId}/programs': { name: '外来项目' },
  'PATCH /api/villages/{villageId}/programs/{programId}': { expiry: { kind: 'annual', on: '01-01' } },
  'POST /api/villages/{villageId}/rule-sets': { programId: '0000000000000000', name: '外来细则' },
  'PUT /api/villages/{villageId}/rule-sets/{ruleSetId}': {
    content: { categories: [], rules: [] },
    baseVersion: 1,
  },
  'POST /api/villages/{villageId}/rule-sets/{ruleSetId}/publish': { effectiveFrom: '2030-01-01' },
  'POST /api/villages/{villageId}/rule-sets/{ruleSetId}/preview': { ruleCode: 'VOL-EVENT' },
  'PUT /api/villages/{villageId}/rule-sets/{ruleSetId}/rows': {
    rows: [{ code: 'X', name: '外来', category: '外', kind: '固定', points: 1 }],
    baseVersion: 1,
  },
  'POST /api/villages/{villageId}/households': {
    number: '9999',
    group: '外组',
    members: [{ name: '外人', relation: '户主' }],
  },
  'POST /api/villages/{villageId}/households/import': {
    rows: [{ number: '9999', group: '外组', name: '外人', relation: '户主' }],
  },
  'POST /api/villages/{villageId}/point-records/import': {
    programId: '0000000000000000',
    rows: [{ household: '0001', ruleCode: 'VOL-EVENT', date: '2026-01-01' }],
  },
  'POST /api/villages/{villageId}/point-records/batch': {
    programId: '0000000000000000',
    month: '2026-01',
    cells: [{ householdId: '0000000000000000', ruleCode: 'VOL-EVENT' }],
  },
  'POST /api/villages/{villageId}/point-records': {
    programId: '0000000000000000',
    householdId: '0000000000000000',
    ruleCode: 'VOL-EVENT',
    occurredOn: '2026-01-01',
  },
  'POST /api/villages/{villageId}/point-records/{recordId}/approve': {},
  'POST /api/villages/{villageId}/point-records/decisions': {
    action: 'approve',
    recordIds: ['0000000000000000'],
  },
  'POST /api/villages/{villageId}/point-records/{recordId}/reject': { reason: '外来驳回' },
  'POST /api/villages/{villageId}/point-records/{recordId}/reverse': { reason: '外来冲正' },
  'POST /api/villages/{villageId}/point-records/{recordId}/object': { reason: '外来异议' },
  'POST /api/public/villages/{villageId}/board/{recordId}/objections': { reason: '公众异议' },
  'POST /api/villages/{villageId}/store/items': { name: '外来商品', price: 1, unit: '个' },
  'PATCH /api/villages/{villageId}/store/items/{itemId}': { price: 1 },
  'POST /api/villages/{villageId}/store/items/{itemId}/stock-movements': {
    kind: 'adjustment',
    delta: -1,
    reason: '外来盘亏',
  },
  'PUT /api/villages/{villageId}/store/settings': {
    programId: '0000000000000000',
    cancelWithinDays: 0,
    redemptionDays: { restricted: true },
  },
  'POST /api/villages/{villageId}/redemptions': {
    householdId: '0000000000000000',
    lines: [{ itemId: '0000000000000000', quantity: 1, price: 5 }],
  },
  'POST /api/villages/{villageId}/redemptions/{redemptionId}/cancel': { reason: '外来撤销' },
  'POST /api/villages/{villageId}/uploads': { purpose: 'evidence', contentType: 'image/jpeg', size: 1000 },
  'PATCH /api/villages/{villageId}/users/{userId}': { householdId: null },
  // No body: the path says whose password; a foreign user id must change nothing.
  'POST /api/counties/{countyId}/users/{userId}/password-reset': undefined,
  'POST /api/villages/{villageId}/users/{userId}/password-reset': undefined,
  'POST /api/counties/{countyId}/programs': { name: '外来县项目' },
  'PATCH /api/counties/{countyId}/programs/{programId}': { description: '外来修改' },
  'POST /api/counties/{countyId}/rule-sets': { programId: '0000000000000000', name: '外来县细则' },
  'PUT /api/counties/{countyId}/rule-sets/{ruleSetId}': {
    content: { categories: [], rules: [] },
    baseVersion: 1,
  },
  'POST /api/counties/{countyId}/rule-sets/{ruleSetId}/publish': { effectiveFrom: '2030-01-01' },
  'POST /api/counties/{countyId}/rule-sets/{ruleSetId}/preview': { ruleCode: 'VOL-EVENT' },
  'PUT /api/counties/{countyId}/rule-sets/{ruleSetId}/rows': {
    rows: [{ code: 'X', name: '外来', category: '外', kind: '固定', points: 1 }],
    baseVersion: 1,
  },
  'POST /api/counties/{countyId}/partners': { name: '外来银行', programIds: ['0000000000000000'] },
  'POST /api/villages/{villageId}/households/{householdId}/consents': {
    partnerId: '0000000000000000',
    grantedOn: '2026-01-01',
  },
  'POST /api/villages/{villageId}/households/{householdId}/consents/{consentId}/withdraw': {
    withdrawnOn: '2026-01-01',
  },
  // Partner routes take the county from the token alone (certificates.test.ts tries another county's).
  'POST /api/partner/certificates': { householdId: '0000000000000000' },
  // Public: any JSON gets a verdict, never a change.
  'POST /api/public/certificates/verify': { certificate: {}, keyId: 'x', signature: 'y' },
  'POST /api/counties/{countyId}/rule-templates': {
    name: '外来模板',
    content: { categories: [], rules: [] },
  },
};

/** Path and query values that point into county Y and village C. */
function urlInY(path: string) {
  const url = path
    .replace('{countyId}', w.y.id)
    .replace('{villageId}', w.c.id)
    .replace('{ruleSetId}', ruleSetOfC.ruleSetId)
    .replace('{version}', '1')
    .replace('{householdId}', ruleSetOfC.householdId)
    .replace('{recordId}', ruleSetOfC.recordId)
    .replace('{programId}', ruleSetOfC.programId)
    .replace('{itemId}', ruleSetOfC.itemId)
    .replace('{redemptionId}', ruleSetOfC.redemptionId)
    .replace('{userId}', ruleSetOfC.userId)
    .replace('{townshipId}', w.y.township.id)
    // Refused on the village before any consent is read, so no real one is needed.
    .replace('{consentId}', '0000000000000000');
  return url.endsWith('/rule-sets/active') ? `${url}?program=${ruleSetOfC.programId}` : url;
}
