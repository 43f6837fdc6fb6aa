import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { freePort, localApp } from '@xjf/local';
import { type Browser, chromium, type Response } from 'playwright-core';
import { onCleanup } from './cleanup';
import type { Stack } from './stack';
import type { World } from './world';

const run = promisify(execFile);

/** As test/e2e/harness.ts starts Debian's Chromium. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RouteWeight {
  route: string;
  path: string;
  as: string;
  scripts: number;
  bytes: number;
  gzipBytes: number;
  /** The most this route may fetch, gzipped (issue 15): see `budgetFor`. */
  budgetBytes?: number;
}

/**
 * The admin's weight budgets on a rural connection (issue 15), in gzipped JavaScript bytes: the
 * sign-in page, which every user loads first, at most 200 KiB, every other route at most 450 KiB.
 */
export const ADMIN_BUDGETS = { signIn: 200 * 1024, route: 450 * 1024 } as const;
export const budgetFor = (route: string) =>
  route === '/sign-in' ? ADMIN_BUDGETS.signIn : ADMIN_BUDGETS.route;
/** Pass or fail against the budget, as RESULTS.md shows it. */
export const withinBudget = (w: RouteWeight) => w.gzipBytes <= (w.budgetBytes ?? budgetFor(w.route));

/** Users are signed in by username: bench/stack.ts makes the operator, bench/world.ts the others (银川村 is `yinchuan`). */
function mainRoutes(w: World) {
  const v = `/villages/${w.main.id}`;
  return [
    { route: '/sign-in', path: '/sign-in', as: 'nobody' },
    { route: '/board/:villageId', path: `/board/${w.main.id}`, as: 'nobody' },
    { route: '/counties', path: '/counties', as: 'platform operator', username: 'bench.operator' },
    {
      route: '/county/dashboard',
      path: '/county/dashboard',
      as: 'county official',
      username: 'bench.official',
    },
    { route: '/villages/:id', path: v, as: 'village admin', username: 'yinchuan.admin' },
    {
      route: '/villages/:id/households',
      path: `${v}/households`,
      as: 'village admin',
      username: 'yinchuan.admin',
    },
    {
      route: '/villages/:id/households/:householdId',
      path: `${v}/households/${w.households[0]}`,
      as: 'village admin',
      username: 'yinchuan.admin',
    },
    {
      route: '/villages/:id/approvals',
      path: `${v}/approvals`,
      as: 'village admin',
      username: 'yinchuan.admin',
    },
    { route: '/villages/:id/record', path: `${v}/record`, as: 'recorder', username: 'yinchuan.recorder' },
    {
      route: '/villages/:id/store/counter',
      path: `${v}/store/counter`,
      as: 'village admin',
      username: 'yinchuan.admin',
    },
  ];
}

/** Quiet this long with nothing in flight, the page has loaded all it will (lazy chunks included). */
const QUIET_MS = 2000;

/**
 * One route loaded in a fresh context (empty cache), signed in first when a username is given: the
 * local runtime's demo sign-in (an API call, no page) leaves the refresh cookie the admin restores
 * its session from, as after any sign-in. The JavaScript files the browser fetched, by URL. Network
 * idle alone fires too early on a loaded machine, while the entry chunk is still being parsed; so
 * it waits for the signed-in layout and then for a quiet network.
 */
async function firstLoad(browser: Browser, url: string, username?: string) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    if (username) {
      const signedIn = await context.request.post(new URL('/api/dev/sign-in', url).href, {
        data: { username },
      });
      if (!signedIn.ok()) throw new Error(`sign-in as ${username}: ${signedIn.status()}`);
    }
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    const reading: Promise<unknown>[] = [];
    let inFlight = 0;
    let lastActivity = performance.now();
    const settle = () => {
      inFlight--;
      lastActivity = performance.now();
    };
    page.on('request', () => {
      inFlight++;
      lastActivity = performance.now();
    });
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    page.on('response', (res: Response) => {
      if (new URL(res.url()).pathname.endsWith('.js'))
        reading.push(res.body().then((body) => scripts.set(res.url(), body)));
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    if (username) await page.getByTestId('current-user').waitFor({ timeout: 60_000 });
    while (inFlight > 0 || performance.now() - lastActivity < QUIET_MS) await page.waitForTimeout(200);
    const landed = new URL(page.url()).pathname;
    if (landed !== new URL(url).pathname) throw new Error(`${url} landed on ${landed}`);
    await Promise.all(reading);
    return scripts;
  } finally {
    await context.close();
  }
}

/**
 * The admin built by Vite (into `outDir`, leaving web/dist alone), served by the local app, and
 * each main route loaded signed in, in a fresh browser context (empty cache): the JavaScript
 * responses it fetched, summed raw and gzipped (zlib's default level).
 */
export async function benchAdmin(
  root: string,
  outDir: string,
  stack: Stack,
  w: World,
  progress: (line: string) => void,
) {
  const started = performance.now();
  await run('npm', ['run', 'build', '-w', 'web', '--', '--outDir', outDir], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  progress(`admin built in ${Math.round((performance.now() - started) / 1000)} s`);
  const { app } = localApp({
    db: stack.db,
    secret: 'bench-secret-for-local-tokens',
    log: () => {},
    webDist: outDir,
  });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  onCleanup(() => new Promise((resolve) => server.close(resolve)));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  onCleanup(() => browser.close());
  const base = `http://127.0.0.1:${port}`;
  const results: RouteWeight[] = [];
  for (const { route, path, as, username } of mainRoutes(w)) {
    const scripts = await firstLoad(browser, `${base}${path}`, username);
    const bodies = [...scripts.values()];
    const weight: RouteWeight = {
      route,
      path,
      as,
      scripts: bodies.length,
      bytes: bodies.reduce((s, b) => s + b.length, 0),
      gzipBytes: bodies.reduce((s, b) => s + gzipSync(b).length, 0),
      budgetBytes: budgetFor(route),
    };
    results.push(weight);
    progress(
      `admin ${route}: ${weight.scripts} scripts, ${Math.round(weight.gzipBytes / 1024)} KiB gzipped` +
        ` (budget ${Math.round(budgetFor(route) / 1024)} KiB: ${withinBudget(weight) ? 'pass' : 'FAIL'})`,
    );
  }
  return results;
}
