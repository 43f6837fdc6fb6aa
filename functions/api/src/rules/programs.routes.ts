import { createRoute } from '@hono/zod-openapi';
import { createProgram, listPrograms, patchProgram } from '@xjf/data';
import { idSchema, programCreateSchema, programPatchSchema, programSchema } from '@xjf/domain';
import {
  actorOf,
  allow,
  bearer,
  conflict,
  type Deps,
  errors,
  idempotencyHeader,
  idempotent,
  json,
  jsonBody,
  pageOf,
  pageQuery,
  router,
  villageScopeOf,
} from '@xjf/http';
import { villageReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';

const tags = ['积分项目与细则 Programs & rule sets'];

export function programsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/programs',
      tags,
      summary: '新建积分项目 Create a points program',
      security: bearer,
      middleware: [allow('village_admin'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(programCreateSchema) },
      responses: { 201: json(programSchema, '已新建'), ...errors, ...conflict },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await createProgram(deps.db, scope, c.req.valid('json'), deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/programs',
      tags,
      summary: '积分项目列表 Programs of a village',
      security: bearer,
      middleware: [allow(...villageReaders)] as const,
      request: { params: villageParams, query: pageQuery },
      responses: { 200: json(pageOf(programSchema, 'ProgramPage'), '积分项目'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      return c.json(await listPrograms(deps.db, scope, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/villages/{villageId}/programs/{programId}',
      tags,
      summary: '修改积分项目：说明、年度清零 Change a program: description, annual reset',
      security: bearer,
      middleware: [allow('village_admin')] as const,
      request: { params: villageParams.extend({ programId: idSchema }), body: jsonBody(programPatchSchema) },
      responses: { 200: json(programSchema, '已修改'), ...errors },
    }),
    async (c) => {
      const { villageId, programId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actorOf(c), villageId);
      return c.json(await patchProgram(deps.db, scope, programId, c.req.valid('json')), 200);
    },
  );

  return r;
}
