import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { freePort, localApp, localDb } from '@xjf/local';
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
 * Pages ask for reduced motion, as many cheap phones do: the admin then skips antd's animations
 * (web/src/app/App.tsx), so no step waits for a dialog or menu to finish easing in.
 *
 * The built admin served by the real local app on a copy of the demo seeded once per run, in
 * the DynamoDB Local the browser tests share (test/support/e2e-global-setup.ts), and Debian's
 * Chromium driving it. The test file owns its copy, the server and the browser.
 */
export async function startAdmin() {
  if (!existsSync(`${webDist}/index.html`))
    throw new Error('web/dist is missing: run `npm run build -w web`');
  // A copy of the seeded demo under an access key of this file's own (e2e-global-setup.ts).
  const { endpoint, dir } = inject('e2eDynamo');
  const accessKey = `e2e${randomUUID().replaceAll('-', '')}`;
  const databaseFile = join(dir, `${accessKey}_local.db`);
  copyFileSync(join(inject('demoDataDir'), 'shared-local-instance.db'), databaseFile);
  const db = await localDb(endpoint, undefined, accessKey);
  const { app } = localApp({ db, secret: `e2e-${randomUUID()}`, log: () => {}, webDist });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  /** The demo user picker: the sign-in page's third tab on the local runtime. */
  const openDemoPicker = (page: Page) => page.locator('.ant-tabs-tab[data-node-key="demo"]').click();

  return {
    base,
    /** A page in its own browser context: no storage shared with other tests. */
    async freshPage(): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 1360, height: 900 },
        locale: 'zh-CN',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    /** A phone-sized page (375 × 740, touch), the screen most villagers and recorders have. */
    async phonePage(): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    openDemoPicker,
    async signInAs(page: Page, username: string) {
      await page.goto(`${base}/sign-in`);
      await openDemoPicker(page);
      await page.locator(`[data-username="${username}"]`).click();
      await page.getByTestId('current-user').waitFor();
    },
    /** Through the user menu in the header, as on a phone or a desk. */
    async signOut(page: Page) {
      await page.getByTestId('current-user').click();
      await page.getByTestId('sign-out').click();
    },
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(databaseFile, { force: true });
    },
  };
}

export type Admin = Awaited<ReturnType<typeof startAdmin>>;

/** How wide the page is laid out: more than the viewport means the user must scroll sideways. */
export const layoutWidth = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

/** Opens the antd select named `label`, types `search` and picks the option reading `option`. */
export async function choose(page: Page, label: string, search: string, option: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(search);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}
