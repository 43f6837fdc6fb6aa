import { randomUUID } from 'node:crypto';
import type { LambdaEvent } from 'hono/aws-lambda';

/** API Gateway HTTP API payload 2.0, as Hono's adapter types it. */
export type HttpApiEvent = Extract<LambdaEvent, { rawPath: string; routeKey: string }>;

/** An API Gateway HTTP API (payload 2.0) event, as the JWT authorizer passes it on. */
export function event(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  cookies?: string[],
): HttpApiEvent {
  return {
    ...(cookies ? { cookies } : {}),
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
