import { createRoute } from '@hono/zod-openapi';
import { countyPrograms, getPartner, listPartnerHouseholds, partnerHouseholdScore } from '@xjf/data';
import {
  householdScoreSchema,
  idSchema,
  partnerHouseholdQuerySchema,
  partnerHouseholdSchema,
  partnerSchema,
  programSchema,
  scoreQuerySchema,
} from '@xjf/domain';
import { actorOf, allow, bearer, type Deps, errors, json, pageOf, partnerScopeOf, router } from '@xjf/http';
import * as z from 'zod';

const tags = ['合作机构门户 Partner portal'];

/**
 * What a partner user (the bank) sees: only households of its county that consent to it now, and
 * their score as of a day. Its county and partner come from the token alone.
 */
export function partnerRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/partner/profile',
      tags,
      summary: '本机构与可查看的积分项目 The partner and the programs it reads',
      security: bearer,
      middleware: [allow('partner')] as const,
      responses: {
        200: json(
          z
            .object({ partner: partnerSchema, programs: z.array(programSchema) })
            .meta({ id: 'PartnerProfile' }),
          '合作机构',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const scope = partnerScopeOf(actorOf(c));
      const [partner, programs] = await Promise.all([
        getPartner(deps.db, scope, scope.partnerId),
        countyPrograms(deps.db, scope),
      ]);
      return c.json({ partner, programs: programs.filter((p) => partner.programIds.includes(p.id)) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/partner/households',
      tags,
      summary: '已授权本机构的农户 Households of the county that consent to this partner',
      description: 'q 匹配户号或成员姓名 (q matches the household number or a member’s name)',
      security: bearer,
      middleware: [allow('partner')] as const,
      request: { query: partnerHouseholdQuerySchema },
      responses: { 200: json(pageOf(partnerHouseholdSchema, 'PartnerHouseholdPage'), '农户'), ...errors },
    }),
    async (c) => {
      const scope = partnerScopeOf(actorOf(c));
      return c.json(await listPartnerHouseholds(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/partner/households/{householdId}/score',
      tags,
      summary: '农户积分、等级与构成 A consenting household’s score, tier and how it was earned, as of a day',
      description:
        '每次查询（含被拒绝的）都记入农户所在村的审计日志。未授权或已撤回 403，非本县农户 404，日期在未来 400。授权有效时可查授权日之前的日期 (every look-up, refused ones included, is logged in the household’s village; 403 without consent or after withdrawal, 404 outside the county, 400 for a future date; a consent in force covers dates before it was given)',
      security: bearer,
      middleware: [allow('partner')] as const,
      request: { params: z.object({ householdId: idSchema }), query: scoreQuerySchema },
      responses: { 200: json(householdScoreSchema, '积分与等级'), ...errors },
    }),
    async (c) => {
      const partner = partnerScopeOf(actorOf(c));
      const { asOf, programId } = c.req.valid('query');
      const score = await partnerHouseholdScore(
        deps.db,
        partner,
        c.req.valid('param').householdId,
        asOf,
        deps.clock(),
        programId,
      );
      return c.json(score, 200);
    },
  );

  return r;
}
