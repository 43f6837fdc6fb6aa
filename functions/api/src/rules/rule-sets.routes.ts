import { createRoute } from '@hono/zod-openapi';
import {
  activeRuleSetVersion,
  createRuleSet,
  findTemplate,
  getRuleSet,
  getRuleSetVersion,
  listRuleSets,
  type Owner,
  publishRuleSet,
  ruleSetOwnerOf,
  saveDraft,
} from '@xjf/data';
import {
  contentToRows,
  evaluateRule,
  evaluationSchema,
  ForbiddenError,
  idSchema,
  NotFoundError,
  previewSchema,
  publishSchema,
  rowsToContent,
  ruleColumns,
  ruleRowSchema,
  ruleRowsImportSchema,
  ruleSetCreateSchema,
  ruleSetDraftSchema,
  ruleSetSchema,
  ruleSetVersionSchema,
} from '@xjf/domain';
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
  router,
} from '@xjf/http';
import * as z from 'zod';
import { countySide, type OwnerSide, villageSide } from './owners';

const tags = ['积分项目与细则 Programs & rule sets'];
const ruleSetList = z.object({ items: z.array(ruleSetSchema) }).meta({ id: 'RuleSetList' });
const versionQuery = z.union([z.literal('draft'), z.coerce.number().int().positive()]);
const ruleRowsSchema = z
  .object({
    columns: z.array(z.object({ key: z.string(), header: z.string() })),
    rows: z.array(ruleRowSchema),
  })
  .meta({ id: 'RuleRows' });

/**
 * The content of the draft or of a published version (default: the draft if open, else the
 * latest). Villagers never see a draft: theirs default to the latest version, and 'draft' is 403.
 */
async function contentOf(
  deps: Deps,
  scope: Owner,
  ruleSetId: string,
  version: 'draft' | number | undefined,
  publishedOnly = false,
) {
  if (publishedOnly && version === 'draft')
    throw new ForbiddenError('草稿尚未发布 (drafts are not published)', 'draft_not_published');
  const ruleSet = await getRuleSet(deps.db, scope, ruleSetId);
  const wanted = version ?? (ruleSet.draft && !publishedOnly ? 'draft' : ruleSet.latestVersion);
  if (wanted === 'draft') {
    if (!ruleSet.draft) throw new NotFoundError('草稿 (draft)');
    return { content: ruleSet.draft.content };
  }
  return getRuleSetVersion(deps.db, scope, ruleSetId, wanted);
}

/** A village's rule sets and its county's (全县统一), on the same routes under each. */
export function ruleSetsRoutes(deps: Deps) {
  return router()
    .route('/', sideRoutes(deps, villageSide(deps)))
    .route('/', sideRoutes(deps, countySide()));
}

type RuleSetPath = { ruleSetId: string };

