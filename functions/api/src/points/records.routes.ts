import { createRoute } from '@hono/zod-openapi';
import {
  approveRecord,
  createRecord,
  listRecords,
  recordedInMonths,
  rejectRecord,
  reverseRecord,
  settledHouseholdLedger,
} from '@xjf/data';
import {
  accountSchema,
  assertVillagePhotos,
  chinaDate,
  decisionSchema,
  idSchema,
  ledgerEntrySchema,
  monthSchema,
  pointRecordSchema,
  recordCreateSchema,
  recordedMonthSchema,
  recordQuerySchema,
  reversalSchema,
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
  pageOf,
  router,
  sealOf,
  villageScopeOf,
} from '@xjf/http';
import * as z from 'zod';
import { assertMayReadHousehold } from '../households/own-household';
import { withEvidenceUrls } from '../photos/views';
import { householdReaders, recordDeciders, recordReaders } from '../roles';
import { villageParams } from '../tenants/villages.routes';
import { countingRefusals } from './refusals';

const tags = ['积分记录与台账 Point records & ledger'];
const recordParams = villageParams.extend({ recordId: idSchema });
const ledgerSchema = z
  .object({
    accounts: z.array(accountSchema.extend({ balanceAsOf: z.int().optional() })),
    entries: z.array(ledgerEntrySchema),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'HouseholdLedger' });

export function recordsRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/point-records',
      tags,
      summary: '录入一条积分记录（待审核）Record points for a household (pending approval)',
      description:
        '村民（villager）只能为自己家、按允许自主申报的规则申报，记为自主申报 (selfDeclared)：其他农户 403 `other_household`，规则不允许 403 `not_self_declarable`。 A villager declares only for their own household under a self-declarable rule.',
      security: bearer,
      middleware: [allow('recorder', 'village_admin', 'villager'), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(recordCreateSchema) },
      responses: { 201: json(pointRecordSchema, '已录入'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const input = c.req.valid('json');
      const evidence = input.evidence ?? [];
      assertVillagePhotos(
        Object.fromEntries(evidence.map((key, i) => [`evidence.${i}`, key])),
        scope,
        'evidence',
      );
      const record = await createRecord(deps.db, scope, input, actor, deps.clock(), sealOf(c));
      return c.json(await withEvidenceUrls(deps, record), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/point-records',
      tags,
      summary: '按状态查看记录（默认待审核）Records by status (pending by default)',
      security: bearer,
      middleware: [allow(...recordReaders)] as const,
      request: { params: villageParams, query: recordQuerySchema },
      responses: { 200: json(pageOf(pointRecordSchema, 'PointRecordPage'), '记录'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const page = await listRecords(deps.db, scope, c.req.valid('query'), deps.clock());
      const items = await Promise.all(page.items.map((record) => withEvidenceUrls(deps, record)));
      return c.json({ ...page, items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/point-records/month',
      tags,
      summary:
        '某月已登记的记录（待审核、公示中、已入账），供月度登记表与疑似重复检查 What a month already holds: its pending, posted and effective records, for the month grid and duplicate checks',
      description:
        '一次按状态队列读取，不按户逐一查询；只返回检查所需字段。 Read per status queue, never per household; only the fields a check needs.',
      security: bearer,
      middleware: [allow(...recordReaders)] as const,
      request: {
        params: villageParams,
        query: z.strictObject({
          /** Defaults to this month (China time). */
          month: monthSchema.optional(),
          programId: idSchema.optional(),
        }),
      },
      responses: { 200: json(recordedMonthSchema, '该月记录'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeOf(deps.db, actorOf(c), c.req.valid('param').villageId);
      const query = c.req.valid('query');
      const month = query.month ?? chinaDate(deps.clock()).slice(0, 7);
      const { programId } = query;
      const items = await recordedInMonths(deps.db, scope, [month], programId);
      return c.json({ month, items }, 200);
    },
  );

  const decision = (action: 'approve' | 'reject' | 'reverse', summary: string, body: z.ZodType) =>
    createRoute({
      method: 'post',
      path: `/villages/{villageId}/point-records/{recordId}/${action}`,
      tags,
      summary,
      security: bearer,
      // A correction stays with the village; approvals and rejections may go to its township.
      middleware: [
        allow(...(action === 'reverse' ? (['village_admin'] as const) : recordDeciders)),
        idempotent(deps),
      ] as const,
      request: { params: recordParams, headers: idempotencyHeader, body: jsonBody(body) },
      responses: { 200: json(pointRecordSchema, '已处理'), ...errors, ...conflict },
    });

  r.openapi(
    decision(
      'approve',
      '审核通过（进入公示或直接入账）Approve: post publicly, or take effect',
      decisionSchema,
    ),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, recordId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const approved = await countingRefusals(deps, scope, recordId, () =>
        approveRecord(deps.db, scope, recordId, actor, deps.clock()),
      );
      return c.json(await withEvidenceUrls(deps, approved), 200);
    },
  );

  r.openapi(decision('reject', '驳回 Reject with a reason', decisionSchema), async (c) => {
    const actor = actorOf(c);
    const { villageId, recordId } = c.req.valid('param');
    const scope = await villageScopeOf(deps.db, actor, villageId);
    const { reason } = decisionSchema.parse(c.req.valid('json'));
    const rejected = await countingRefusals(deps, scope, recordId, () =>
      rejectRecord(deps.db, scope, recordId, reason, actor, deps.clock()),
    );
    return c.json(await withEvidenceUrls(deps, rejected), 200);
  });

  r.openapi(
    decision('reverse', '冲正：以反向分录更正已入账的记录 Reverse an effective record', reversalSchema),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, recordId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const { reason } = reversalSchema.parse(c.req.valid('json'));
      const reversed = await reverseRecord(deps.db, scope, recordId, reason, actor, deps.clock());
      return c.json(await withEvidenceUrls(deps, reversed), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/villages/{villageId}/households/{householdId}/ledger',
      tags,
      summary:
        '农户积分台账：余额与明细，可查某一时刻的余额（村民只能看自己家）A household’s accounts and ledger, with the balance as of a moment (a villager: their own only)',
      security: bearer,
      middleware: [allow(...householdReaders)] as const,
      request: {
        params: villageParams.extend({ householdId: idSchema }),
        query: z.strictObject({
          asOf: z.iso.datetime().optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
          cursor: z.string().max(2048).optional(),
        }),
      },
      responses: { 200: json(ledgerSchema, '台账'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { villageId, householdId } = c.req.valid('param');
      const scope = await villageScopeOf(deps.db, actor, villageId);
      const [, ledger] = await Promise.all([
        assertMayReadHousehold(deps.db, actor, scope, householdId),
        settledHouseholdLedger(deps.db, scope, householdId, c.req.valid('query'), deps.clock()),
      ]);
      return c.json(ledger, 200);
    },
  );

  return r;
}
