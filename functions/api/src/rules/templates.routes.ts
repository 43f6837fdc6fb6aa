import { createRoute } from '@hono/zod-openapi';
import { createCountyTemplate, listCountyTemplates } from '@xjf/data';
import { builtinTemplates, countyTemplateCreateSchema, templateSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  countyScopeOf,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  router,
} from '@xjf/http';
import * as z from 'zod';
import { countyParams } from '../tenants/counties.routes';

const tags = ['积分细则模板 Rule templates'];
const templateList = z.object({ items: z.array(templateSchema) }).meta({ id: 'RuleTemplateList' });

export function templatesRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/rule-templates',
      tags,
      summary: '可选的模板：内置模板与本县模板 Built-in templates and your county’s',
      security: bearer,
      middleware: [
        allow(
          'platform_operator',
          'county_admin',
          'county_official',
          'village_admin',
          'recorder',
          'store_clerk',
        ),
      ] as const,
      responses: { 200: json(templateList, '模板'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const county = actor.kind === 'platform' ? [] : await listCountyTemplates(deps.db, actor);
      return c.json({ items: [...builtinTemplates, ...county] }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/counties/{countyId}/rule-templates',
      tags,
      summary: '发布县级模板 Publish a county template for its villages',
      security: bearer,
      middleware: [allow('county_admin'), idempotent(deps)] as const,
      request: {
        params: countyParams,
        headers: idempotencyHeader,
        body: jsonBody(countyTemplateCreateSchema),
      },
      responses: { 201: json(templateSchema, '已发布'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId);
      return c.json(await createCountyTemplate(deps.db, scope, c.req.valid('json')), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/counties/{countyId}/rule-templates',
      tags,
      summary: '县级模板 County templates',
      security: bearer,
      middleware: [allow('county_admin', 'county_official')] as const,
      request: { params: countyParams },
      responses: { 200: json(templateList, '县级模板'), ...errors },
    }),
    async (c) => {
      const scope = countyScopeOf(actorOf(c), c.req.valid('param').countyId);
      return c.json({ items: await listCountyTemplates(deps.db, scope) }, 200);
    },
  );

  return r;
}
