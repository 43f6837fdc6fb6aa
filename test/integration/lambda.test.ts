import { randomUUID } from 'node:crypto';
import { createUser } from '@xjf/data';
import { totpCode } from '@xjf/http';
import { localDb } from '@xjf/local';
import type { handle, LambdaContext } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoEndpoint } from '../support/dynamo';
import { startKmsStub } from '../support/kms-stub';
import { event, type HttpApiEvent } from '../support/lambda-event';

const CURRENT_KEY = 'arn:aws-cn:kms:cn-northwest-1:111122223333:key/current-key';
const RETIRED_KEY = 'arn:aws-cn:kms:cn-northwest-1:111122223333:key/retired-key';
const ISSUER = 'https://api.xiaojifen.example.cn';

type Handler = ReturnType<typeof handle>;
let auth: Handler;
let admin: Handler;
let publicSurface: Handler;
let kms: Awaited<ReturnType<typeof startKmsStub>>;
let operator: { username: string; temporaryPassword?: string };

/**
 * The Lambda entry points exactly as deployed (their environment, the KMS key, the table),
 * with AWS's endpoints pointed at DynamoDB Local and a KMS stub through the SDK's own
 * AWS_ENDPOINT_URL_* settings.
 */
beforeAll(async () => {
  kms = await startKmsStub([CURRENT_KEY, RETIRED_KEY]);
  const tableName = `lambda-${randomUUID()}`;
  const db = await localDb(dynamoEndpoint(), tableName);
  Object.assign(process.env, {
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint(),
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    TABLE_NAME: tableName,
    TOKEN_ISSUER: ISSUER,
    TOKEN_KEY_IDS: `${CURRENT_KEY},${RETIRED_KEY}`,
  });
  auth = (await import('../../functions/api/src/lambda/auth')).handler;
  admin = (await import('../../functions/api/src/lambda/admin')).handler;
  publicSurface = (await import('../../functions/api/src/lambda/public')).handler;
  operator = await createUser(
    db,
    {},
    { username: 'ops.admin', name: '运维', role: 'platform_operator' },
    'create-admin',
    new Date(),
  );
});
afterAll(() => kms.stop());

const invoke = async (handler: Handler, e: HttpApiEvent) => {
  const res = await handler(e, {} as LambdaContext);
  return { ...res, json: res.body ? JSON.parse(res.body) : undefined };
};

describe('the Lambda functions behind API Gateway, signing with KMS', () => {
  let accessToken: string;
  let cookies: string[] = [];

  it('signs the first operator in: one-time password, new password, TOTP set-up', async () => {
    const first = await invoke(
      auth,
      event('POST', '/api/auth/sign-in', undefined, {
        username: operator.username,
        password: operator.temporaryPassword,
      }),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json.status).toBe('password_change_required');
    const changed = await invoke(
      auth,
      event('POST', '/api/auth/password', undefined, {
        challenge: first.json.challenge,
        newPassword: 'Ningxia-2026-ops',
      }),
    );
    expect(changed.json.status).toBe('totp_enrolment_required');
    const { challenge, secret } = changed.json.setup;
    const enrolled = await invoke(
      auth,
      event('POST', '/api/auth/totp/enrolment', undefined, { challenge, code: totpCode(secret, new Date()) }),
    );
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json.status).toBe('signed_in');
    expect(enrolled.json.recoveryCodes).toHaveLength(10);
    accessToken = enrolled.json.tokens.accessToken;
    cookies = (enrolled.cookies ?? []).map((c) => c.split(';')[0] ?? '');
    expect(enrolled.cookies?.[0]).toMatch(
      /^xjf_refresh=.+; Max-Age=\d+; Path=\/api\/auth\/session; HttpOnly; Secure; SameSite=Strict$/,
    );
  });

  it('lets another function verify the token with the public key alone', async () => {
    const res = await invoke(
      admin,
      event('POST', '/api/counties', accessToken, { name: '大方县', province: '贵州省' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers?.['x-request-id']).toBeTruthy();
    // Only the auth function signed, only with the current key; everyone else fetched public keys.
    const signs = kms.calls.filter((c) => c.operation === 'Sign');
    expect(signs.length).toBeGreaterThan(0);
    expect(new Set(signs.map((c) => c.keyId))).toEqual(new Set([CURRENT_KEY]));
    expect(new Set(kms.calls.map((c) => c.operation))).toEqual(new Set(['GetPublicKey', 'Sign']));
  });

  it('publishes the current and the retired key, and the discovery document names the issuer', async () => {
    const jwks = await invoke(auth, event('GET', '/.well-known/jwks.json'));
    expect(jwks.json.keys).toHaveLength(2);
    expect(jwks.json.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    const discovery = await invoke(auth, event('GET', '/.well-known/openid-configuration'));
    expect(discovery.json).toMatchObject({ issuer: ISSUER, jwks_uri: `${ISSUER}/.well-known/jwks.json` });
  });

  it('refreshes through the cookie API Gateway passes in `cookies`', async () => {
    const res = await invoke(auth, event('POST', '/api/auth/session/refresh', undefined, undefined, cookies));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json.accessToken).not.toBe(accessToken);
    expect(res.cookies?.[0]).toMatch(/^xjf_refresh=/);
  });

  it('refuses a token of another audience or issuer, and serves health without one', async () => {
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    for (const change of [{ aud: 'other-client' }, { iss: 'https://evil.example' }]) {
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
      expect((await invoke(admin, event('GET', '/api/counties', forged))).statusCode).toBe(401);
    }
    const health = await invoke(publicSurface, event('GET', '/api/health'));
    expect(health.statusCode).toBe(200);
  });
});
