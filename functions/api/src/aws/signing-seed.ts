import type { SigningSeed } from '@xjf/data';
import { lazySecret } from './secrets';

/**
 * In AWS the seed of the counties' certificate signing keys is a Secrets Manager secret
 * (infra/api.ts) that only the partner function may read, fetched on the first certificate.
 */
export const secretsManagerSigningSeed = (secretId: string): SigningSeed =>
  lazySecret(secretId, 'certificate signing');
