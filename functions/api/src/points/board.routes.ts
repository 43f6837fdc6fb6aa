import { createRoute } from '@hono/zod-openapi';
import { lodgeObjection, readBoard, villageScopeById } from '@xjf/data';
import { idSchema, isoDateTime, objectionCreateSchema, publicBoardSchema } from '@xjf/domain';
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

const tags = ['公示栏与异议 Public notice board & objections'];
const boardParams = z.object({ villageId: idSchema });
const recordParams = boardParams.extend({ recordId: idSchema });

/** All a member of the public learns back: their objection is in, and the record is under review again. */
const objectionReceiptSchema = z
  .object({ recordId: idSchema, status: z.literal('pending'), receivedAt: isoDateTime })
  .meta({ id: 'ObjectionReceipt' });

/**
 * The notice board is public, like the paper one on the village wall: no sign-in, the village
 * found by its id alone (its county comes from the table, never from the request).
 */
export function boardRoutes(deps: Deps) {
  const r = router();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/public/villages/{villageId}/board',
      tags,
      summary: '村公示栏（无需登录）The village’s public notice board (no sign-in)',
      description:
        '公示中的记录、近期入账的记录和积分榜；姓名已打码 (posted and recently effective records, the ranking; names masked)',
      request: { params: boardParams },
      responses: { 200: json(publicBoardSchema, '公示栏'), ...errors },
    }),
    async (c) => {
      const scope = await villageScopeById(deps.db, c.req.valid('param').villageId);
      return c.json(await readBoard(deps.db, scope, deps.clock()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/public/villages/{villageId}/board/{recordId}/objections',
      tags,
      summary: '对公示中的记录提出异议（无需登录）Object to a posted record (no sign-in)',
      description:
        '记录退回待审核；公示期过后为 409 (the record goes back for review; after the window, 409)',
      middleware: [idempotent(deps)] as const,
      request: { params: recordParams, headers: idempotencyHeader, body: jsonBody(objectionCreateSchema) },
      responses: { 201: json(objectionReceiptSchema, '异议已受理'), ...errors, ...conflict },
    }),
    async (c) => {
      const { villageId, recordId } = c.req.valid('param');
      const scope = await villageScopeById(deps.db, villageId);
      const now = deps.clock();
      await lodgeObjection(deps.db, scope, recordId, c.req.valid('json'), undefined, now);
      return c.json({ recordId, status: 'pending' as const, receivedAt: now.toISOString() }, 201);
    },
  );

  return r;
}
