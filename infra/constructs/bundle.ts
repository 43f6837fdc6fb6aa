import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

/** The budget issue 8 sets for every function: what a cold start has to load and parse. */
export const BUNDLE_BUDGET_BYTES = 400_000;

/**
 * zod's `locales` namespace is part of `z`, and @hono/zod-openapi extends the whole `z`
 * object, so esbuild keeps all 50 languages (260 kB). We configure only English and Chinese
 * (packages/domain/src/zod-messages.ts imports them by file), so the index names only those.
 */
const zodLocalesTwoLanguages: Plugin = {
  name: 'zod-locales-en-zh',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';\nexport { default as zhCN } from './zh-CN.js';\n",
      loader: 'js',
    }));
  },
};

/**
 * zod APIs we never call that `z` carries anyway: compiling schemas to code (`z.compile`, 29 kB)
 * and reading JSON Schema (`z.fromJSONSchema`, 12 kB). Nothing inside zod imports these files
 * (only the namespace re-exports them), so each is replaced by the same export names, which
 * throw if ever called. test/infra/bundles.test.ts runs the built functions.
 */
const zodUnusedApis: Plugin = {
  name: 'zod-unused-apis',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]zod[\\/]v4[\\/](core[\\/]compile|classic[\\/]from-json-schema)\.js$/ },
      async (args) => {
        const names = Object.keys(await import(pathToFileURL(args.path).href));
        const stub = (name: string) =>
          `export const ${name} = () => { throw new Error('zod ${name} is left out of this bundle (infra/constructs/bundle.ts)'); };`;
        return { contents: names.map(stub).join('\n'), loader: 'js' };
      },
    );
  },
};

/**
 * How every function is built: NodejsFunction's own esbuild options (ESM for Node 24, module
 * before main, minified, external source maps without sources, the createRequire banner), plus
 * the plugin above, which NodejsFunction cannot take. The AWS SDK is the runtime's, as
 * NodejsFunction does by default on Node 18 and later: bundling our own pinned copy cost
 * 390 kB in every function, nearly the whole budget.
 */
export const lambdaBuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  external: ['@aws-sdk/*', '@smithy/*'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  plugins: [zodLocalesTwoLanguages, zodUnusedApis],
  // Dynamic imports (the Excel writer) become chunks loaded only when used, not at cold start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
};

/**
 * Builds one function into `outDir` (`index.mjs` and its lazily loaded chunks) and answers its
 * JavaScript in bytes: the entry, which every cold start loads, and all files together.
 */
export async function bundleFunction(entry: string, outDir: string, options: BuildOptions = {}) {
  const result = await build({
    ...lambdaBuildOptions,
    ...options,
    entryPoints: { index: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const scripts = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.mjs'));
  const size = (file: string) => statSync(file).size;
  const entryFile = join(outDir, 'index.mjs');
  return {
    entryFile,
    entryBytes: size(entryFile),
    bytes: scripts.reduce((sum, file) => sum + size(file), 0),
    metafile: result.metafile,
  };
}
