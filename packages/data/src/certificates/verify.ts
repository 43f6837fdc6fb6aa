import { checkShape, signedPayload, type Verification, verdict } from '@xjf/domain';
import type { Db } from '../client';
import { verifyPayload } from './signing';
import { getSigningKey } from './signing-keys';

/**
 * Anyone's question "is this certificate genuine?": one key read at most, and every answer is
 * a verdict, never an error, whatever was sent.
 */
export async function verifyCertificate(db: Db, input: unknown): Promise<Verification> {
  const shape = checkShape(input);
  if (!shape.ok) return shape.verdict;
  const { doc } = shape;
  const key = await getSigningKey(db, doc.keyId);
  if (!key) return verdict('unknown_key', { keyId: doc.keyId });
  const genuine = verifyPayload(key.publicKeyPem, signedPayload(doc), doc.signature);
  return verdict(genuine ? undefined : 'bad_signature', { keyId: doc.keyId });
}
