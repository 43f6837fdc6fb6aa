import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, layoutWidth, startAdmin } from './harness';

let admin: Admin;
let gridUrl = '';
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

/** Picks an option of an antd select by its accessible name (no typing: some selects do not search). */
async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

describe('the month grid (issue 15)', () => {
  it('shows what the month holds and refuses a cell its cap would refuse, with the reason', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.recorder');
    await page.getByRole('menuitem', { name: '月度登记' }).click();
    await page.getByRole('heading', { name: '月度登记' }).waitFor();
    gridUrl = page.url();
    await pick(page, '积分项目', '文明积分');
    const grid = page.getByTestId('month-grid');
    // Households in 户号 order (the grid renders the rows in view).
    await grid
      .locator('.ant-table-row')
      .first()
      .getByText(/^0001 /)
      .waitFor();
    // The seeded case: 庭院整洁 taken twice for 0039 this month, so its cell is full.
    await page.getByPlaceholder('搜索姓名或户号').fill('0039');
    await page.getByPlaceholder('搜索姓名或户号').press('Enter');
    const yard = grid.getByRole('checkbox', { name: /^0039 .* 庭院整洁/ });
    await yard.waitFor();
    const cell = grid.getByTestId('grid-cell').filter({
      has: page.getByRole('checkbox', { name: /^0039 .* 庭院整洁/ }),
    });
    await cell.getByText('已记 2 · 待审').waitFor();
    await cell.getByTestId('cap-refusal').getByText('本月已达 1 次上限，本次计 0 分').waitFor();
    expect(await yard.isDisabled()).toBe(true);
    // Another household's 庭院整洁 can still be ticked.
    await page.getByPlaceholder('搜索姓名或户号').fill('0038');
    await page.getByPlaceholder('搜索姓名或户号').press('Enter');
    const free = grid.getByRole('checkbox', { name: /^0038 .* 庭院整洁/ });
    await free.waitFor();
    expect(await free.isDisabled()).toBe(false);
    await page.context().close();
  });

  it('on a phone: one household at a time, every rule labelled, next, and submit', async () => {
    const page = await admin.phonePage();
    await admin.signInAs(page, 'yinchuan.recorder');
    await page.goto(gridUrl);
    await page.getByRole('heading', { name: '月度登记' }).waitFor();
    await pick(page, '积分项目', '文明积分');
    const form = page.getByTestId('grid-phone');
    await form
      .getByTestId('grid-phone-line')
      .getByText(/^0001 /)
      .waitFor();
    expect(await page.getByTestId('month-grid').count()).toBe(0);
    await form.getByText('第 1 / 400 户').waitFor();
    // Every rule of the program is a labelled input in the form.
    await form.getByText('庭院整洁（月度评比）').waitFor();
    await form.getByText('孝老爱亲好家庭').waitFor();
    await form.getByRole('checkbox', { name: /^0001 .* 孝老爱亲好家庭/ }).check();
    await form.getByTestId('grid-line-estimate').getByText('10').waitFor();
    await form.getByRole('button', { name: /下一户/ }).click();
    await form
      .getByTestId('grid-phone-line')
      .getByText(/^0002 /)
      .waitFor();
    await form.getByText('第 2 / 400 户').waitFor();
    await form.getByRole('checkbox', { name: /^0002 .* 孝老爱亲好家庭/ }).check();
    await form.getByRole('button', { name: /上一户/ }).click();
    await form
      .getByTestId('grid-phone-line')
      .getByText(/^0001 /)
      .waitFor();
    expect(await form.getByRole('checkbox', { name: /^0001 .* 孝老爱亲好家庭/ }).isChecked()).toBe(true);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: /提交 2 条记录/ }).click();
    await page.getByText(/已提交 2 条记录（约 20 分）/).waitFor();
    // The month now holds them: the cell says so.
    const filial = form.getByTestId('grid-cell').filter({
      has: page.getByRole('checkbox', { name: /^0001 .* 孝老爱亲好家庭/ }),
    });
    await filial.getByText(/已记 \d+ · .*待审/).waitFor();
    // The seeded double is refused on the phone too, with its reason.
    await form.getByRole('combobox', { name: '跳到农户' }).click();
    await form.getByRole('combobox', { name: '跳到农户' }).fill('0039');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '0039' })
      .first()
      .click();
    await form
      .getByTestId('grid-phone-line')
      .getByText(/^0039 /)
      .waitFor();
    await form.getByText('本月已达 1 次上限，本次计 0 分').waitFor();
    expect(await form.getByRole('checkbox', { name: /^0039 .* 庭院整洁/ }).isDisabled()).toBe(true);
    await page.context().close();
  });
});

describe('the approval queue (issue 15)', () => {
  it('flags likely duplicates, sorts by 户号, and filters by rule and by 自主申报', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.getByRole('menuitem', { name: '积分审核' }).click();
    await page.getByRole('tab', { name: '待审核' }).waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.getByTestId('queue-count').waitFor();
    // 户号 order, the whole queue in view.
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/0001/);

    await pick(page, '细则', '庭院整洁（月度评比）');
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toMatch(/显示 \d+ \/ \d+ 条/);
    const doubled = rows.filter({ hasText: '0039' });
    await expect.poll(() => doubled.count()).toBe(2);
    expect(await doubled.getByTestId('duplicate-tag').count()).toBe(2);
    expect(await rows.filter({ hasNotText: '庭院整洁' }).count()).toBe(0);
    const numbers = (await rows.allTextContents()).map((t) => t.match(/\b(\d{4})\b/)?.[1] ?? '');
    expect(numbers).toEqual([...numbers].sort());

    // Select-all leaves the likely duplicates out; ticking one on purpose warns in the confirmation.
    await page.locator('thead .ant-checkbox-input').first().click();
    expect(await doubled.first().getByRole('checkbox').isChecked()).toBe(false);
    const others = await rows.count();
    await page.getByRole('button', { name: new RegExp(`批量通过（${others - 2}）`) }).waitFor();
    await doubled.first().getByRole('checkbox').check();
    await page.getByRole('button', { name: new RegExp(`批量通过（${others - 1}）`) }).click();
    const confirm = page.getByRole('dialog');
    await confirm
      .getByTestId('bulk-duplicates')
      .getByText(/1 条疑似重复/)
      .waitFor();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();

    // 自主申报 only: 罗先和's two declarations of this week.
    const ruleSelect = page
      .getByTestId('queue-filters')
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: '细则' }) });
    await ruleSelect.hover();
    await ruleSelect.locator('.ant-select-clear').click();
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toMatch(/^共 \d+ 条$/);
    await pick(page, '自主申报', '仅自主申报');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: '0001 罗先和' }).count()).toBe(2);
    expect(await rows.getByText('自主申报').count()).toBe(2);
    await page.context().close();
  });
});
