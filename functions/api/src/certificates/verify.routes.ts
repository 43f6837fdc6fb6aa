import { createRoute } from '@hono/zod-openapi';
import { getCounty, listSigningKeys, verifyCertificate } from '@xjf/data';
import { countySigningKeysSchema, idSchema, verificationSchema } from '@xjf/domain';
import { type Deps, errors, json, jsonBody, router } from '@xjf/http';
import * as z from 'zod';

const tags = ['积分证明 Score certificates'];

/**
 * Anyone holding a certificate (a loan officer, an auditor, the villager) checks it without
 * signing in, here or offline against the county's published public keys.
 */
export function certificateVerifyRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/public/certificates/verify',
      tags,
      summary: '验证积分证明（无需登录）Verify a score certificate (no sign-in)',
      description:
        '正文为证明 JSON (SignedScoreCertificate) 原样；任何内容都得到结论：有效，或无效及原因 (the certificate JSON as issued; always a verdict: valid, or invalid with the reason)',
      // Any JSON at all: a document that is not a certificate is a verdict ("malformed"), not a 400.
      request: { body: jsonBody(z.unknown().meta({ description: 'SignedScoreCertificate' })) },
      responses: { 200: json(verificationSchema, '验证结论'), ...errors },
    }),
    async (c) => c.json(await verifyCertificate(deps.db, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/public/counties/{countyId}/signing-keys',
      tags,
      summary: '县的证明签名公钥（无需登录）A county’s certificate signing public keys (no sign-in)',
      description:
        'Ed25519 公钥（PEM 与 JWK），用于离线验证；签名覆盖去掉 signature 字段后的文件的规范 JSON（RFC 8785）(public keys for offline checks; the signature covers the canonical JSON, RFC 8785, of the document without its signature)',
      request: { params: z.object({ countyId: idSchema }) },
      responses: { 200: json(countySigningKeysSchema, '公钥'), ...errors },
    }),
    async (c) => {
      const { countyId } = c.req.valid('param');
      const [county, keys] = await Promise.all([
        getCounty(deps.db, { countyId }),
        listSigningKeys(deps.db, countyId),
      ]);
      // Keys are only ever added: a few minutes of caching spares the table the rush.
      c.header('cache-control', 'public, max-age=300');
      return c.json({ countyId, countyName: county.name, keys }, 200);
    },
  );

  return r;
}
