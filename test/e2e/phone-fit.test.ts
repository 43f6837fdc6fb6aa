import { VILLAGER_SIGN_IN } from '@xjf/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, type ExpectStatic, expect, it } from 'vitest';
import { client } from '../support/http';
import { type Admin, layoutWidth, startAdmin } from './harness';

/**
 * Issue 15, item 3: every page of every role fits a 375 px phone without sideways scrolling, the
 * menu is a drawer over the page that closes on navigation, and dialogs fit the screen. Each role
 * walks its own menu (the drawer), then the detail pages and a dialog or two of its main pages.
 */
const PHONE = 375;

let admin: Admin;
let villageId = '';
let reviewer = '';
beforeAll(async () => {
  admin = await startAdmin();
  // No township reviewer in the demo: 大方县's admin adds one for 银川村's township.
  const call = client({ request: (path, init) => fetch(`${admin.base}${path}`, init) });
  const tokenOf = async (username: string): Promise<string> =>
    (await call('POST', '/api/dev/sign-in', { body: { username } })).body.tokens.accessToken;
  const token = await tokenOf('yinchuan.admin');
  villageId = (await call('GET', '/api/me', { token })).body.villageId;
  const village = (await call('GET', `/api/villages/${villageId}`, { token })).body;
  reviewer = `fit.reviewer${Date.now().toString(36)}`;
  const created = await call('POST', `/api/counties/${village.countyId}/users`, {
    token: await tokenOf('dafang.admin'),
    body: { username: reviewer, name: '审核员', role: 'township_reviewer', townshipId: village.townshipId },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
});
afterAll(() => admin?.stop());

/** Waits for the page and its data, then fails softly (the walk goes on) if it is wider than the phone. */
async function fits(page: Page, who: string, what = '') {
  const path = new URL(page.url()).pathname;
  // The shell says which page it has rendered (the public board has no shell).
  if (!path.startsWith('/board/'))
    await page.locator(`.xjf-content[data-path="${path}"]`).waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
  await page
    .locator('.ant-skeleton-active, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  await page.waitForTimeout(100);
  const width = await layoutWidth(page);
  expectOn(page).soft(width, `${who} ${path}${what}: laid out ${width} px wide`).toBeLessThanOrEqual(PHONE);
  return path;
}

/** The open dialog stays within the screen, and nothing in it scrolls the dialog sideways. */
async function dialogFits(page: Page, who: string, button: RegExp) {
  await page
    .getByRole('button', { name: button })
    .first()
    .click()
    .catch(async (error: unknown) => {
      await page.screenshot({ path: `test-results/phone-fit-${who}.png` });
      throw error;
    });
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForTimeout(350); // the zoom-in animation
  const box = await dialog.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, wrap: el.closest('.ant-modal-wrap')?.scrollWidth ?? 0 };
  });
  const path = new URL(page.url()).pathname;
  expectOn(page)
    .soft(
      box.left >= 0 && box.right <= PHONE && box.wrap <= PHONE,
      `${who} ${path} dialog ${button}: from ${box.left} to ${box.right} px, scrolls ${box.wrap} px wide`,
    )
    .toBe(true);
  await fits(page, who, ` with dialog ${button}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

const openDrawer = (page: Page) => page.locator('.xjf-nav-drawer.ant-drawer-open');

/**
 * Every item of the role's menu, opened from the drawer: the drawer overlays the page (the page
 * keeps the phone's width) and closes once the item is chosen. Returns the paths visited.
 */
async function walkMenu(page: Page, who: string): Promise<string[]> {
  const home = new URL(page.url()).pathname;
  const toggle = page.getByTestId('nav-toggle');
  await toggle.click();
  const items = openDrawer(page).getByRole('menuitem');
  await items.first().waitFor();
  const count = await items.count();
  // Open, the menu lies over the page instead of narrowing it.
  const content = await page.locator('.xjf-content').boundingBox();
  expectOn(page)(content?.width, `${who}: the page under the open menu`).toBeGreaterThan(PHONE - 10);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    // The public notice board has no menu: come back to the shell first.
    if (!(await toggle.isVisible())) await page.goto(`${admin.base}${home}`);
    if ((await openDrawer(page).count()) === 0) {
      await toggle.click();
      await page.waitForTimeout(300); // the drawer slides in
    }
    const item = openDrawer(page).getByRole('menuitem').nth(i);
    // The item's key is its path (rc-menu's data-menu-id ends with it).
    const id = (await item.getAttribute('data-menu-id')) ?? '';
    const path = id.slice(id.indexOf('-/') + 1);
    await item.click();
    if (path.startsWith('/board/')) await page.waitForURL((url) => url.pathname === path);
    else await page.locator(`.xjf-content[data-path="${path}"]`).waitFor({ state: 'attached' });
    await expectOn(page)
      .poll(() => openDrawer(page).count(), { message: `${who}: menu closes` })
      .toBe(0);
    paths.push(await fits(page, who));
  }
  return paths;
}

/** The roles walk concurrently: each page asserts with its own test's expect. */
const expects = new WeakMap<Page, ExpectStatic>();
const expectOn = (page: Page): ExpectStatic => expects.get(page) ?? expect;

async function phoneAs(username: string, expect: ExpectStatic) {
  const page = await admin.phonePage();
  expects.set(page, expect);
  await admin.signInAs(page, username);
  return page;
}

/** Opens the first link on the page whose address starts with `prefix`. */
async function follow(page: Page, who: string, prefix: string) {
  const link = page.locator(`main a[href^="${prefix}"], .xjf-content a[href^="${prefix}"]`).first();
  await link.waitFor();
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith(prefix) && url.pathname !== prefix);
  return fits(page, who);
}

/** A rule set from the rules list, by its button: on a phone the list shows no link to it. */
async function openRuleSet(page: Page, who: string) {
  const from = new URL(page.url()).pathname;
  await page
    .getByRole('button', { name: /查看细则/ })
    .first()
    .click();
  await page.waitForURL((url) => url.pathname.startsWith(`${from}/`));
  return fits(page, who);
}

// The roles walk side by side, a browser context each, on one admin.
describe.concurrent('every page of every role fits a 375 px phone (issue 15, item 3)', {
  timeout: 150_000,
}, () => {
  it('platform operator', async ({ expect }) => {
    const page = await phoneAs('operator', expect);
    expect(await walkMenu(page, 'operator')).toEqual(['/counties']);
    await dialogFits(page, 'operator', /开通县/);
    await page.goto(`${admin.base}/account`);
    await fits(page, 'operator');
    await page.context().close();
  });

  it('county admin', async ({ expect }) => {
    const who = 'dafang.admin';
    const page = await phoneAs(who, expect);
    const paths = await walkMenu(page, who);
    expect(paths).toContain('/users');
    await page.goto(`${admin.base}/users`);
    await dialogFits(page, who, /新增县级用户/);
    await page.goto(`${admin.base}/county`);
    await dialogFits(page, who, /新增乡镇/);
    await page.goto(`${admin.base}/county/partners`);
    await dialogFits(page, who, /登记合作机构/);
    await page.goto(`${admin.base}/county/programs`);
    await openRuleSet(page, who);
    for (const sub of ['', '/rules'])
      await page.goto(`${admin.base}/villages/${villageId}${sub}`).then(() => fits(page, who));
    await page.context().close();
  });

  it('county official', async ({ expect }) => {
    const who = 'dafang.official';
    const page = await phoneAs(who, expect);
    await walkMenu(page, who);
    // 本村概况 as the dashboard opens it, and the village's pages the county reads.
    for (const sub of ['/summary', '', '/approvals'])
      await page.goto(`${admin.base}/villages/${villageId}${sub}`).then(() => fits(page, who));
    await page.context().close();
  });

  it('township reviewer', async ({ expect }) => {
    const page = await phoneAs(reviewer, expect);
    expect(await walkMenu(page, 'reviewer')).toEqual(['/township']);
    // 银川村's queue, which the reviewer reads (it decides there once the village turns review on).
    await page.goto(`${admin.base}/villages/${villageId}/approvals`);
    await fits(page, 'reviewer');
    // Each record names its rule in Chinese, never by its code.
    await page.getByTestId('record-cell').first().waitFor();
    expect(await page.locator('.xjf-content code:visible').count()).toBe(0);
    await page.context().close();
  });

  it('partner (the bank)', async ({ expect }) => {
    const who = 'dafang.bank';
    const page = await phoneAs(who, expect);
    await walkMenu(page, who);
    await page.goto(`${admin.base}/partner/certificates`);
    await follow(page, who, '/partner/certificates/');
    await page.context().close();
  });

  it('village admin', async ({ expect }) => {
    const who = 'yinchuan.admin';
    const page = await phoneAs(who, expect);
    const base = `/villages/${villageId}`;
    const paths = await walkMenu(page, who);
    expect(paths).toContain(`${base}/store/counter`);
    await page.goto(`${admin.base}${base}`);
    await dialogFits(page, who, /新增村级用户/);
    await page.goto(`${admin.base}${base}/households`);
    await dialogFits(page, who, /登记农户/);
    await follow(page, who, `${base}/households/`);
    await page.goto(`${admin.base}${base}/rules`);
    await dialogFits(page, who, /新增积分项目/);
    // Where each rule set stands, on the phone too: 生态积分 has an open draft beside v2.
    const list = page.locator('.xjf-content .ant-table-tbody');
    await list.getByText('草稿').first().waitFor();
    await list
      .getByText(/已发布 v\d+/)
      .first()
      .waitFor();
    await openRuleSet(page, who);
    // Rules by their Chinese names: no code (PUBLIC-SPACE) on a phone.
    await page.locator('.xjf-content .ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('.xjf-content code:visible').count()).toBe(0);
    await page.goto(`${admin.base}${base}/store/items`);
    await dialogFits(page, who, /上架商品/);
    for (const path of [`${base}/summary`, '/account', `/board/${villageId}`])
      await page.goto(`${admin.base}${path}`).then(() => fits(page, who));
    await page.context().close();
  });

  for (const who of ['yinchuan.recorder', 'yinchuan.clerk'])
    it(who, async ({ expect }) => {
      const page = await phoneAs(who, expect);
      await walkMenu(page, who);
      await page.context().close();
    });

  it('villager', async ({ expect }) => {
    const page = await phoneAs(VILLAGER_SIGN_IN, expect);
    expect(await walkMenu(page, 'villager')).toEqual(['/mine', `/board/${villageId}`]);
    await page.context().close();
  });
});
