import { AsyncLocalStorage } from 'node:async_hooks';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@xjf/data';
import { type Captured, type ItemKey, keyString, writeTargets } from './commands';

/** What one API operation sent to DynamoDB, attributed through the async context of its request. */
export interface Collector {
  commands: Captured[];
  /** When set, each write target's item as it was before the operation first wrote it (null: absent). */
  preImages?: Map<string, Record<string, unknown> | null>;
}

const current = new AsyncLocalStorage<Collector>();

/** Runs `work` (one API call) with every DynamoDB command it issues recorded in `collector`. */
export const collecting = <T>(collector: Collector, work: () => Promise<T>) => current.run(collector, work);

/**
 * SDK middleware on the app's own client: asks DynamoDB for the capacity each command consumed
 * (ReturnConsumedCapacity TOTAL) and records the command, its input, its timing and its units.
 * With pre-images wanted, it first reads each write target through `raw`, a second client,
 * so the floor can recreate the state the operation's conditions saw.
 */
export function installCapture(db: Db, raw: Db) {
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const collector = current.getStore();
      if (!collector) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const name = String(context.commandName);
      if (collector.preImages) await readPreImages(raw, name, input, collector.preImages);
      const entry: Captured = {
        name,
        input: structuredClone(input),
        start: performance.now(),
        end: 0,
        units: 0,
      };
      collector.commands.push(entry);
      let out: Awaited<ReturnType<typeof next>>;
      try {
        out = await next(args);
      } finally {
        entry.end = performance.now();
      }
      const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const c of [consumed].flat() as { CapacityUnits?: number }[]) entry.units += c?.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchCapture' },
  );
}

async function readPreImages(
  raw: Db,
  name: string,
  input: Record<string, unknown>,
  seen: Map<string, Record<string, unknown> | null>,
) {
  const fresh = writeTargets(name, input)
    .map((t) => t.key)
    .filter((k) => !seen.has(keyString(k)));
  await Promise.all(
    fresh.map(async (Key: ItemKey) => {
      const out = await raw.doc.send(new GetCommand({ TableName: raw.tableName, Key, ConsistentRead: true }));
      seen.set(keyString(Key), out.Item ?? null);
    }),
  );
}
