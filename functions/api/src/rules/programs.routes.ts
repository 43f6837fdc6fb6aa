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
} from '@xjf/http';
import { countySide, type OwnerSide, villageSide } from './owners';

const tags = ['积分项目与细则 Programs & rule sets'];

/** A village's own programs, and a county's programs run in all its villages (全县统一). */
export function programsRoutes(deps: Deps) {
  return router()
    .route('/', sideRoutes(deps, villageSide(deps)))
    .route('/', sideRoutes(deps, countySide()));
}

function sideRoutes(deps: Deps, side: OwnerSide) {
  const r = router();
  const county = side.kind === 'county';

  r.openapi(
    createRoute({
      method: 'post',
      path: `${side.base}/programs`,
      tags,
      summary: county
        ? '新建全县统一的积分项目 Create a county-wide program, run in every village'
        : '新建积分项目 Create a points program',
      security: bearer,
      middleware: [allow(side.admin), idempotent(deps)] as const,
      request: { params: side.params, headers: idempotencyHeader, body: jsonBody(programCreateSchema) },
      responses: { 201: json(programSchema, '已新建'), ...errors, ...conflict },
    }),
    async (c) => {
      const owner = await side.ownerOf(actorOf(c), c.req.valid('param'));
      return c.json(await createProgram(deps.db, owner, c.req.valid('json'), deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${side.base}/programs`,
      tags,
      summary: county
        ? '全县统一的积分项目 County-wide programs'
        : '积分项目列表：本县统一项目（scope=county，只读）在前，本村项目在后 Programs of a village, its county’s first',
      security: bearer,
      // A villager's page names the programs of their accounts: on the village's routes only.
      middleware: [
        allow(...side.readers, ...(side.kind === 'village' ? (['villager'] as const) : [])),
      ] as const,
      request: { params: side.params, query: pageQuery },
      responses: { 200: json(pageOf(programSchema, 'ProgramPage'), '积分项目'), ...errors },
    }),
    async (c) => {
      const owner = await side.ownerOf(actorOf(c), c.req.valid('param'));
      return c.json(await listPrograms(deps.db, owner, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: `${side.base}/programs/{programId}`,
      tags,
      summary: county
        ? '修改全县统一的积分项目：说明、年度清零 Change a county-wide program'
        : '修改积分项目：说明、年度清零 Change a program: description, annual reset',
      security: bearer,
      middleware: [allow(side.admin)] as const,
      request: { params: side.params.extend({ programId: idSchema }), body: jsonBody(programPatchSchema) },
      responses: { 200: json(programSchema, '已修改'), ...errors },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const owner = await side.ownerOf(actorOf(c), params);
      return c.json(await patchProgram(deps.db, owner, String(params.programId), c.req.valid('json')), 200);
    },
  );

  return r;
}
