import { deriveSigningKey, publicKeyForms, signPayload, verifyPayload } from '@xjf/data';
import { type Certificate, canonicalJson, checkShape, keyIdOf, newId, signedPayload } from '@xjf/domain';
import { describe, expect, it } from 'vitest';

const countyId = newId();
const certificate: Certificate = {
  id: newId(),
  countyId,
  countyName: '大方县',
  partner: { id: newId(), name: '大方农商银行' },
  household: { name: '尤振林', village: '银川村', number: '017' },
  program: { id: newId(), name: '生态积分' },
  score: 380,
  tier: { label: '金卡', benefit: '贷款月利率 4.5‰' },
  window: { kind: 'rolling12', from: '2025-06-01', to: '2026-05-31' },
  asOf: '2026-05-31',
  issuedAt: '2026-05-31T08:00:00.000Z',
  issuedBy: { userId: newId(), name: '张信贷' },
};

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: '积分' } })).toBe('{"a":{"c":"积分","d":[3,1]},"b":1}');
  });

  it('is the same for the same document whatever order its keys arrived in', () => {
    const reversed = Object.fromEntries(Object.entries(certificate).reverse());
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(certificate));
    expect(canonicalJson(reversed)).toBe(canonicalJson(certificate));
  });

  it('sorts by UTF-16 code units and escapes as JSON does (RFC 8785)', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3, '\u20ac': 4 })).toBe('{"A":3,"z":2,"é":1,"€":4}');
    expect(canonicalJson({ s: 'a"b\\c\n' })).toBe('{"s":"a\\"b\\\\c\\n"}');
  });

  it('leaves out undefined fields, keeps null, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('Ed25519 signing keys derived from a seed', () => {
  const keyId = keyIdOf(countyId, 1);

  it('derives the same key from the same seed and key id, another for another county or number', () => {
    const pem = (seed: string, id: string) =>
      publicKeyForms(deriveSigningKey(seed, id).publicKey).publicKeyPem;
    expect(pem('seed-a', keyId)).toBe(pem('seed-a', keyId));
    expect(pem('seed-a', keyId)).not.toBe(pem('seed-b', keyId));
    expect(pem('seed-a', keyId)).not.toBe(pem('seed-a', keyIdOf(countyId, 2)));
    expect(pem('seed-a', keyId)).not.toBe(pem('seed-a', keyIdOf(newId(), 1)));
    expect(pem('seed-a', keyId)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('publishes the key as a JWK of 32 bytes', () => {
    const { publicKeyJwk } = publicKeyForms(deriveSigningKey('seed-a', keyId).publicKey);
    expect(publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(Buffer.from(publicKeyJwk.x, 'base64url')).toHaveLength(32);
  });

  it('signs the document without its signature; any change to it breaks the signature', () => {
    const { privateKey, publicKey } = deriveSigningKey('seed-a', keyId);
    const pem = publicKeyForms(publicKey).publicKeyPem;
    const payload = signedPayload({ certificate, keyId });
    const signature = signPayload(privateKey, payload);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyPayload(pem, payload, signature)).toBe(true);
    const altered = { ...certificate, score: 381 };
    expect(verifyPayload(pem, signedPayload({ certificate: altered, keyId }), signature)).toBe(false);
    expect(verifyPayload(pem, signedPayload({ certificate, keyId: keyIdOf(countyId, 2) }), signature)).toBe(
      false,
    );
    const flipped = `${signature.slice(0, 10)}${signature[10] === '0' ? '1' : '0'}${signature.slice(11)}`;
    expect(verifyPayload(pem, payload, flipped)).toBe(false);
    const other = publicKeyForms(deriveSigningKey('seed-a', keyIdOf(newId(), 1)).publicKey).publicKeyPem;
    expect(verifyPayload(other, payload, signature)).toBe(false);
  });
});

describe('the shape of a certificate before any key is read', () => {
  const doc = { certificate, keyId: keyIdOf(countyId, 1), signature: 'a'.repeat(128) };

  it('accepts a well-formed document and names its county and key number', () => {
    expect(checkShape(doc)).toMatchObject({ ok: true, countyId, number: 1 });
  });

  it('calls anything else malformed, naming the field', () => {
    for (const input of [null, 'text', 42, [], {}, { ...doc, extra: 1 }]) {
      const result = checkShape(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.verdict).toMatchObject({ valid: false, reason: 'malformed' });
    }
    const upper = checkShape({ ...doc, signature: 'A'.repeat(128) });
    expect(upper.ok || upper.verdict.fields).toHaveProperty('signature');
    const added = checkShape({ ...doc, certificate: { ...certificate, note: 'x' } });
    expect(added.ok || added.verdict.fields).toHaveProperty(['certificate.note']);
  });

  it('refuses a key of another county than the certificate names', () => {
    const result = checkShape({ ...doc, keyId: keyIdOf(newId(), 1) });
    expect(result).toMatchObject({ ok: false, verdict: { valid: false, reason: 'unknown_key' } });
  });
});
