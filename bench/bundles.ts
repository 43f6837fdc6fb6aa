import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { median, round } from './stats';

const run = promisify(execFile);
const IMPORTS = 7;

/**
 * The options infra/constructs/api-function.ts gives NodejsFunction, as the esbuild call CDK
 * makes from them: ESM for Node 24, module before main, minified, an external source map without
 * sources, the SDK bundled (nothing external) and the createRequire banner.
 */
const lambdaOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
};

/** A bundle's bytes by package (or by workspace folder for our own code), largest first. */
function contributors(metafile: Metafile, outfile: string) {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(outfile))?.[1];
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

/** Dummy values in the shapes the handlers check at import (a user pool id is `<region>_<id>`). */
const dummies: Record<string, string> = {
  AWS_REGION: 'cn-north-1',
  USER_POOL_ID: 'cn-north-1_Bench0000',
  SIGNING_SEED_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:bench',
};

/** The environment variables an entry reads, each set to a dummy value. */
function dummyEnv(entry: string): Record<string, string> {
  const source = readFileSync(entry, 'utf8');
  const names = [...source.matchAll(/required\('([A-Z_]+)'\)|process\.env\.([A-Z_]+)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
  return Object.fromEntries(
    names.map((n) => [n, dummies[n] ?? `bench-${n.toLowerCase().replaceAll('_', '-')}`]),
  );
}

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
  bytes: number;
  gzipBytes: number;
  coldImport: { medianMs: number; runs: number[] };
  top: { name: string; bytes: number }[];
}

/** Every Lambda entry (functions/*\/src/index.ts) and the minimal handler, built and imported in this run. */
export async function benchBundles(root: string, outDir: string, progress: (line: string) => void) {
  const entries = readdirSync(join(root, 'functions'))
    .map((name) => ({ name, entry: `functions/${name}/src/index.ts` }))
    .filter(({ entry }) => statSync(join(root, entry), { throwIfNoEntry: false })?.isFile());
  entries.push({ name: 'minimal (Hono + lib-dynamodb)', entry: 'bench/minimal/handler.ts' });
  const results: BundleResult[] = [];
  for (const [i, { name, entry }] of entries.entries()) {
    const outfile = join(outDir, `bundle-${i}`, 'index.mjs');
    const { metafile } = await build({
      ...lambdaOptions,
      absWorkingDir: root,
      entryPoints: [entry],
      outfile,
    });
    if (!metafile) throw new Error('esbuild returned no metafile');
    const code = readFileSync(outfile);
    const result: BundleResult = {
      name,
      entry,
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      coldImport: await coldImport(outfile, dummyEnv(join(root, entry))),
      top: contributors(metafile, `bundle-${i}/index.mjs`),
    };
    results.push(result);
    progress(
      `bundle ${name}: ${Math.round(result.bytes / 1024)} KiB, cold import ${result.coldImport.medianMs} ms (median of ${IMPORTS})`,
    );
  }
  return results;
}
