import { createRoute } from '@hono/zod-openapi';
import { approveRecord, rejectRecord } from '@xjf/data';
import { AppError, bulkDecisionResultSchema, bulkDecisionSchema, type PointRecord } from '@xjf/domain';
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
  router,
  villageScopeOf,
} from '@xjf/http';
import { recordDeciders } from '../roles';
import { villageParams } from '../tenants/villages.routes';
import { countingRefusals } from './refusals';

/** Records decided at once: enough to finish 500 well inside the function's 10 s, few enough for one table. */
const CONCURRENCY = 8;

type Outcome =
  | { recordId: string; ok: true; record: PointRecord }
  | { recordId: string; ok: false; code: string; message: string };

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the answers. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Approve or reject a selection in one request (up to 500). Each record is still its own
 * transaction with its own checks (maker-checker, status, caps at approval), so one refusal
 * stops nothing else; the answer says what happened to each. The request's Idempotency-Key makes
 * a retry return the first answer; a record decided before answers `cannot_approve`, never twice.
 */
export function bulkDecisionRoutes(deps: Deps) {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/villages/{villageId}/point-records/decisions',
      tags: ['积分记录与台账 Point records & ledger'],
      summary: '批量审核或驳回（每条记录各自成交）Approve or reject a selection',
      security: bearer,
      middleware: [allow(...recordDeciders), idempotent(deps)] as const,
      request: { params: villageParams, headers: idempotencyHeader, body: jsonBody(bulkDecisionSchema) },
      responses: { 200: json(bulkDecisionResultSchema, '逐条结果'), ...errors },
    }),
    async (c) => {
      const actor = actorOf(c);
      const scope = await villageScopeOf(deps.db, actor, c.req.valid('param').villageId);
      const { action, recordIds, reason } = c.req.valid('json');
      const results = await inBatches(recordIds, CONCURRENCY, async (recordId): Promise<Outcome> => {
        const now = deps.clock();
        try {
          const record = await countingRefusals(deps, scope, recordId, () =>
            action === 'approve'
              ? approveRecord(deps.db, scope, recordId, actor, now)
              : rejectRecord(deps.db, scope, recordId, reason, actor, now),
          );
          return { recordId, ok: true, record };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return { recordId, ok: false, code: error.code, message: error.message };
        }
      });
      const succeeded = results.filter((r) => r.ok).length;
      return c.json({ results, succeeded, failed: results.length - succeeded }, 200);
    },
  );
}
