import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

const RICE = '大米 10斤';
const numberIn = async (locator: Locator) => Number((await locator.textContent())?.replace(/[^\d-]/g, ''));

/** The rice button's stock line at the counter: "库存 55". */
async function riceStockAtCounter(page: Page, expected?: number): Promise<number> {
  const stock = page
    .locator(`[data-testid="counter-item"][data-item="${RICE}"]`)
    .getByTestId('counter-item-stock');
  if (expected !== undefined) await stock.getByText(`库存 ${expected}`, { exact: true }).waitFor();
  return numberIn(stock);
}

/** 游振林's 文明积分 balance on his household page (the store spends 文明积分 in the demo). */
async function civilityBalance(page: Page): Promise<number> {
  await page.getByRole('menuitem', { name: '农户' }).click();
  await page.getByPlaceholder('搜索姓名或户号').fill('游振林');
  await page.getByPlaceholder('搜索姓名或户号').press('Enter');
  await page.getByRole('link', { name: '0002' }).click();
  const account = page.getByTestId('account-card').filter({ hasText: '文明积分' });
  return numberIn(account.locator('.ant-statistic-content').first());
}

describe('points store: counter → receipt → cancellation', () => {
  it('sells rice at the counter with a receipt, and an admin cancellation gives back points and stock', async () => {
    // The clerk lands on the counter.
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.clerk');
    await page.getByRole('heading', { name: '兑换柜台' }).waitFor();
    await page.locator(`[data-testid="counter-item"][data-item="${RICE}"]`).waitFor();
    const stockBefore = await riceStockAtCounter(page);
    expect(stockBefore).toBeGreaterThan(0);

    // Find the household by name, keyboard first.
    const finder = page.getByRole('combobox', { name: '农户' });
    await finder.fill('游振林');
    // Enter picks the active (first) option: wait until the search's answer has replaced the list.
    const options = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await expect
      .poll(async () => options.first().textContent(), { timeout: 15_000 })
      .toContain('0002 游振林');
    await finder.press('Enter');
    const balanceBox = page.getByTestId('counter-balance').locator('.ant-statistic-content');
    await balanceBox.waitFor();
    const balanceBefore = await numberIn(balanceBox);
    expect(balanceBefore).toBeGreaterThanOrEqual(30);

    // One bag of rice (30 分), confirmed once.
    await page.locator(`[data-testid="counter-item"][data-item="${RICE}"]`).click();
    await page.getByTestId('basket-line').filter({ hasText: RICE }).waitFor();
    await page.getByRole('button', { name: /确认兑换（30 分）/ }).click();

    const receipt = page.getByTestId('receipt');
    await receipt.getByText('兑换凭证').waitFor();
    const code = (await receipt.getByTestId('receipt-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await receipt.textContent()).toContain('0002 游振林');
    expect(await numberIn(receipt.getByTestId('receipt-total'))).toBe(30);
    expect(await numberIn(receipt.getByTestId('receipt-balance'))).toBe(balanceBefore - 30);
    await riceStockAtCounter(page, stockBefore - 1);
    await page.context().close();

    // The admin finds the sale among today's and cancels it.
    const adminPage = await admin.freshPage();
    await admin.signInAs(adminPage, 'yinchuan.admin');
    expect(await civilityBalance(adminPage)).toBe(balanceBefore - 30);
    await adminPage.getByRole('menuitem', { name: '兑换记录' }).click();
    const row = adminPage.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('已兑换');
    await row.getByRole('button', { name: /撤\s*销/ }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('撤销原因').fill('农户退回大米');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await adminPage.getByText(`已撤销 ${code}，积分和库存已退回`).waitFor();
    await row.getByText('已撤销').waitFor();

    // Stock and points are back where they were, and the ledger tells the story.
    await adminPage.getByRole('menuitem', { name: '超市商品' }).click();
    const riceRow = adminPage.getByRole('row').filter({ hasText: RICE });
    await riceRow.getByTestId('item-stock').getByText(String(stockBefore), { exact: true }).waitFor();
    expect(await civilityBalance(adminPage)).toBe(balanceBefore);
    await adminPage
      .getByRole('row')
      .filter({ hasText: `撤销兑换 ${code}，退回 30 分` })
      .waitFor();
    await adminPage
      .getByRole('row')
      .filter({ hasText: `兑换 ${RICE} 1袋，共 30 分` })
      .first()
      .waitFor();
    await adminPage.context().close();
  });
});
