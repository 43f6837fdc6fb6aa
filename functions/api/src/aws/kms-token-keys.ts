import { createPublicKey } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import { type PublishedKeys, publicJwkOf, type TokenSigner } from '@xjf/http';
import type { JWK } from 'jose';

/**
 * Token keys in KMS (RSA_2048, SIGN_VERIFY): the first signs, every one is published until the
 * tokens it signed have expired (rotation). The private keys never leave KMS; the public keys
 * are fetched once per instance, on the first token it verifies or signs; the SDK module loads
 * then too, not at cold start (the public board never needs it).
 */
export function kmsTokenKeys(keyIds: string[]) {
  const [current] = keyIds;
  if (!current) throw new Error('TOKEN_KEY_IDS names no key');
  let kms: Promise<{ client: KMSClient; sdk: typeof import('@aws-sdk/client-kms') }> | undefined;
  const sdk = () => {
    kms ??= import('@aws-sdk/client-kms').then((sdk) => ({ client: new sdk.KMSClient({}), sdk }));
    return kms;
  };
  const publicKeys = new Map<string, Promise<JWK>>();
  const publicJwk = (keyId: string) => {
    let jwk = publicKeys.get(keyId);
    if (!jwk) {
      jwk = sdk()
        .then(({ client, sdk }) => client.send(new sdk.GetPublicKeyCommand({ KeyId: keyId })))
        .then(({ PublicKey }) => {
          if (!PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
          const der = Buffer.from(PublicKey);
          return publicJwkOf(
            createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'jwk' }) as JWK,
          );
        });
      jwk.catch(() => publicKeys.delete(keyId));
      publicKeys.set(keyId, jwk);
    }
    return jwk;
  };
  const signer: TokenSigner = {
    publicJwk: () => publicJwk(current),
    async sign(data) {
      const { client, sdk: kmsSdk } = await sdk();
      const out = await client.send(
        new kmsSdk.SignCommand({
          KeyId: current,
          Message: data,
          MessageType: 'RAW',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      );
      if (!out.Signature) throw new Error('KMS returned no signature');
      return out.Signature;
    },
  };
  const keys: PublishedKeys = { jwks: async () => ({ keys: await Promise.all(keyIds.map(publicJwk)) }) };
  return { signer, keys };
}
