import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createApp } from '@xjf/api';
import { createUser, tableSigningSeed } from '@xjf/data';
import { noUserDirectory } from '@xjf/domain';
import { cognitoVerifier } from '@xjf/http/cognito';
import { localDb, localPhotos } from '@xjf/local';
import { handle, type LambdaContext } from 'hono/aws-lambda';

import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoEndpoint } from '../support/dynamo';
import { event, type HttpApiEvent } from '../support/lambda-event';

const REGION = 'ap-southeast-1';
const USER_POOL_ID = `${REGION}_TestPool1`;
const CLIENT_ID = 'test-client-id';
const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;

// A key pair standing in for the user pool's signing key, published to the verifier as its JWKS.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = 'test-key-1';
const { n, e } = publicKey.export({ format: 'jwk' });
const jwks = { keys: [{ kty: 'RSA', n: n ?? '', e: e ?? '', kid, alg: 'RS256', use: 'sig' }] };

function cognitoIdToken(claims: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    { iss: ISSUER, aud: CLIENT_ID, token_use: 'id', iat: now, exp: now + 3600, ...claims, ...overrides },
    { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' },
    'RS256',
  );
}

let handler: ReturnType<typeof handle>;
let operatorClaims: Record<string, unknown>;

beforeAll(async () => {
  const db = await localDb(dynamoEndpoint(), `lambda-${randomUUID()}`);
  const verifier = cognitoVerifier({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, jwks });
  handler = handle(
    createApp({
      db,
      verifier,
      directory: noUserDirectory,
      clock: () => new Date(),
      log: () => {},
      signingSeed: tableSigningSeed(db),
      photos: localPhotos({ dir: tmpdir(), secret: 'lambda-test', clock: () => new Date() }).store,
    }),
  );
  const operator = await createUser(
    db,
    {},
    { username: 'operator', name: '运维', role: 'platform_operator' },
    'test',
    new Date(),
  );
  operatorClaims = {
    sub: randomUUID(),
    'cognito:username': operator.username,
    name: operator.name,
    'custom:role': 'platform_operator',
    'custom:userId': operator.id,
  };
});

const invoke = (e: HttpApiEvent) => handler(e, {} as LambdaContext);

describe('the Lambda entry point behind API Gateway', () => {
  it('creates a county from a base64 body with a Cognito ID token', async () => {
    const res = await invoke(
      event('POST', '/api/counties', await cognitoIdToken(operatorClaims), {
        name: '大方县',
        province: '贵州省',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ name: '大方县' });
    expect(res.headers?.['x-request-id']).toBeTruthy();
  });

  it('refuses a token from another client id or an expired one', async () => {
    const wrongAudience = await cognitoIdToken(operatorClaims, { aud: 'other-client' });
    expect((await invoke(event('GET', '/api/counties', wrongAudience))).statusCode).toBe(401);
    const expired = await cognitoIdToken(operatorClaims, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await invoke(event('GET', '/api/counties', expired))).statusCode).toBe(401);
  });

  it('serves the public health route without a token', async () => {
    const res = await invoke(event('GET', '/api/health'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
  });
});
