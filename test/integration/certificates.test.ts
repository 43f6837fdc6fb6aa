import { verify } from 'node:crypto';
import { canonicalJson, chinaDate, newId } from '@xjf/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let bank: { id: string; token: string };
let bankOfY: { id: string; token: string };
/** 尤振林 consents to county X's bank, 林茂平 never does; 罗文军 of county Y consents to Y's bank. */
const h = { you: '', lin: '', inC: '' };
const DAY = 86_400_000;
/** The app's clock: China noon of one day, a second on at each reading, so the day never turns mid-test. */
const start = new Date(`${chinaDate(new Date())}T12:00:00+08:00`);
let ticks = 0;
const clock = () => new Date(start.getTime() + ticks++ * 1000);
const today = chinaDate(start);
const levels = [
  { threshold: 100, label: '铜', benefit: '贷款月利率 5.5‰' },
  { threshold: 300, label: '银', benefit: '贷款月利率 4.5‰' },
];

async function ok(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await w.call(method, path, { token, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

const household = async (v: { id: string; adminToken: string }, head: string) =>
  (
    await ok('POST', `/api/villages/${v.id}/households`, v.adminToken, {
      number: String(Math.floor(Math.random() * 9000) + 1000),
      group: '第一组',
      members: [{ name: head, relation: '户主' }],
    })
  ).id as string;

/** A county program with its partner bank and one of the bank's users. */
async function bankOf(c: { id: string; adminToken: string }, tiers?: unknown) {
  const program = await ok('POST', `/api/counties/${c.id}/programs`, c.adminToken, {
    name: '生态积分',
    tiers,
  });
  const partner = await ok('POST', `/api/counties/${c.id}/partners`, c.adminToken, {
    name: '大方农商银行',
    programIds: [program.id],
  });
  const user = await ok('POST', `/api/counties/${c.id}/users`, c.adminToken, {
    username: w.unique('bank'),
    name: '张信贷',
    role: 'partner',
    partnerId: partner.id,
  });
  return { programId: program.id as string, id: partner.id as string, token: await w.tokenFor(user) };
}

const consent = (v: { id: string; adminToken: string }, householdId: string, partnerId: string) =>
  ok('POST', `/api/villages/${v.id}/households/${householdId}/consents`, v.adminToken, {
    partnerId,
    grantedOn: today,
  });

const issue = (householdId: string, token = bank.token, idempotencyKey?: string, asOf?: string) =>
  w.call('POST', '/api/partner/certificates', { token, body: { householdId, asOf }, idempotencyKey });

const check = async (document: unknown) => {
  const res = await w.call('POST', '/api/public/certificates/verify', { body: document });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { valid: boolean; reason?: string; keyId?: string; fields?: Record<string, string> };
};

const auditOf = async (v: { id: string; adminToken: string }) =>
  (await ok('GET', `/api/villages/${v.id}/audit?limit=100`, v.adminToken)).items as {
    action: string;
    householdNumber?: string;
    detail?: string;
  }[];

beforeAll(async () => {
  w = await buildWorld({ clock });
  const x = await bankOf(w.x, { window: 'rolling12', levels });
  bank = x;
  const set = await ok('POST', `/api/counties/${w.x.id}/rule-sets`, w.x.adminToken, {
    programId: x.programId,
    name: '大方县生态积分细则',
    templateId: 'builtin:dafang-eco',
  });
  await ok('POST', `/api/counties/${w.x.id}/rule-sets/${set.id}/publish`, w.x.adminToken, {
    effectiveFrom: today,
  });
  await ok('PATCH', `/api/villages/${w.a.id}`, w.a.adminToken, { postingDays: 0 });
  [h.you, h.lin, h.inC] = await Promise.all([
    household(w.a, '尤振林'),
    household(w.a, '林茂平'),
    household(w.c, '罗文军'),
  ]);
  for (const [ruleCode, quantity] of [
    ['ECO-FOREST', 20],
    ['ECO-TRAVEL', undefined],
  ] as const) {
    const rec = await ok('POST', `/api/villages/${w.a.id}/point-records`, w.a.recorderToken, {
      programId: x.programId,
      householdId: h.you,
      ruleCode,
      quantity,
      occurredOn: today,
    });
    await ok('POST', `/api/villages/${w.a.id}/point-records/${rec.id}/approve`, w.a.adminToken, {});
  }
  await consent(w.a, h.you, bank.id);
  bankOfY = await bankOf(w.y);
  await consent(w.c, h.inC, bankOfY.id);
});

describe('issuing a score certificate', () => {
  it('signs the consenting household’s score and tier with the county’s key, and verifies', async () => {
    const res = await issue(h.you);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      keyId: `${w.x.id}:1`,
      signature: expect.stringMatching(/^[0-9a-f]{128}$/),
      certificate: {
        countyId: w.x.id,
        countyName: '大方县',
        partner: { id: bank.id, name: '大方农商银行' },
        household: { name: '尤振林', village: '银川村' },
        program: { name: '生态积分' },
        score: 120,
        tier: { label: '铜', benefit: '贷款月利率 5.5‰' },
        window: { kind: 'rolling12', to: today },
        asOf: today,
        issuedBy: { name: '张信贷' },
      },
    });
    expect(await check(res.body)).toMatchObject({ valid: true, keyId: `${w.x.id}:1` });
  });

  it('publishes the county’s public keys, and the certificate checks offline against them', async () => {
    const signed = (await issue(h.you)).body;
    const keys = await w.call('GET', `/api/public/counties/${w.x.id}/signing-keys`);
    expect(keys.status).toBe(200);
    expect(keys.headers.get('cache-control')).toContain('max-age');
    expect(keys.body).toMatchObject({ countyId: w.x.id, countyName: '大方县' });
    expect(keys.body.keys).toEqual([
      expect.objectContaining({
        keyId: `${w.x.id}:1`,
        algorithm: 'Ed25519',
        publicKeyJwk: expect.any(Object),
      }),
    ]);
    const bytes = Buffer.from(canonicalJson({ certificate: signed.certificate, keyId: signed.keyId }));
    const pem = keys.body.keys[0].publicKeyPem;
    expect(verify(null, bytes, pem, Buffer.from(signed.signature, 'hex'))).toBe(true);
    const jwk = { ...keys.body.keys[0].publicKeyJwk };
    expect(verify(null, bytes, { key: jwk, format: 'jwk' }, Buffer.from(signed.signature, 'hex'))).toBe(true);
    expect((await w.call('GET', `/api/public/counties/${newId()}/signing-keys`)).status).toBe(404);
  });

  it('stores the certificate for its partner to print again, and no one else', async () => {
    const signed = (await issue(h.you)).body;
    const path = `/api/partner/certificates/${signed.certificate.id}`;
    expect((await ok('GET', path, bank.token)) as unknown).toEqual(signed);
    expect((await w.call('GET', path, { token: bankOfY.token })).status).toBe(404);
    expect((await w.call('GET', path, { token: w.a.adminToken })).status).toBe(403);
    expect((await w.call('GET', `/api/partner/certificates/${newId()}`, { token: bank.token })).status).toBe(
      404,
    );
  });

  it('lists the partner’s own certificates, newest first', async () => {
    const signed = (await issue(h.you)).body;
    const mine = await ok('GET', '/api/partner/certificates?limit=2', bank.token);
    expect(mine.items[0]).toEqual(signed.certificate);
    expect(mine.items[1].issuedAt <= signed.certificate.issuedAt).toBe(true);
    expect(mine.nextCursor).toEqual(expect.any(String));
    const ofY = await ok('GET', '/api/partner/certificates', bankOfY.token);
    expect(ofY.items.map((c: { countyId: string }) => c.countyId)).not.toContain(w.x.id);
    expect((await w.call('GET', '/api/partner/certificates', { token: w.x.officialToken })).status).toBe(403);
  });

  it('logs each certificate in the household’s village audit log', async () => {
    const signed = (await issue(h.you)).body;
    const entry = (await auditOf(w.a)).find((e) => e.detail?.includes(signed.certificate.id));
    expect(entry).toMatchObject({
      action: 'certificate_issue',
      householdNumber: signed.certificate.household.number,
      points: 120,
      byName: '张信贷',
    });
  });

  it('replays an Idempotency-Key with the same certificate, issuing and logging it once', async () => {
    const key = `cert-${newId()}`;
    const before = (await auditOf(w.a)).filter((e) => e.action === 'certificate_issue').length;
    const first = await issue(h.you, bank.token, key);
    const again = await issue(h.you, bank.token, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const after = (await auditOf(w.a)).filter((e) => e.action === 'certificate_issue').length;
    expect(after).toBe(before + 1);
  });

  it('issues as of a past day, and refuses a future one', async () => {
    const yesterday = chinaDate(new Date(start.getTime() - DAY));
    const past = await issue(h.you, bank.token, undefined, yesterday);
    expect(past.status).toBe(201);
    expect(past.body.certificate).toMatchObject({ asOf: yesterday, score: 0, tier: null });
    expect(await check(past.body)).toMatchObject({ valid: true });
    const tomorrow = chinaDate(new Date(start.getTime() + DAY));
    const future = await issue(h.you, bank.token, undefined, tomorrow);
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('future_date');
  });

  it('refuses a household without consent (403, logged) and another county’s household (404)', async () => {
    const before = (await auditOf(w.a)).filter((e) => e.action === 'certificate_issue').length;
    const refused = await issue(h.lin);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('no_consent');
    const lookups = await ok(
      'GET',
      `/api/villages/${w.a.id}/households/${h.lin}/partner-lookups`,
      w.a.adminToken,
    );
    expect(lookups.items.map((l: { outcome: string }) => l.outcome)).toContain('no_consent');
    const foreign = await issue(h.inC);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('罗文军');
    expect((await issue(h.you, bankOfY.token)).status).toBe(404);
    expect((await issue(h.you, w.x.adminToken)).status).toBe(403);
    const after = (await auditOf(w.a)).filter((e) => e.action === 'certificate_issue').length;
    expect(after).toBe(before);
  });
});

/** Every leaf of a document, as a path of keys. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** The same kind of value, different: a valid document in every way but its content. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (value === null) return { label: '金', benefit: '贷款月利率 3.5‰' };
  const s = String(value);
  if (s === 'rolling12') return 'ever';
  if (/^[0-9a-z]{16}$/.test(s)) return newId();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${Number(s.slice(0, 4)) - 1}${s.slice(4)}`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return new Date(Date.parse(s) - 1000).toISOString();
  if (/^[0-9a-z]{16}:\d+$/.test(s)) return `${s.split(':')[0]}:2`;
  return `${s}改`;
}

function withChange(doc: object, path: string[]) {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  at[last] = changed(at[last]);
  return copy;
}

describe('verifying a certificate', () => {
  let signed: { certificate: Record<string, unknown>; keyId: string; signature: string };
  beforeAll(async () => {
    signed = (await issue(h.you)).body;
  });

  it('finds any single changed field invalid', async () => {
    const paths = leaves({ certificate: signed.certificate, keyId: signed.keyId });
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const verdict = await check(withChange(signed, path));
      expect(verdict.valid, path.join('.')).toBe(false);
      const expected =
        path.join('.') === 'certificate.countyId' || path[0] === 'keyId' ? 'unknown_key' : 'bad_signature';
      expect(verdict.reason, path.join('.')).toBe(expected);
    }
  });

  it('finds a changed byte of the signature invalid', async () => {
    const s = signed.signature;
    for (const at of [0, 63, 127]) {
      const flipped = `${s.slice(0, at)}${s[at] === 'a' ? 'b' : 'a'}${s.slice(at + 1)}`;
      expect(await check({ ...signed, signature: flipped })).toMatchObject({
        valid: false,
        reason: 'bad_signature',
      });
    }
    const upper = await check({ ...signed, signature: s.toUpperCase() });
    expect(upper).toMatchObject({ valid: false, reason: 'malformed' });
    expect(upper.fields).toHaveProperty('signature');
  });

  it('finds a county X certificate invalid against county Y’s key', async () => {
    const ofY = (await issue(h.inC, bankOfY.token)).body;
    expect(ofY.keyId).toBe(`${w.y.id}:1`);
    expect(await check(ofY)).toMatchObject({ valid: true });
    expect(await check({ ...signed, keyId: ofY.keyId })).toMatchObject({
      valid: false,
      reason: 'unknown_key',
    });
    const posingAsY = {
      ...signed,
      certificate: { ...signed.certificate, countyId: w.y.id, countyName: '贵定县' },
      keyId: ofY.keyId,
    };
    expect(await check(posingAsY)).toMatchObject({ valid: false, reason: 'bad_signature' });
    expect(await check({ ...ofY, signature: signed.signature })).toMatchObject({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('answers a verdict, never a 5xx, for anything sent', async () => {
    for (const body of [
      {},
      [],
      'text',
      42,
      { ...signed, extra: 1 },
      { certificate: {}, keyId: 'x', signature: 'y' },
    ]) {
      expect(await check(body)).toMatchObject({ valid: false, reason: 'malformed' });
    }
    const added = await check({ ...signed, certificate: { ...signed.certificate, note: '附注' } });
    expect(added.fields).toHaveProperty(['certificate.note']);
    const unknownKey = await check({ ...signed, keyId: `${w.x.id}:999999` });
    expect(unknownKey).toMatchObject({ valid: false, reason: 'unknown_key' });
    for (const raw of ['not json', '', '{"certificate":', 'null']) {
      const res = await w.app.request('/api/public/certificates/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
      expect(res.status, raw).toBeLessThan(500);
    }
  });
});
