import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, keys } from '@xjf/data';
import { newId } from '@xjf/domain';
import { type Collector, collecting } from './capture';
import { floorOf, type Template } from './floor';
import { runLoad } from './load';
import { percentile, round } from './stats';
import type { World } from './world';

export const SCALES = [1_000, 10_000, 100_000] as const;
const CALLS = 30;

async function recordsIn(db: Db, PK: string) {
  let count = 0;
  let template: Record<string, unknown> | undefined;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': PK, ':p': 'RECORD#' },
        ExclusiveStartKey,
      }),
    );
    count += out.Count ?? 0;
    template ??= out.Items?.find((i) => i.status === 'effective');
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  if (!template) throw new Error('the bench village has no effective record to clone');
  return { count, template };
}

/**
 * Point records written straight into the village partition (BatchWrite, 25 a call, 8 calls in
 * flight), as test/integration/report-cost.test.ts does: copies of a real effective record with
 * fresh ids, without the status-queue index keys or aggregates, which the report must not need.
 */
async function writeRecords(db: Db, PK: string, template: Record<string, unknown>, count: number) {
  const { GSI1PK: _pk, GSI1SK: _sk, ...shape } = template;
  const batches: { PutRequest: { Item: Record<string, unknown> } }[][] = [];
  for (let at = 0; at < count; at += 25)
    batches.push(
      Array.from({ length: Math.min(25, count - at) }, () => {
        const id = newId();
        return { PutRequest: { Item: { ...shape, PK, SK: `RECORD#${id}`, id } } };
      }),
    );
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        let requests = batches[next++] ?? [];
        while (requests.length > 0) {
          const out = await db.doc.send(
            new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }),
          );
          requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
        }
      }
    }),
  );
}

export interface ScalePoint {
  records: number;
  p50Ms: number;
  p99Ms: number;
  /** The report's queries replayed straight through the SDK. */
  floorP50Ms: number;
  readUnits: number;
  roundTrips: number;
  /** Seconds the BatchWrite top-up to this many records took (not part of the report's time). */
  fillSeconds: number;
}

/** The county report's latency and read units with 1,000, 10,000 and 100,000 records in the village. */
export async function benchReportScale(w: World, db: Db, progress: (line: string) => void) {
  const PK = keys.tenantScope.village(w.countyId, w.main.id);
  const { count, template } = await recordsIn(db, PK);
  let records = count;
  const out: ScalePoint[] = [];
  for (const target of SCALES) {
    const t0 = performance.now();
    if (target > records) await writeRecords(db, PK, template, target - records);
    records = Math.max(records, target);
    const fillSeconds = round((performance.now() - t0) / 1000);
    // DynamoDB Local's JVM collects after a large fill; the report should not be timed against that.
    await new Promise((r) => setTimeout(r, 3000));
    const report = () => w.call('GET', `/api/counties/${w.countyId}/reports/villages`, w.officialToken);
    for (let i = 0; i < 3; i++) await report();
    const latencies: number[] = [];
    const units: number[] = [];
    const trips: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const collector: Collector = { commands: [] };
      const started = performance.now();
      await collecting(collector, report);
      latencies.push(performance.now() - started);
      units.push(collector.commands.reduce((s, c) => s + c.units, 0));
      trips.push(collector.commands.length);
    }
    // The same queries straight through the SDK: what DynamoDB Local itself takes at this size.
    const queries: Template = { commands: [], preImages: new Map() };
    await collecting(queries, report);
    const floor = floorOf(db, queries, `scale${target}`);
    const direct = await runLoad(0, CALLS, 1, (i) => floor.run(i));
    const point: ScalePoint = {
      records,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      floorP50Ms: round(percentile(direct.latencies, 50)),
      readUnits: round(Math.max(...units)),
      roundTrips: Math.max(...trips),
      fillSeconds,
    };
    if (Math.min(...units) !== Math.max(...units)) throw new Error(`report read units varied: ${units}`);
    out.push(point);
    progress(
      `county report at ${records} records: p50 ${point.p50Ms} ms (floor ${point.floorP50Ms} ms), ` +
        `${point.readUnits} read units ` +
        `(filled in ${fillSeconds} s)`,
    );
  }
  return { calls: CALLS, points: out };
}
