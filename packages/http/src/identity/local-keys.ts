import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { JWK } from 'jose';
import { type PublishedKeys, publicJwkOf, type TokenSigner } from './tokens';

/** A new RSA-2048 private key in PKCS#8 PEM: what the local runtime keeps in `.data/`. */
export const newSigningKeyPem = (): string =>
  generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

/**
 * The local runtime's signing key, held in the process: the same RS256 tokens, JWKS and
 * verification as KMS gives in AWS, so the local sign-in is the production path.
 */
export function localSigningKey(pem: string): { signer: TokenSigner; keys: PublishedKeys } {
  const privateKey: KeyObject = createPrivateKey(pem);
  const jwk = publicJwkOf(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK);
  return {
    signer: {
      publicJwk: () => jwk,
      sign: async (data) => sign('sha256', data, privateKey),
    },
    keys: { jwks: async () => ({ keys: [await jwk] }) },
  };
}
