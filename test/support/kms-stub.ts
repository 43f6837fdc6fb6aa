import { createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * KMS's JSON API (GetPublicKey, Sign) for RSA_2048 SIGN_VERIFY keys, on a local port, so the
 * Lambda entry points sign and verify through the real SDK client without AWS. It records every
 * call, so a test can see which key signed and that nothing else asked for the private key.
 */
export async function startKmsStub(keyIds: string[]) {
  const keys = new Map<string, KeyObject>(
    keyIds.map((id) => [id, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey]),
  );
  const calls: { operation: string; keyId: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace('TrentService.', '');
      const input = JSON.parse(body || '{}') as { KeyId: string; Message?: string };
      calls.push({ operation, keyId: input.KeyId });
      const key = keys.get(input.KeyId);
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(json));
      };
      if (!key) return answer(400, { __type: 'NotFoundException', message: `no key ${input.KeyId}` });
      if (operation === 'GetPublicKey')
        return answer(200, {
          KeyId: input.KeyId,
          KeySpec: 'RSA_2048',
          KeyUsage: 'SIGN_VERIFY',
          PublicKey: createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64'),
          SigningAlgorithms: ['RSASSA_PKCS1_V1_5_SHA_256'],
        });
      if (operation === 'Sign')
        return answer(200, {
          KeyId: input.KeyId,
          Signature: sign('sha256', Buffer.from(input.Message ?? '', 'base64'), key).toString('base64'),
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        });
      return answer(400, { __type: 'UnsupportedOperationException', message: operation });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
