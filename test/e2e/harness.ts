import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { freePort, localApp, localDb, seedDemo } from '@xjf/local';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

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

/**
 * The built admin served by the real local app (its own table in the shared DynamoDB Local,
 * seeded with the demo counties) and Debian's Chromium driving it. The test file owns both.
 */
export async function startAdmin() {
  if (!existsSync(`${webDist}/index.html`))
    throw new Error('web/dist is missing: run `npm run build -w web`');
  const db = await localDb(inject('dynamoEndpoint'), `e2e-${randomUUID()}`);
  await seedDemo(db, new Date());
  const { app } = localApp({ db, secret: `e2e-${randomUUID()}`, log: () => {}, webDist });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

  return {
    base,
    /** A page in its own browser context: no storage shared with other tests. */
    async freshPage(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async signInAs(page: Page, username: string) {
      await page.goto(`${base}/sign-in`);
      await page.locator(`[data-username="${username}"]`).click();
      await page.getByTestId('current-user').waitFor();
    },
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Admin = Awaited<ReturnType<typeof startAdmin>>;
