import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '@xjf/domain';
import type { Db } from './client';
import { tableSpec } from './table';

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const encode = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decode(cursor: string, partition: { name: string; value: string }): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  // A cursor is client-held: it must not be able to steer the query into another partition.
  if (
    typeof key !== 'object' ||
    key === null ||
    (key as Record<string, unknown>)[partition.name] !== partition.value
  ) {
    throw new ValidationError('无效的分页游标 (invalid cursor)', { cursor: 'invalid' }, 'invalid_cursor');
  }
  return key as Record<string, unknown>;
}

export interface PageQuery {
  partition: { name: string; value: string };
  /** Sort-key condition beyond the partition, e.g. `begins_with(SK, :p)`. */
  sortCondition?: { expression: string; values: Record<string, unknown> };
  /** Applied after the key condition; pages may then hold fewer than `limit` items. */
  filter?: { expression: string; values: Record<string, unknown>; names?: Record<string, string> };
  indexName?: string;
  limit?: number;
  cursor?: string;
  forward?: boolean;
}

function sortKeyOf(indexName: string | undefined): string {
  if (!indexName) return tableSpec.sortKey;
  const index = tableSpec.globalIndexes.find((i) => i.indexName === indexName);
  if (!index) throw new Error(`unknown index ${indexName}`);
  return index.sortKey;
}

/** One page of one partition, in key order. */
/** With a filter, reads go on until the page is full or this many reads were spent. */
const MAX_FILTERED_READS = 20;

export async function queryPage<T>(
  db: Db,
  q: PageQuery,
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const wanted = Math.min(q.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const items: T[] = [];
  let start = q.cursor ? decode(q.cursor, q.partition) : undefined;
  // A filter applies after DynamoDB's Limit, so one read may match few items: keep reading, never
  // asking for more than the page still lacks, so the cursor always points right after the last item.
  for (let reads = 0; ; reads++) {
    const input: QueryCommandInput = {
      TableName: db.tableName,
      IndexName: q.indexName,
      KeyConditionExpression: `#pk = :pk${q.sortCondition ? ` AND ${q.sortCondition.expression}` : ''}`,
      ExpressionAttributeNames: {
        ...q.filter?.names,
        '#pk': q.partition.name,
        ...(q.sortCondition ? { '#sk': sortKeyOf(q.indexName) } : {}),
      },
      FilterExpression: q.filter?.expression,
      ExpressionAttributeValues: {
        ':pk': q.partition.value,
        ...q.sortCondition?.values,
        ...q.filter?.values,
      },
      Limit: wanted - items.length,
      ExclusiveStartKey: start,
      ScanIndexForward: q.forward ?? true,
    };
    const out = await db.doc.send(new QueryCommand(input));
    items.push(...(out.Items ?? []).map(map));
    start = out.LastEvaluatedKey;
    if (!q.filter || !start || items.length >= wanted || reads + 1 >= MAX_FILTERED_READS) break;
  }
  return { items, nextCursor: start ? encode(start) : undefined };
}

/** One page of the items of a partition whose sort key starts with a prefix (the common listing). */
export function queryPrefix<T>(
  db: Db,
  prefix: { PK: string; SKPrefix: string },
  page: { limit?: number; cursor?: string; forward?: boolean; filter?: PageQuery['filter'] },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  return queryPage(
    db,
    {
      partition: { name: tableSpec.partitionKey, value: prefix.PK },
      sortCondition: { expression: 'begins_with(#sk, :prefix)', values: { ':prefix': prefix.SKPrefix } },
      ...page,
    },
    map,
  );
}

/** Every item under a prefix, page after page: for bounded sets (a village's accounts, a shelf) and operator commands. */
export async function queryAllPrefix<T>(
  db: Db,
  prefix: { PK: string; SKPrefix: string },
  map: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPrefix(db, prefix, { cursor }, map);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
