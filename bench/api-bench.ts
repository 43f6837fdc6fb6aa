import type { Db } from '@xjf/data';
import { type Collector, collecting } from './capture';
import { isWrite } from './commands';
import { floorOf, type Template } from './floor';
import { pooled, runLoad, type Sample } from './load';
import { OPERATIONS, type Operation, operations } from './operations';
import { type LoadSummary, ratio, round } from './stats';
import type { World } from './world';

export const LEVELS = [1, 8, 32] as const;
const ROUNDS = 4;

export interface OperationCost {
  /** DynamoDB requests per API call (SDK commands; a transaction is one). */
  roundTrips: number;
  readUnits: number;
  writeUnits: number;
  /** The commands, in the order the template call sent them. */
  commands: string[];
  /** How the floor sends them: stages one after another, a stage's commands at once. */
  floorStages: string[][];
}

export interface LevelResult {
  api: LoadSummary;
  floor: LoadSummary;
  /** API ÷ floor: latency ratios (higher is slower) and the throughput ratio (lower is slower). */
  ratio: { p50: number; p99: number; throughput: number };
  /** Mean DynamoDB requests per API call at this level (retries under contention show here). */
  apiRoundTrips: number;
  floorConflictRetries: number;
}

function costOf(template: Template, stages: string[][]): OperationCost {
  const units = (read: boolean) =>
    round(template.commands.filter((c) => isWrite(c.name) !== read).reduce((s, c) => s + c.units, 0));
  return {
    roundTrips: template.commands.length,
    readUnits: units(true),
    writeUnits: units(false),
    commands: template.commands.map((c) => c.name.replace(/Command$/, '')),
    floorStages: stages.map((s) => s.map((n) => n.replace(/Command$/, ''))),
  };
}

/**
 * Each operation: a warm-up whose last call is captured as the floor's template (with the
 * state its conditions saw), then at each concurrency level `perLevel` API calls and
 * `perLevel` floor runs of the same DynamoDB requests, in alternating rounds.
 */
export async function benchOperations(
  w: World,
  floorDb: Db,
  options: { perLevel: number; warmup: number },
  progress: (line: string) => void,
) {
  const ops = operations(w);
  const results = {} as Record<Operation, { cost: OperationCost; levels: Record<number, LevelResult> }>;
  for (const name of OPERATIONS) {
    const call = ops[name];
    for (let i = 0; i < options.warmup - 1; i++) await call('warm')(i, 0);
    const template: Collector & Template = { commands: [], preImages: new Map() };
    await collecting(template, () => call('warm')(options.warmup - 1, 0));
    const levels: Record<number, LevelResult> = {};
    let stages: string[][] = [];
    for (const concurrency of LEVELS) {
      const run = `c${concurrency}`;
      let trips = 0;
      const floor = floorOf(floorDb, template, run);
      stages = floor.stages;
      const apiRounds: Sample[] = [];
      const floorRounds: Sample[] = [];
      // API and floor take turns, so both meet the same moments of a shared machine.
      for (let r = 0; r < ROUNDS; r++) {
        const from = Math.floor((r * options.perLevel) / ROUNDS);
        const to = Math.floor(((r + 1) * options.perLevel) / ROUNDS);
        apiRounds.push(
          await runLoad(from, to, concurrency, async (i, client) => {
            const collector: Collector = { commands: [] };
            await collecting(collector, () => call(run)(i, client));
            trips += collector.commands.length;
          }),
        );
        await floor.seed(from, to);
        floorRounds.push(await runLoad(from, to, concurrency, (i) => floor.run(i)));
      }
      const api = pooled(apiRounds, concurrency);
      const direct = pooled(floorRounds, concurrency);
      levels[concurrency] = {
        api,
        floor: direct,
        ratio: {
          p50: ratio(api.p50Ms, direct.p50Ms),
          p99: ratio(api.p99Ms, direct.p99Ms),
          throughput: ratio(api.opsPerSecond, direct.opsPerSecond),
        },
        apiRoundTrips: round(trips / options.perLevel),
        floorConflictRetries: floor.conflicts(),
      };
      progress(
        `${name} ×${concurrency}: API p50 ${api.p50Ms} ms, p99 ${api.p99Ms} ms, ${api.opsPerSecond}/s; ` +
          `floor p50 ${direct.p50Ms} ms, ${direct.opsPerSecond}/s`,
      );
    }
    results[name] = { cost: costOf(template, stages), levels };
  }
  return results;
}
