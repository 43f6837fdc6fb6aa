import { beforeAll, describe, expect, it } from 'vitest';
import { partnersAround } from '../support/partner-tokens';
import { buildWorld } from '../support/world';

/**
 * The partner surface (/api/partner/*) takes its county and partner from the token alone, so it
 * has no tenant in its paths for the generated matrix to swap. Here county X's bank asks for
 * everything county Y's bank holds, by id, and must see nothing of it.
 */
let w: Awaited<ReturnType<typeof buildWorld>>;
let partners: Awaited<ReturnType<typeof partnersAround>>;
let householdOfC: string;

beforeAll(async () => {
  w = await buildWorld();
  const household = await w.call('POST', `/api/villages/${w.c.id}/households`, {
    token: w.c.adminToken,
    body: { number: '0001', group: '第一组', members: [{ name: '罗文军', relation: '户主' }] },
  });
  expect(household.status).toBe(201);
  householdOfC = household.body.id;
  partners = await partnersAround(w, householdOfC);
});

/** What county Y's bank and village C see of each other, as their own users read it. */
async function snapshotOfY() {
  const reads = [
    ['/api/partner/households', partners.inY.token],
    ['/api/partner/certificates', partners.inY.token],
    [`/api/villages/${w.c.id}/households/${householdOfC}/partner-lookups`, w.c.adminToken],
    [`/api/villages/${w.c.id}/audit`, w.c.adminToken],
  ] as const;
  const answers = await Promise.all(reads.map(([path, token]) => w.call('GET', path, { token })));
  for (const a of answers) expect(a.status).toBe(200);
  return JSON.stringify(answers.map((a) => a.body));
}

describe('a partner of another county on the partner surface', () => {
  it("sees nothing of county Y's households, scores or certificates, and changes nothing there", async () => {
    const before = await snapshotOfY();
    const asks = [
      ['GET', '/api/partner/profile', undefined, [200]],
      ['GET', '/api/partner/households', undefined, [200]],
      ['GET', `/api/partner/households/${householdOfC}/score`, undefined, [403, 404]],
      ['GET', '/api/partner/certificates', undefined, [200]],
      ['GET', `/api/partner/certificates/${partners.inY.certificateId}`, undefined, [403, 404]],
      ['POST', '/api/partner/certificates', { householdId: householdOfC }, [403, 404]],
    ] as const;
    for (const [method, path, body, statuses] of asks) {
      const res = await w.call(method, path, { token: partners.inX.token, body });
      expect(statuses, `${method} ${path}: ${res.status}`).toContain(res.status);
      const text = JSON.stringify(res.body);
      for (const secret of [w.y.id, partners.inY.id, '贵定县', '音寨村', '罗文军', '贵定农商银行'])
        expect(text, `${method} ${path} leaks ${secret}`).not.toContain(secret);
    }
    expect(await snapshotOfY()).toBe(before);
  });

  it('lists only its own: county Y’s bank still sees its consenting household and certificate', async () => {
    const households = await w.call('GET', '/api/partner/households', { token: partners.inY.token });
    expect(households.body.items.map((h: { householdId: string }) => h.householdId)).toEqual([householdOfC]);
    const mine = await w.call('GET', `/api/partner/certificates/${partners.inY.certificateId}`, {
      token: partners.inY.token,
    });
    expect(mine.status).toBe(200);
    const theirs = await w.call('GET', '/api/partner/households', { token: partners.inX.token });
    expect(theirs.body.items).toEqual([]);
  });
});
