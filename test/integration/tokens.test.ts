import { createPublicKey } from 'node:crypto';
import { ACCESS_TOKEN_SECONDS } from '@xjf/domain';
import { localSigningKey, newSigningKeyPem, tokenIssuer } from '@xjf/http';
import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { foreignKeyToken } from '../support/app';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let claims: { sub: string; username: string; name: string; role: 'county_admin'; countyId: string };
let good: string;
beforeAll(async () => {
  w = await buildWorld();
  const me = (await w.call('GET', '/api/me', { token: w.x.adminToken })).body;
  claims = { sub: me.userId, username: me.username, name: me.name, role: 'county_admin', countyId: w.x.id };
  good = await w.issue(claims);
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => {
  const [header, payload, signature] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
    signature: signature ?? '',
  };
};
const countyOf = (token: string) => w.call('GET', `/api/counties/${w.x.id}`, { token });

describe('the access tokens the API accepts', () => {
  it('accepts a token of its own issuer, audience and key', async () => {
    expect((await countyOf(good)).status).toBe(200);
    const { header, payload } = parts(good);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: expect.any(String) });
    expect(payload).toMatchObject({ iss: w.identity.issuer, aud: 'xiaojifen', token_use: 'access' });
    expect(payload.exp - payload.iat).toBe(ACCESS_TOKEN_SECONDS);
  });

  const forgeries: [string, () => Promise<string>][] = [
    ['malformed', async () => 'not.a.jwt'],
    ['three empty parts', async () => '..'],
    [
      'from another issuer',
      async () => {
        const { signer } = localSigningKey(newSigningKeyPem());
        return (
          await tokenIssuer({ issuer: 'https://evil.example', signer }).session(claims, new Date(), 600)
        ).accessToken;
      },
    ],
    ['signed by another key', () => foreignKeyToken(w.identity.issuer, claims)],
    ['expired', () => w.issue(claims, new Date(Date.now() - 3_600_000), 600)],
    [
      'with an unknown kid',
      async () => {
        const { header, payload, signature } = parts(good);
        return `${b64({ ...header, kid: 'someone-elses-key' })}.${b64(payload)}.${signature}`;
      },
    ],
    [
      'with alg none',
      async () => {
        const { header, payload } = parts(good);
        return `${b64({ ...header, alg: 'none' })}.${b64(payload)}.`;
      },
    ],
    [
      'HS256-signed with the public key as the secret',
      async () => {
        const { keys } = await w.identity.keys.jwks();
        const pem = createPublicKey({ key: keys[0] as never, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        const { payload } = parts(good);
        return sign(payload, pem.toString(), 'HS256');
      },
    ],
    [
      'an ID token instead of an access token',
      async () => (await w.identity.tokens.session(claims, new Date(), 600)).idToken,
    ],
    [
      'a sign-in challenge',
      () => w.identity.tokens.challenge({ purpose: 'totp', username: 'x', version: 1 }, new Date()),
    ],
    [
      'with a raised role',
      async () => {
        const { header, payload, signature } = parts(good);
        return `${b64(header)}.${b64({ ...payload, role: 'platform_operator' })}.${signature}`;
      },
    ],
  ];

  for (const [what, token] of forgeries)
    it(`refuses a token ${what} with 401 invalid_token`, async () => {
      const res = await countyOf(await token());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_token');
    });

  it('publishes its keys and discovery document for API Gateway', async () => {
    const jwks = await w.call('GET', '/.well-known/jwks.json');
    expect(jwks.body.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: parts(good).header.kid }),
    ]);
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
    const discovery = await w.call('GET', '/.well-known/openid-configuration');
    expect(discovery.body.jwks_uri).toBe(`${w.identity.issuer}/.well-known/jwks.json`);
  });
});
