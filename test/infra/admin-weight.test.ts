import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The sign-in page's weight, read from the built admin (web/dist, which `npm test` builds first):
 * bytes, not time. Its scripts are the entry and its modulepreloads (index.html), the sign-in page's
 * chunk, the core words of the default language (Chinese), and every chunk they import statically,
 * each gzipped at zlib's default level as bench/admin-bench.ts measures them in Chromium.
 */
const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const assets = join(dist, 'assets');

/**
 * What the sign-in page may not grow past: about what it weighs now (~330 KiB) with a little room,
 * lowered as the page sheds weight towards issue 15's 200 KiB (bench/admin-bench.ts measures it).
 * React, React Router and i18next alone are ~116 KiB, antd's ConfigProvider, App, Form, Input and
 * Button another ~100.
 */
const CEILING = 345 * 1024;

const staticImports = (code: string) =>
  [
    ...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g),
  ].map((m) => m[1] as string);

function signInScripts(): Map<string, number> {
  // `npm test` builds the admin before this runs; without it the weight is unknown, not zero.
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run npm run build:web');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1] as string);
  const files = readdirSync(assets);
  const page = files.find((f) => /^SignInPage-[\w-]+\.js$/.test(f));
  // The core words: zh.ts without its feature sections (web/vite.config.ts), a chunk named zh-<hash>.
  const words = files.find((f) => /^zh-[\w-]{8}\.js$/.test(f));
  if (!page || !words) throw new Error('web/dist has no sign-in page or Chinese words chunk');
  const sizes = new Map<string, number>();
  const visit = (file: string) => {
    if (sizes.has(file)) return;
    const code = readFileSync(join(assets, file));
    sizes.set(file, gzipSync(code).length);
    for (const next of staticImports(code.toString('utf8'))) visit(next);
  };
  for (const file of [...roots, page, words]) visit(file);
  return sizes;
}

describe('the admin on a rural connection', () => {
  const total = () => [...signInScripts().values()].reduce((sum, n) => sum + n, 0);

  it('loads the sign-in page with no more JavaScript than its ceiling, and only one language', () => {
    const scripts = signInScripts();
    expect(scripts.size).toBeGreaterThan(3);
    expect([...scripts.keys()].filter((f) => /^en-/.test(f))).toEqual([]);
    expect(total()).toBeLessThanOrEqual(CEILING);
  });
});