function sideRoutes(deps: Deps, side: OwnerSide) {
  const r = router();
  const path = `${side.base}/rule-sets`;
  const ruleSetParams = side.params.extend({ ruleSetId: idSchema });
  const versionParams = ruleSetParams.extend({
    version: z.coerce.number().int().positive().max(1_000_000),
  });
  const summary = (text: string) => (side.kind === 'county' ? `【全县统一】${text}` : text);
  /** The caller's scope, then where the named rule set is kept: the county's reads, never edits, from a village. */
  const ownerOf = async (
    actor: ReturnType<typeof actorOf>,
    params: Record<string, unknown>,
    mode?: 'read' | 'edit',
  ) => {
    const scope = await side.ownerOf(actor, params);
    return mode ? ruleSetOwnerOf(deps.db, scope, (params as RuleSetPath).ruleSetId, mode) : scope;
  };

  r.openapi(
    createRoute({
      method: 'post',
      path,
      tags,
      summary: summary(
        '为积分项目新建细则（可从模板开始）Create a program’s rule set, optionally from a template',
      ),
      security: bearer,
      middleware: [allow(side.admin), idempotent(deps)] as const,
      request: { params: side.params, headers: idempotencyHeader, body: jsonBody(ruleSetCreateSchema) },
      responses: { 201: json(ruleSetSchema, '草稿已建'), ...errors, ...conflict },
    }),
    async (c) => {
      const scope = await ownerOf(actorOf(c), c.req.valid('param'));
      const { programId, name, templateId } = c.req.valid('json');
      const content = templateId
        ? (await findTemplate(deps.db, scope, templateId)).content
        : { categories: [], rules: [] };
      return c.json(await createRuleSet(deps.db, scope, { programId, name, content }, deps.clock()), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      summary: summary(
        side.kind === 'county'
          ? '全县统一项目的细则 County-wide rule sets'
          : '本村的积分细则（含全县统一项目）Rule sets of a village, with its county’s',
      ),
      security: bearer,
      middleware: [allow(...side.readers)] as const,
      request: { params: side.params },
      responses: { 200: json(ruleSetList, '积分细则'), ...errors },
    }),
    async (c) => {
      const scope = await ownerOf(actorOf(c), c.req.valid('param'));
      return c.json({ items: await listRuleSets(deps.db, scope) }, 200);
    },
  );

  // Registered before /{ruleSetId} so that "active" is never read as an id.
  r.openapi(
    createRoute({
      method: 'get',
      path: `${path}/active`,
      tags,
      summary: summary('今天生效的细则版本 The version of a program’s rules in effect today'),
      security: bearer,
      middleware: [allow(...side.readers)] as const,
      request: { params: side.params, query: z.strictObject({ program: idSchema }) },
      responses: { 200: json(ruleSetVersionSchema, '生效版本'), ...errors },
    }),
    async (c) => {
      const scope = await ownerOf(actorOf(c), c.req.valid('param'));
      return c.json(
        await activeRuleSetVersion(deps.db, scope, c.req.valid('query').program, deps.clock()),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${path}/{ruleSetId}`,
      tags,
      summary: summary('细则：草稿与已发布版本 A rule set with its draft and versions'),
      security: bearer,
      middleware: [allow(...side.readers)] as const,
      request: { params: ruleSetParams },
      responses: { 200: json(ruleSetSchema, '积分细则'), ...errors },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const owner = await ownerOf(actorOf(c), params, 'read');
      return c.json(await getRuleSet(deps.db, owner, (params as RuleSetPath).ruleSetId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: `${path}/{ruleSetId}`,
      tags,
      summary: summary('保存草稿 Save the draft (editing a published set starts a new draft)'),
      security: bearer,
      middleware: [allow(side.admin)] as const,
      request: { params: ruleSetParams, body: jsonBody(ruleSetDraftSchema) },
      responses: { 200: json(ruleSetSchema, '已保存'), ...errors, ...conflict },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const owner = await ownerOf(actorOf(c), params, 'edit');
      const { ruleSetId } = params as RuleSetPath;
      return c.json(await saveDraft(deps.db, owner, ruleSetId, c.req.valid('json'), deps.clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${path}/{ruleSetId}/publish`,
      tags,
      summary: summary('发布草稿为新版本 Publish the draft as the next immutable version'),
      security: bearer,
      middleware: [allow(side.admin), idempotent(deps)] as const,
      request: { params: ruleSetParams, headers: idempotencyHeader, body: jsonBody(publishSchema) },
      responses: { 201: json(ruleSetVersionSchema, '已发布'), ...errors, ...conflict },
    }),
    async (c) => {
      const actor = actorOf(c);
      const params = c.req.valid('param');
      const owner = await ownerOf(actor, params, 'edit');
      const { ruleSetId } = params as RuleSetPath;
      return c.json(
        await publishRuleSet(deps.db, owner, ruleSetId, c.req.valid('json'), actor, deps.clock()),
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${path}/{ruleSetId}/versions/{version}`,
      tags,
      summary: summary('某一已发布版本 A published version'),
      security: bearer,
      middleware: [allow(...side.readers)] as const,
      request: { params: versionParams },
      responses: { 200: json(ruleSetVersionSchema, '版本'), ...errors },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const owner = await ownerOf(actorOf(c), params, 'read');
      const { ruleSetId, version } = params as RuleSetPath & { version: number };
      return c.json(await getRuleSetVersion(deps.db, owner, ruleSetId, version), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: `${path}/{ruleSetId}/rows`,
      tags,
      summary: summary('导出为表格行（Excel）Export a version or the draft as spreadsheet rows'),
      security: bearer,
      middleware: [allow(...side.readers)] as const,
      request: { params: ruleSetParams, query: z.strictObject({ version: versionQuery.optional() }) },
      responses: { 200: json(ruleRowsSchema, '表头与行'), ...errors },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const owner = await ownerOf(actorOf(c), params, 'read');
      const { ruleSetId } = params as RuleSetPath;
      const { content } = await contentOf(deps, owner, ruleSetId, c.req.valid('query').version);
      return c.json(
        { columns: ruleColumns.map(([key, header]) => ({ key, header })), rows: contentToRows(content) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: `${path}/{ruleSetId}/rows`,
      tags,
      summary: summary('从表格行导入草稿 Import the draft from spreadsheet rows (all or nothing)'),
      description:
        '任何一行有误则不导入，并逐行列出错误 (any bad row imports nothing; every bad cell is named)',
      security: bearer,
      middleware: [allow(side.admin)] as const,
      request: { params: ruleSetParams, body: jsonBody(ruleRowsImportSchema) },
      responses: { 200: json(ruleSetSchema, '已导入为草稿'), ...errors, ...conflict },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const { rows, baseVersion } = c.req.valid('json');
      const owner = await ownerOf(actorOf(c), params, 'edit');
      const { ruleSetId } = params as RuleSetPath;
      const content = rowsToContent(rows);
      return c.json(await saveDraft(deps.db, owner, ruleSetId, { content, baseVersion }, deps.clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: `${path}/{ruleSetId}/preview`,
      tags,
      summary: summary('试算 Preview the points a record would get'),
      description:
        '不产生任何记录 (writes nothing)。村民申报前用它估分，只能试算已发布的版本 (villagers: published versions only)',
      security: bearer,
      // A villager estimates a declaration with it: on the village's routes only.
      middleware: [
        allow(...side.readers, ...(side.kind === 'village' ? (['villager'] as const) : [])),
      ] as const,
      request: { params: ruleSetParams, body: jsonBody(previewSchema) },
      responses: { 200: json(evaluationSchema, '试算结果'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const params = c.req.valid('param');
      const input = c.req.valid('json');
      const owner = await ownerOf(actor, params, 'read');
      const { content } = await contentOf(
        deps,
        owner,
        (params as RuleSetPath).ruleSetId,
        input.version,
        actor.role === 'villager',
      );
      const rule = content.rules.find((x) => x.code === input.ruleCode);
      if (!rule) throw new NotFoundError(`规则 ${input.ruleCode} (rule)`, 'rule_not_found');
      return c.json(evaluateRule(rule, { quantity: input.quantity, usage: input.usage }), 200);
    },
  );

  return r;
}
