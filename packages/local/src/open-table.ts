import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, type Db } from '@xjf/data';
import { startDynamoLocal } from './dynamo-local';
import { localDb } from './server';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The table an operator command works on: with `--table` (and AWS credentials) a deployed one;
 * otherwise the local one, through the running `npm start` if there is one (it leaves its
 * endpoint in .data/endpoint), else by opening .data with a DynamoDB Local of our own.
 */
export async function openTable(
  extraOptions: Record<string, { type: 'boolean' }> = {},
): Promise<{ db: Db; flags: Record<string, unknown>; stop: () => Promise<void> }> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      ...extraOptions,
    },
  });
  const flags = values as Record<string, unknown>;
  const table = values.table as string | undefined;
  const endpoint = values.endpoint as string | undefined;
  if (table) {
    const region = (values.region as string | undefined) ?? process.env.AWS_REGION ?? 'cn-northwest-1';
    return { db: createDb({ tableName: table, region, endpoint }), flags, stop: async () => {} };
  }
  const endpointFile = `${root}.data/endpoint`;
  const running = endpoint ?? (existsSync(endpointFile) ? readFileSync(endpointFile, 'utf8').trim() : '');
  if (running && (await reachable(running)))
    return { db: await localDb(running), flags, stop: async () => {} };
  if (!existsSync(`${root}.data/dynamodb`)) {
    console.error('✗ 没有本地数据：先运行 npm start (no local data: run npm start first)');
    process.exit(1);
  }
  const dynamo = await startDynamoLocal({ dbPath: `${root}.data/dynamodb` });
  return { db: await localDb(dynamo.endpoint), flags, stop: dynamo.stop };
}

async function reachable(endpoint: string) {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
