import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { VILLAGER_SIGN_IN } from '@xjf/local';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, layoutWidth, startAdmin } from './harness';

/**
 * Issue 15, items 1 and 8: one program's points are never added to another's, and no English or
 * raw data reaches the Chinese screen. Phone flows run at 375 × 740 and must not scroll sideways.
 */
const output = fileURLToPath(new URL('../../test-results/', import.meta.url));

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
  await mkdir(output, { recursive: true });
});
afterAll(() => admin?.stop());

const numberIn = async (locator: Locator) => Number((await locator.textContent())?.replace(/[^\d-]/g, ''));
const noSidewaysScroll = (page: Page) => expect.poll(() => layoutWidth(page)).toBeLessThanOrEqual(375);

describe('per-program balances (item 1)', () => {
  it('the counter and the villager page show the same balance for the program the store spends', async () => {
    const clerk = await admin.phonePage();
    await admin.signInAs(clerk, 'yinchuan.clerk');
    await clerk.getByRole('heading', { name: '兑换柜台' }).waitFor();
    // The counter says which program it spends.
    const spends = (await clerk.getByTestId('counter-program').textContent()) ?? '';
    const program = /「(.+?)」/.exec(spends)?.[1] ?? '';
    expect(program).not.toBe('');
    await clerk.getByRole('combobox', { name: '农户' }).fill('罗先和');
    const options = clerk.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await expect.poll(() => options.first().textContent(), { timeout: 15_000 }).toContain('0001 罗先和');
    await options.first().click();
    const box = clerk.getByTestId('counter-balance');
    await box.getByText(`可用${program}`).waitFor();
    const atCounter = await numberIn(box.locator('.ant-statistic-content'));
    await noSidewaysScroll(clerk);
    await clerk.context().close();

    const page = await admin.phonePage();
    await admin.signInAs(page, VILLAGER_SIGN_IN);
    await page.getByRole('heading', { name: '我的积分' }).waitFor();
    const cards = page.getByTestId('villager-accounts').getByTestId('account-card');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(2);
    // Each program on its own card, no figure adding them up.
    const names = await cards.locator('.ant-card-head-title').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    const balances = await Promise.all(
      (await cards.all()).map((c) =>
        numberIn(c.getByTestId('account-balance').locator('.ant-statistic-content')),
      ),
    );
    const text = (await page.getByTestId('villager-accounts').textContent()) ?? '';
    const sum = balances.reduce((a, b) => a + b, 0);
    expect(text).not.toContain('可用积分');
    expect(balances).not.toContain(sum);
    const store = cards.filter({ hasText: program });
    expect(await numberIn(store.getByTestId('account-balance').locator('.ant-statistic-content'))).toBe(
      atCounter,
    );
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${output}villager-375.png`, fullPage: true });
    await page.context().close();
  });
});

describe('Chinese throughout (item 8)', () => {
  it('a date picker opened in Chinese shows Chinese month and weekday names', async () => {
    const page = await admin.phonePage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.goto(`${admin.base}${await villagePath(page)}/store/redemptions`);
    await page.getByRole('heading', { name: '兑换记录' }).waitFor();
    await page.getByLabel('日期').first().click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    const weekdays = (await panel.locator('thead').first().textContent()) ?? '';
    expect(weekdays).toContain('一');
    expect(weekdays).toContain('日');
    expect(weekdays).not.toMatch(/Su|Mo|Tu/);
    await page.screenshot({ path: `${output}date-picker-375.png` });
    await panel.locator('.ant-picker-month-btn').click();
    const months = (await panel.locator('.ant-picker-content').textContent()) ?? '';
    expect(months).toMatch(/月/);
    expect(months).not.toMatch(/Jan|Dec/);
    await page.context().close();
  });

  it('兑换记录 opens on a day with redemptions, not an empty today', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.getByRole('menuitem', { name: '兑换记录' }).click();
    await page.getByRole('heading', { name: '兑换记录' }).waitFor();
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.context().close();
  });

  it('the audit log translates look-ups by their outcome, with no "(shown)" or "(refused"', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: /审计日志/ }).waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    // The bank's look-up of 游振林 (two days ago) may be a few pages down.
    const lookup = page.getByRole('row').filter({ hasText: '合作机构查询' }).first();
    for (let i = 0; i < 20 && (await lookup.count()) === 0; i++) {
      const rows = await page.locator('.ant-table-tbody tr.ant-table-row').count();
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect
        .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count())
        .toBeGreaterThan(rows);
    }
    expect(await lookup.textContent()).toContain('查询截至');
    const text = (await page.locator('main, body').first().textContent()) ?? '';
    expect(text).not.toContain('(shown)');
    expect(text).not.toContain('(refused');
    // The bank's user is 张信贷（大方农商银行）: its name once, not twice.
    expect(text).not.toContain('（大方农商银行）（大方农商银行）');
    await page.context().close();
  });

  it('the dashboard writes years with four digits', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'dafang.official');
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    await page.getByTestId('village-comparison').getByRole('link', { name: '银川村' }).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toMatch(/20\d\d年\d{1,2}月/);
    expect(text).not.toMatch(/(^|[^\d])\d{2}年\d{1,2}月/);
    await page.context().close();
  });
});

describe('household counts (item 7)', () => {
  it('the dashboard and the county overview name 在册户数 and 申报户数 alike, with the coverage', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'dafang.official');
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    const table = page.getByTestId('village-comparison');
    await table.getByRole('link', { name: '银川村' }).waitFor();
    expect(await page.getByTestId('dashboard-kpis').textContent()).toContain('在册户数');
    await expect
      .poll(() => page.getByTestId('declared-households').textContent())
      .toMatch(/申报 [\d,.万]+ 户 · 在册\/申报 [\d.]+%/);
    const header = (await table.locator('thead').textContent()) ?? '';
    for (const words of ['在册户数', '申报户数', '在册/申报']) expect(header).toContain(words);
    await page.context().close();

    const overview = await admin.freshPage();
    await admin.signInAs(overview, 'dafang.admin');
    await overview.goto(`${admin.base}/county`);
    await overview.getByTestId('households-note').waitFor();
    const villages = overview.getByTestId('village-card');
    const row = villages.getByRole('row').filter({ hasText: '银川村' });
    await row.waitFor();
    const head = (await villages.locator('thead').textContent()) ?? '';
    for (const words of ['在册户数', '申报户数', '在册/申报']) expect(head).toContain(words);
    await expect.poll(() => row.textContent()).toMatch(/\d+(\.\d)?%/);
    await overview.context().close();
  });
});

/** `/villages/<id>`, from the admin's own menu. */
async function villagePath(page: Page): Promise<string> {
  const href = await page.locator('a[href^="/villages/"]').first().getAttribute('href');
  return /^\/villages\/[^/]+/.exec(href ?? '')?.[0] ?? '';
}
