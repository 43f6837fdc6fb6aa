import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@xjf/data';
import { chinaDate, newId } from '@xjf/domain';
import { type DynamoLocal, startDynamoLocal } from '@xjf/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../support/world';

let w: Awaited<ReturnType<typeof buildWorld>>;
let record: Record<string, unknown>;
let written = 0;

async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await w.call(method, path, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** Read capacity the app consumed while `work` ran, as DynamoDB reports it. */
let measuring = false;
let units = 0;
async function readCost(work: () => Promise<unknown>) {
  units = 0;
  measuring = true;
  try {
    await work();
  } finally {
    measuring = false;
  }
  return units;
}

/**
 * Point records written straight into the village partition (BatchWrite, 25 items a call): what
 * 10,000 records leave beside the aggregates, without the cost of recording them one by one. They
 * carry a real record's figures but not its status-queue index keys, which live in other
 * partitions the report never reads either; the aggregates are not touched, as the report must
 * not care.
 */
async function writeRecords(count: number) {
  const village = keys.tenantScope.village(w.x.id, w.a.id);
  const { type, status, points, estimate, householdId, programId, occurredOn, ruleVersion } = record;
  const items = Array.from({ length: count }, () => {
    const id = newId();
    return {
      SK: `RECORD#${id}`,
      id,
      type,
      status,
      points,
      estimate,
      householdId,
      programId,
      occurredOn,
      ruleVersion,
    };
  });
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  // Eight calls in flight: DynamoDB Local on two cores takes them as fast as it can.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++] ?? [];
        let requests = batch.map((Item) => ({ PutRequest: { Item: { ...Item, PK: village } } }));
        while (requests.length > 0) {
          const out = await w.db.doc.send(
            new BatchWriteCommand({ RequestItems: { [w.db.tableName]: requests } }),
          );
          requests = (out.UnprocessedItems?.[w.db.tableName] ?? []) as typeof requests;
        }
      }
    }),
  );
  written += count;
}

let ownDynamo: DynamoLocal;

beforeAll(async () => {
  // Its own DynamoDB Local: tens of thousands of items in the worker's shared one slowed every later file, and
  // this test itself once past four minutes, behind what earlier files had left there.
  ownDynamo = await startDynamoLocal();
  w = await buildWorld({ endpoint: ownDynamo.endpoint });
  w.db.doc.middlewareStack.add(
    (next) => async (args) => {
      if (!measuring) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const c of [consumed].flat() as { CapacityUnits?: number }[]) units += c?.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'readCost' },
  );
  const base = `/api/villages/${w.a.id}`;
  const program = await ok('POST', `${base}/programs`, w.a.adminToken, { name: '生态积分' });
  const set = await ok('POST', `${base}/rule-sets`, w.a.adminToken, {
    programId: program.id,
    name: '细则',
    templateId: 'builtin:public-affairs',
  });
  await ok('POST', `${base}/rule-sets/${set.id}/publish`, w.a.adminToken, {
    effectiveFrom: chinaDate(new Date()),
  });
  await ok('PATCH', base, w.a.adminToken, { postingDays: 0 });
  const household = await ok('POST', `${base}/households`, w.a.adminToken, {
    number: '0001',
    group: '一组',
    members: [{ name: '罗先和', relation: '户主' }],
  });
  const rec = await ok('POST', `${base}/point-records`, w.a.recorderToken, {
    programId: program.id,
    householdId: household.id,
    ruleCode: 'VOLUNTEER',
    occurredOn: chinaDate(new Date()),
  });
  await ok('POST', `${base}/point-records/${rec.id}/approve`, w.a.adminToken, {});
  const partition = async (prefix: string) =>
    (
      await w.db.doc.send(
        new QueryCommand({
          TableName: w.db.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': keys.tenantScope.village(w.x.id, w.a.id), ':p': prefix },
        }),
      )
    ).Items?.[0] ?? {};
  record = await partition('RECORD#');
  expect(record.status).toBe('effective');
}, 120_000);

afterAll(() => ownDynamo?.stop());

describe('the county report’s read cost', () => {
  it('is the same with 100 and with 10,000 point records (a hundred times more)', async () => {
    const path = `/api/counties/${w.x.id}/reports/villages`;
    const report = () => ok('GET', path, w.x.officialToken);
    await writeRecords(99);
    const small = await readCost(report);
    const before = await report();
    await writeRecords(9_900);
    expect(written + 1).toBe(10_000);
    const large = await readCost(report);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    // The clones are not on the aggregates, so the figures stand as recorded.
    expect(await report()).toEqual(before);
  }, 240_000);
});
