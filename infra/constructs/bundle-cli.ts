import { relative } from 'node:path';
import { BUNDLE_BUDGET_BYTES, bundleFunction } from './bundle';

/**
 * `tsx infra/constructs/bundle-cli.ts <entry> <outDir>`: what CDK runs to build a function's
 * asset (a child process, since CDK's local bundling is synchronous and esbuild plugins are not).
 * Prints the size and fails the synth when the bundle is over budget.
 */
const [entry, outDir] = process.argv.slice(2);
if (!entry || !outDir) throw new Error('usage: bundle-cli <entry> <outDir>');
const { bytes } = await bundleFunction(entry, outDir);
const kb = (bytes / 1000).toFixed(1);
const verdict = bytes <= BUNDLE_BUDGET_BYTES ? 'within' : 'OVER';
console.error(
  `${relative(process.cwd(), entry)}: ${kb} kB minified, ${verdict} the ${BUNDLE_BUDGET_BYTES / 1000} kB budget`,
);
if (bytes > BUNDLE_BUDGET_BYTES) process.exit(1);
