import { createRoute } from '@hono/zod-openapi';
import { certificateSigner, getCertificate, issueCertificate, listCertificates } from '@xjf/data';
import { certificateIssueSchema, certificateSchema, idSchema, signedCertificateSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  pageOf,
  pageQuery,
  partnerScopeOf,
  router,
} from '@xjf/http';
import * as z from 'zod';

const tags = ['积分证明 Score certificates'];

/** A partner issues signed score certificates for households that consented to it, and prints them again. */
export function certificatesRoutes(deps: Deps) {
  const r = router();
  // One per app, so per Lambda instance: the seed and each county's key are read once.
  const signer = certificateSigner(deps.db, deps.signingSeed);

  r.openapi(
    createRoute({
      method: 'post',
      path: '/partner/certificates',
      tags,
      summary: '出具积分证明（已签名）Issue a signed score certificate for a consenting household',
      description:
        '未授权、已撤回授权或日期在未来的请求被拒绝并记录 (refused and logged without consent, after withdrawal, or for a future date)',
      security: bearer,
      middleware: [allow('partner'), idempotent(deps)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(certificateIssueSchema) },
      responses: { 201: json(signedCertificateSchema, '积分证明'), ...errors },
    }),
    async (c) => {
      const partner = partnerScopeOf(actorOf(c));
      const signed = await issueCertificate(deps.db, signer, partner, c.req.valid('json'), deps.clock());
      return c.json(signed, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/partner/certificates',
      tags,
      summary: '本机构出具的积分证明，新的在前 Certificates this partner issued, newest first',
      security: bearer,
      middleware: [allow('partner')] as const,
      request: { query: pageQuery },
      responses: { 200: json(pageOf(certificateSchema, 'ScoreCertificatePage'), '积分证明'), ...errors },
    }),
    async (c) => {
      const partner = partnerScopeOf(actorOf(c));
      return c.json(await listCertificates(deps.db, partner, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/partner/certificates/{certificateId}',
      tags,
      summary: '本机构出具的积分证明（重新打印）A certificate this partner issued, to print again',
      security: bearer,
      middleware: [allow('partner')] as const,
      request: { params: z.object({ certificateId: idSchema }) },
      responses: { 200: json(signedCertificateSchema, '积分证明'), ...errors },
    }),
    async (c) => {
      const partner = partnerScopeOf(actorOf(c));
      return c.json(await getCertificate(deps.db, partner, c.req.valid('param').certificateId), 200);
    },
  );

  return r;
}
