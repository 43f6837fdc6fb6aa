import { createRoute } from '@hono/zod-openapi';
import { type Deps, json, router } from '@xjf/http';
import * as z from 'zod';

const tags = ['登录 Sign-in'];
const jwkSchema = z.object({
  kty: z.string(),
  kid: z.string(),
  n: z.string(),
  e: z.string(),
  alg: z.string(),
  use: z.string(),
});

/**
 * The issuer as OpenID Connect discovery describes it: API Gateway's JWT authorizer reads
 * `jwks_uri` from here and verifies tokens with those keys, as the app does.
 */
export function wellKnownRoutes(deps: Deps) {
  const r = router();
  // Keys change only on rotation; an hour of caching spares the table and KMS.
  const cached = 'public, max-age=3600';

  r.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/openid-configuration',
      tags,
      summary: 'OpenID 发现文档 OpenID discovery document',
      responses: { 200: json(z.looseObject({ issuer: z.string(), jwks_uri: z.string() }), '发现文档') },
    }),
    (c) => {
      const issuer = deps.identity.issuer;
      c.header('Cache-Control', cached);
      return c.json(
        {
          issuer,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          response_types_supported: ['token'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint: `${issuer}/api/auth/session/refresh`,
          claims_supported: ['sub', 'username', 'name', 'role', 'countyId', 'villageId', 'partnerId'],
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      tags,
      summary: '验签公钥 The public keys tokens are signed with',
      responses: { 200: json(z.object({ keys: z.array(jwkSchema) }), 'JWKS') },
    }),
    async (c) => {
      c.header('Cache-Control', cached);
      const { keys } = await deps.identity.keys.jwks();
      return c.json({ keys: keys.map((k) => jwkSchema.parse(k)) }, 200);
    },
  );

  return r;
}
