import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@xjf/data';
import { benchAdmin } from './admin-bench';
import { benchOperations, LEVELS } from './api-bench';
import { benchBundles } from './bundles';
import { installCapture } from './capture';
import { cleanup, onCleanup } from './cleanup';
import { benchImports } from './imports-bench';
import { benchReportScale } from './report-scale';
import type { Results } from './results';
import { roundTripsOnly } from './round-trips';
import { startStack } from './stack';
import { round } from './stats';
import { admin, summary } from './summary';
import { buildWorld } from './world';

const root = fileURLToPath(new URL('../', import.meta.url));
const started = performance.now();
const elapsed = () => `${Math.round((performance.now() - started) / 1000)}s`.padStart(5);
const progress = (line: string) => console.error(`[${elapsed()}] ${line}`);
const load = () => loadavg().map((x) => round(x));
// 200 calls a level: about 4 minutes on a quiet 2-core machine; BENCH_OPS=100 halves that part when it is busy.
const opsPerLevel = Number(process.env.BENCH_OPS ?? 200);

// `npm run bench -- --round-trips`: only the DynamoDB requests per operation, in seconds, no files written.
if (process.argv.includes('--round-trips')) {
  await roundTripsOnly(progress);
  process.exit();
}

// `npm run bench -- admin`: only the admin's first-load weight (about a minute), written into the
// admin section of RESULTS.md and results.json; the other sections stay as the last full run left them.
if (process.argv.slice(2).includes('admin')) {
  await adminOnly();
  process.exit();
}

const results: Results = {
  generatedAt: new Date().toISOString(),
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(),
  durationSeconds: 0,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.versions.node,
    loadAverageAtStart: load(),
    loadAverageAtEnd: [],
  },
  settings: { opsPerLevel, warmup: 20, levels: LEVELS },
  errors: {},
};

/** A section that fails is reported and the rest still run; the exit code says so. */
async function section<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  progress(`— ${name}`);
  try {
    return await work();
  } catch (error) {
    progress(`✗ ${name}: ${String(error)}`);
    results.errors[name] = String(error instanceof Error ? error.message : error).slice(0, 500);
    return undefined;
  }
}

try {
  // Inside the repository: the built functions find the (external) SDK in node_modules.
  const outDir = mkdtempSync(join(root, 'node_modules', '.xjf-bench-'));
  onCleanup(async () => rmSync(outDir, { recursive: true, force: true }));
  progress(`${results.machine.cores} cores, load average ${results.machine.loadAverageAtStart.join(' ')}`);
  const stack = await startStack();
  // The floor's client: the same configuration as the app's, without the capture middleware.
  const direct = createDb({ tableName: stack.db.tableName, region: 'local', endpoint: stack.endpoint });
  installCapture(stack.db, direct);
  progress('building the county through the API…');
  const world = await buildWorld(stack);
  results.operations = await section('API operations and floor', () =>
    benchOperations(world, direct, { perLevel: opsPerLevel, warmup: results.settings.warmup }, progress),
  );
  results.reportScale = await section('county report at scale', () =>
    benchReportScale(world, direct, progress),
  );
  results.imports = await section('5,000-row imports', () => benchImports(world, progress));
  results.bundles = await section('Lambda bundles', () =>
    benchBundles(root, join(outDir, 'bundles'), progress),
  );
  results.admin = await section('admin first load', () =>
    benchAdmin(root, join(outDir, 'web'), stack, world, progress),
  );
} catch (error) {
  results.errors.setup = String(error instanceof Error ? error.stack : error);
  progress(`✗ ${results.errors.setup}`);
} finally {
  await cleanup();
}

results.machine.loadAverageAtEnd = load();
results.durationSeconds = round((performance.now() - started) / 1000);
const markdown = summary(results);
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench/RESULTS.md'), markdown);
progress('wrote bench/results.json and bench/RESULTS.md');
console.log(markdown);
process.exitCode = Object.keys(results.errors).length > 0 ? 1 : 0;

async function adminOnly() {
  const jsonFile = join(root, 'bench/results.json');
  const mdFile = join(root, 'bench/RESULTS.md');
  const outDir = mkdtempSync(join(root, 'node_modules', '.xjf-bench-'));
  let failed = false;
  try {
    onCleanup(async () => rmSync(outDir, { recursive: true, force: true }));
    const stack = await startStack();
    const world = await buildWorld(stack);
    const weights = await benchAdmin(root, join(outDir, 'web'), stack, world, progress);
    const previous: Results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    previous.admin = weights;
    delete previous.errors['admin first load'];
    writeFileSync(jsonFile, `${JSON.stringify(previous, null, 2)}\n`);
    const section = admin(previous);
    const markdown = existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : summary(previous);
    const start = markdown.indexOf('\n## Admin: JavaScript on first load');
    const next = start < 0 ? -1 : markdown.indexOf('\n## ', start + 1);
    const updated =
      start < 0
        ? `${markdown.trimEnd()}\n${section}`
        : `${markdown.slice(0, start)}${section}${next < 0 ? '' : markdown.slice(next)}`;
    writeFileSync(mdFile, updated);
    progress('wrote the admin section of bench/RESULTS.md and bench/results.json');
    console.log(section);
  } catch (error) {
    failed = true;
    progress(`✗ admin first load: ${String(error instanceof Error ? error.stack : error)}`);
  } finally {
    await cleanup();
  }
  process.exitCode = failed ? 1 : 0;
}
