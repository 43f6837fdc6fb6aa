import { type Collector, collecting, installCapture } from './capture';
import { cleanup } from './cleanup';
import { type Captured, isWrite, writeTargets } from './commands';
import { stagesOf } from './floor';
import { OPERATIONS, operationLabels, operations } from './operations';
import { startStack } from './stack';
import { round } from './stats';
import { buildWorld, type World } from './world';

/** Warm-up calls before the one captured: enough to create the records the approvals take. */
const WARM = 3;

type Input = Record<string, unknown>;

/** The kind of item a key names: its sort key up to the first `#` (`ACCOUNT`, `STOREITEM`…). */
const kindOf = (k: unknown) => String((k as Input).SK ?? '').split('#')[0] ?? '';

/** What one command touched, e.g. `BatchGetItem(STORESETTINGS, HOUSEHOLD, STOREITEM)`. */
function describe(c: Captured): string {
  const name = c.name.replace(/Command$/, '');
  const input = c.input;
  let kinds: string[] = [];
  if (input.Key) kinds = [kindOf(input.Key)];
  else if (input.RequestItems && name === 'BatchGetItem')
    kinds = Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).flatMap((r) =>
      r.Keys.map(kindOf),
    );
  else if (input.IndexName) {
    // An index partition is named by its tail, e.g. `RECORDS#posted`.
    const partition = Object.values((input.ExpressionAttributeValues ?? {}) as Input)
      .map(String)
      .find((v) => v.startsWith('C#'));
    kinds = [`${input.IndexName} ${partition?.split('#').slice(-2).join('#')}`];
  } else if (input.KeyConditionExpression) {
    const values = Object.values((input.ExpressionAttributeValues ?? {}) as Input).map(String);
    kinds = [values.find((v) => !v.startsWith('C#'))?.split('#')[0] ?? 'table'];
  } else kinds = writeTargets(c.name, input).map((t) => kindOf(t.key));
  return `${name}(${kinds.join(', ')})`;
}

/**
 * Only the round trips, in seconds rather than minutes (`npm run bench -- --round-trips`): each
 * operation is called a few times, the last call's DynamoDB commands are captured and printed
 * stage by stage (commands in one stage were in flight together). Counts are deterministic;
 * no timings are taken and no results file is written.
 */
export async function benchRoundTrips(w: World) {
  const ops = operations(w);
  const lines = [
    '| operation | round trips | stages | read units | write units | commands, stage by stage |',
    '|---|---|---|---|---|---|',
  ];
  for (const name of OPERATIONS) {
    const call = ops[name]('warm');
    for (let i = 0; i < WARM; i++) await call(i, 0);
    const collector: Collector = { commands: [] };
    await collecting(collector, () => call(WARM, 0));
    const stages = stagesOf(collector.commands);
    const shown = stages.map((s) => s.map(describe).join(' ‖ ')).join(' → ');
    const units = (write: boolean) =>
      round(collector.commands.filter((c) => isWrite(c.name) === write).reduce((s, c) => s + c.units, 0));
    lines.push(
      `| ${operationLabels[name]} | ${collector.commands.length} | ${stages.length} | ${units(false)} | ${units(true)} | ${shown} |`,
    );
  }
  return lines.join('\n');
}

/** The whole quick run: a fresh stack and county, the table above on stdout, everything stopped. */
export async function roundTripsOnly(progress: (line: string) => void) {
  try {
    const stack = await startStack();
    installCapture(stack.db, stack.db);
    progress('building the county through the API…');
    const table = await benchRoundTrips(await buildWorld(stack));
    console.log(table);
  } finally {
    await cleanup();
  }
}
