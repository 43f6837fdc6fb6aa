import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The master secret every county's signing key derives from: a Secrets Manager secret in AWS,
 * an item in the table locally. Read lazily, on the first certificate an instance signs.
 */
export type SigningSeed = () => Promise<string>;

// A PKCS#8 Ed25519 private key is this fixed DER header followed by the 32-byte seed.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const HKDF_SALT = 'xiaojifen score certificates';

/**
 * Each key is HKDF-SHA256(seed, info = key id): one key per county and key number, none of
 * them ever stored, and no county's key reveals another's.
 */
export function deriveSigningKey(
  seed: string,
  keyId: string,
): { privateKey: KeyObject; publicKey: KeyObject } {
  const raw = Buffer.from(hkdfSync('sha256', seed, HKDF_SALT, `ed25519:${keyId}`, 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, raw]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export function publicKeyForms(publicKey: KeyObject) {
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyJwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: String(jwk.x) },
  };
}

/** Ed25519 over the UTF-8 bytes of the payload, as lowercase hex. */
export const signPayload = (privateKey: KeyObject, payload: string): string =>
  sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex');

export const verifyPayload = (publicKeyPem: string, payload: string, signatureHex: string): boolean =>
  verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signatureHex, 'hex'));
