import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { surfaces } from '@xjf/api/routing';
import type { BuildOptions, Metafile } from 'esbuild';
import { bundleFunction } from '../infra/constructs/bundle';
import { median, round } from './stats';

const run = promisify(execFile);
const IMPORTS = 7;

/** A bundle's bytes by package (or by workspace folder for our own code), largest first. */
function contributors(metafile: Metafile, outfile: string) {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(path) === outfile)?.[1];
  const byOwner = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const parts = path.split('node_modules/');
    const tail = parts.at(-1) ?? path;
    const owner =
      parts.length > 1
        ? tail.startsWith('@')
          ? tail.split('/').slice(0, 2).join('/')
          : (tail.split('/')[0] ?? tail)
        : path.split('/').slice(0, 2).join('/');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
  }
  return [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([name, bytes]) => ({ name, bytes }));
}

/** Dummy values in the shapes the functions check at cold start (a user pool id is `<region>_<id>`). */
const environment: Record<string, string> = {
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: 'bench',
  USER_POOL_ID: 'cn-north-1_Bench0000',
  USER_POOL_CLIENT_ID: 'bench-client',
  SIGNING_SEED_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:bench',
  PHOTO_BUCKET: 'bench-photos',
};

/** Milliseconds a fresh `node` takes to import the bundle, measured inside it; the median of several. */
async function coldImport(file: string, env: Record<string, string>) {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    const { stdout } = await run(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      {
        // The Lambda's own environment (NODE_OPTIONS there is --enable-source-maps), without
        // credentials or network: nothing may be fetched at import.
        env: {
          PATH: process.env.PATH ?? '',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
      },
    );
    times.push(Number(stdout.trim()));
  }
  return { medianMs: round(median(times)), runs: times.map(round) };
}

export interface BundleResult {
  name: string;
  entry: string;
  /** All the function's JavaScript, lazily loaded chunks included: what the budget counts. */
  bytes: number;
  /** The entry file alone: what every cold start loads. */
  entryBytes: number;
  gzipBytes: number;
  coldImport: { medianMs: number; runs: number[] };
  top: { name: string; bytes: number }[];
}

/**
 * Every Lambda function (one per API surface, and the jobs) and the minimal handler, built by
 * infra/constructs/bundle.ts exactly as the deployment builds them, and imported in this run.
 * `outDir` must lie inside the repository: the SDK is external, found in node_modules as the
 * runtime's is in AWS.
 */
export async function benchBundles(root: string, outDir: string, progress: (line: string) => void) {
  const entries: { name: string; entry: string; options?: BuildOptions }[] = surfaces.map((name) => ({
    name,
    entry: `functions/api/src/lambda/${name}.ts`,
  }));
  entries.push({ name: 'jobs', entry: 'functions/jobs/src/index.ts' });
  // The trade the build makes, measured: the same admin function carrying its own copy of the SDK.
  entries.push({
    name: 'admin, SDK bundled (not deployed)',
    entry: 'functions/api/src/lambda/admin.ts',
    options: { external: [] },
  });
  entries.push({ name: 'minimal (Hono + lib-dynamodb)', entry: 'bench/minimal/handler.ts' });
  const results: BundleResult[] = [];
  for (const [i, { name, entry, options }] of entries.entries()) {
    const dir = join(outDir, `bundle-${i}`);
    const built = await bundleFunction(join(root, entry), dir, options);
    const code = readFileSync(built.entryFile);
    const result: BundleResult = {
      name,
      entry,
      bytes: built.bytes,
      entryBytes: built.entryBytes,
      gzipBytes: gzipSync(code).length,
      coldImport: await coldImport(built.entryFile, environment),
      top: contributors(built.metafile, built.entryFile),
    };
    results.push(result);
    progress(
      `bundle ${name}: ${Math.round(result.bytes / 1000)} kB, cold import ${result.coldImport.medianMs} ms (median of ${IMPORTS})`,
    );
  }
  return results;
}
