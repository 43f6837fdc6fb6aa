import { chinaDate } from '@xjf/domain';
import { expect } from 'vitest';
import type { buildWorld } from './world';

type World = Awaited<ReturnType<typeof buildWorld>>;
type County = { id: string; adminToken: string };

/** A county program and its partner bank, with one of the bank's users (claim `custom:partnerId`). */
async function bankOf(w: World, c: County, name: string) {
  const ok = async (path: string, body: unknown) => {
    const res = await w.call('POST', path, { token: c.adminToken, body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body;
  };
  const program = await ok(`/api/counties/${c.id}/programs`, {
    name: `${name}生态积分`,
    tiers: { window: 'ever', levels: [{ threshold: 100, label: '铜', benefit: '贷款月利率 5.5‰' }] },
  });
  const partner = await ok(`/api/counties/${c.id}/partners`, { name, programIds: [program.id] });
  const user = await ok(`/api/counties/${c.id}/users`, {
    username: w.unique('bank'),
    name: '张信贷',
    role: 'partner',
    partnerId: partner.id,
  });
  return { id: partner.id as string, name, token: await w.tokenFor(user) };
}

/**
 * A partner in each county of the tenant world: county Y's (贵定农商银行), which village C's
 * household has consented to and which has issued it a certificate, and county X's (大方农商银行),
 * the outsider. Partner tokens carry the county and the partner, never a village.
 */
export async function partnersAround(w: World, householdOfC: string) {
  const [inY, inX] = [await bankOf(w, w.y, '贵定农商银行'), await bankOf(w, w.x, '大方农商银行')];
  const consent = await w.call('POST', `/api/villages/${w.c.id}/households/${householdOfC}/consents`, {
    token: w.c.adminToken,
    body: { partnerId: inY.id, grantedOn: chinaDate(new Date()) },
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  const issued = await w.call('POST', '/api/partner/certificates', {
    token: inY.token,
    body: { householdId: householdOfC },
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return { inY: { ...inY, certificateId: issued.body.certificate.id as string }, inX };
}
