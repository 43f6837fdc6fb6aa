import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createApp } from '@xjf/api';
import { createUser, tableSigningSeed } from '@xjf/data';
import { noUserDirectory } from '@xjf/domain';
import { cognitoVerifier } from '@xjf/http/cognito';
import { localDb, localPhotos } from '@xjf/local';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';

/** API Gateway HTTP API payload 2.0, as Hono's adapter types it. */
type HttpApiEvent = Extract<LambdaEvent, { rawPath: string; routeKey: string }>;

import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoEndpoint } from '../support/dynamo';

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

/** An API Gateway HTTP API (payload 2.0) event, as the JWT authorizer passes it on. */
function event(method: string, path: string, token?: string, body?: unknown): HttpApiEvent {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      authorizer: { jwt: { claims: {}, scopes: [] } },
      authentication: null,
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? null : Buffer.from(JSON.stringify(body)).toString('base64'),
    isBase64Encoded: body !== undefined,
  };
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
