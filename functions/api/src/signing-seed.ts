import type { SigningSeed } from '@xjf/data';

/** Loaded on the first certificate an instance signs: most requests never need the client. */
async function readSecret(secretId: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!out.SecretString) throw new Error('the certificate signing secret is empty');
  return out.SecretString;
}

/**
 * In AWS the signing seed is a Secrets Manager secret (infra/api.ts) that only this function
 * may read. Fetched on the first certificate an instance signs, not at cold start, then kept
 * for the instance's life; a failed read is retried on the next request.
 */
export function secretsManagerSigningSeed(secretId: string): SigningSeed {
  let seed: Promise<string> | undefined;
  return () => {
    seed ??= readSecret(secretId).catch((error) => {
      seed = undefined;
      throw error;
    });
    return seed;
  };
}
