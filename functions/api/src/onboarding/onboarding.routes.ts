import { createRoute } from '@hono/zod-openapi';
import {
  createProgram,
  createRuleSet,
  findTemplate,
  getCounty,
  getInvite,
  getTownship,
  listCountyTemplates,
  onboardVillage,
} from '@xjf/data';
import {
  builtinTemplates,
  inviteCodeSchema,
  invitePreviewSchema,
  onboardingResultSchema,
  onboardingSchema,
  programNameOf,
} from '@xjf/domain';
import {
  conflict,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  router,
} from '@xjf/http';
import * as z from 'zod';

const tags = ['村自助开通 Village self-onboarding'];
const gone = { 410: json(errors[400].content['application/json'].schema, '邀请码已过期 (invite expired)') };

/** Public: the caller has no account yet. The invite code is the only capability. */
export function onboardingRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/onboarding/invites/{code}',
      tags,
      summary: '查看邀请码 Preview an invite code',
      request: { params: z.object({ code: inviteCodeSchema }) },
      responses: { 200: json(invitePreviewSchema, '邀请码所属的县和乡镇'), ...errors },
    }),
    async (c) => {
      const now = deps.clock();
      const invite = await getInvite(deps.db, c.req.valid('param').code, now);
      const scope = { countyId: invite.countyId };
      const [county, township, countyTemplates] = await Promise.all([
        getCounty(deps.db, scope),
        getTownship(deps.db, scope, invite.townshipId),
        listCountyTemplates(deps.db, scope),
      ]);
      const templates = [...countyTemplates, ...builtinTemplates].map((t) => ({
        id: t.id,
        name: t.name,
        programName: programNameOf(t.name, county.name),
        description: t.description,
        ruleCount: t.content.rules.length,
      }));
      return c.json(
        {
          code: invite.code,
          status: invite.status,
          countyName: county.name,
          townshipName: township.name,
          expiresAt: invite.expiresAt,
          templates,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/onboarding/villages',
      tags,
      summary: '用邀请码开通本村 Onboard a village with an invite code',
      description:
        '创建村并成为其第一位管理员；邀请码随之失效 (creates the village and its first admin; spends the code)',
      middleware: [idempotent(deps)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(onboardingSchema) },
      responses: { 201: json(onboardingResultSchema, '已开通 (onboarded)'), ...errors, ...conflict, ...gone },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const now = deps.clock();
      // The template is checked before anything is written, so a wrong one creates nothing.
      const invite = input.startWith ? await getInvite(deps.db, input.inviteCode, now) : undefined;
      const template =
        input.startWith && invite
          ? await findTemplate(deps.db, invite, input.startWith.templateId)
          : undefined;
      const onboarded = await onboardVillage(deps.db, input, now);
      if (input.startWith && template && invite) {
        const scope = { countyId: onboarded.village.countyId, villageId: onboarded.village.id };
        // The program is named after the chosen template unless the village named it itself.
        const programName =
          input.startWith.programName ??
          programNameOf(template.name, (await getCounty(deps.db, { countyId: invite.countyId })).name);
        const { content } = template;
        const program = await createProgram(
          deps.db,
          scope,
          { name: programName, accountHolder: 'household' },
          now,
        );
        await createRuleSet(
          deps.db,
          scope,
          { programId: program.id, name: `${programName}细则`, content },
          now,
        );
      }
      return c.json(onboarded, 201);
    },
  );

  return r;
}
