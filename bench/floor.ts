import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@xjf/data';
import {
  type Captured,
  documentCommand,
  type ItemKey,
  isWrite,
  keyString,
  rekeyed,
  writeTargets,
} from './commands';

export interface Template {
  commands: Captured[];
  preImages: Map<string, Record<string, unknown> | null>;
}

/**
 * Commands the operation had in flight together form one stage (Promise.all in the app); the
 * floor sends a stage's commands at once and the stages one after another, as the app did.
 */
export function stagesOf(commands: Captured[]): Captured[][] {
  const stages: Captured[][] = [];
  let minEnd = Number.NEGATIVE_INFINITY;
  for (const c of [...commands].sort((a, b) => a.start - b.start)) {
    const stage = stages.at(-1);
    if (stage && c.start < minEnd) {
      stage.push(c);
      minEnd = Math.min(minEnd, c.end);
    } else {
      stages.push([c]);
      minEnd = c.end;
    }
  }
  return stages;
}

/**
 * The floor for one API operation: the same DynamoDB requests sent straight through the SDK.
 * Reads go out exactly as captured. Writes go out as the same commands, item shapes, update
 * expressions and conditions, but every item the operation created, or wrote under a condition,
 * gets a fresh key per run: its partition key plus `#floor-<level>`, its sort key plus `#<run>`. Where such an
 * item existed before the operation (the record being approved, the account, the shelf item),
 * `seed` first copies its earlier state to the fresh key, so each condition holds as it did for
 * the app. Unconditional updates of items the operation did not create (the village's month
 * aggregate) keep their key: the floor contends on them exactly as the app does.
 */
export function floorOf(db: Db, template: Template, tag: string) {
  const stages = stagesOf(template.commands);
  const renewed = new Set(
    template.commands
      .filter((c) => isWrite(c.name))
      .flatMap((c) => writeTargets(c.name, c.input))
      .filter((t) => t.kind !== 'update' || t.conditional)
      .map((t) => keyString(t.key)),
  );
  // A partition of the floor's own beside each real one, so no query of the app ever meets its items.
  const freshKey = (i: number) => (k: ItemKey) =>
    renewed.has(keyString(k)) ? { PK: `${k.PK}#floor-${tag}`, SK: `${k.SK}#${i}` } : undefined;
  let conflicts = 0;

  async function send(c: Captured, i: number) {
    const input = isWrite(c.name) ? rekeyed(c.name, c.input, freshKey(i)) : c.input;
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.doc.send(documentCommand(c.name, input));
      } catch (error) {
        // The app retries DynamoDB's transient transaction conflicts; so does the floor.
        const transient =
          error instanceof TransactionCanceledException &&
          (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
        if (!transient || attempt >= 8) throw error;
        conflicts++;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
      }
    }
  }

  return {
    /** Copies the pre-operation state of conditioned items to the fresh keys of runs from..to-1. */
    async seed(from: number, to: number) {
      const requests: { PutRequest: { Item: Record<string, unknown> } }[] = [];
      for (let i = from; i < to; i++)
        for (const [key, item] of template.preImages)
          if (item && renewed.has(key))
            requests.push({ PutRequest: { Item: { ...item, ...freshKey(i)(item as ItemKey) } } });
      for (let at = 0; at < requests.length; at += 25) {
        let batch = requests.slice(at, at + 25);
        while (batch.length > 0) {
          const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch } }));
          batch = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof batch;
        }
      }
    },
    /** Run `i` of the floor: every stage in turn. */
    async run(i: number) {
      for (const stage of stages) await Promise.all(stage.map((c) => send(c, i)));
    },
    stages: stages.map((s) => s.map((c) => c.name)),
    conflicts: () => conflicts,
  };
}
