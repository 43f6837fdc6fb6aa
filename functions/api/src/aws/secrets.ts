/**
 * A Secrets Manager secret read on first use, not at cold start (most requests never need one),
 * then kept for the instance's life; a failed read is retried on the next request.
 */
export function lazySecret(secretId: string, what: string): () => Promise<string> {
  let value: Promise<string> | undefined;
  const read = async () => {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!out.SecretString) throw new Error(`the ${what} secret is empty`);
    return out.SecretString;
  };
  return () => {
    value ??= read().catch((error) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
