import { VILLAGER_SIGN_IN } from '@xjf/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('村民自主申报: a villager declares, the admin sees it in the queue', () => {
  it('declares on a phone-sized screen and shows up tagged 自主申报 for the admin', async () => {
    const page = await admin.freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await admin.signInAs(page, VILLAGER_SIGN_IN);
    await page.getByRole('heading', { name: '我的积分' }).waitFor();
    await page.getByText('0001 户 · 罗先和家').waitFor();
    // The seeded declarations: one approved last month, two waiting.
    await expect.poll(() => page.getByTestId('declaration').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('declaration').filter({ hasText: '绿色出行' }).getByText('已入账').waitFor();

    // Only the declarable rules are offered, and the estimate comes live from the rules in effect.
    await page.getByRole('combobox', { name: '细则' }).click();
    const options = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await options.filter({ hasText: '自己动手·美化家园' }).waitFor();
    expect(await options.filter({ hasText: '林下种植' }).count()).toBe(0);
    await options.filter({ hasText: '自己动手·美化家园' }).click();
    await page.getByLabel('数量').fill('25');
    const preview = page.getByTestId('declare-preview');
    await expect.poll(async () => preview.locator('.ant-statistic-content').textContent()).toContain('4');
    await page.getByLabel('备注').fill('门前屋后种花 25 平方米');
    await page.getByRole('button', { name: /提交申报/ }).click();
    await page.getByText('已提交申报：自己动手·美化家园，预计 4 分，等待审核').waitFor();
    await page
      .getByTestId('declaration')
      .filter({ hasText: '门前屋后种花 25 平方米' })
      .getByText('待审核')
      .waitFor();
    await page.context().close();

    const adminPage = await admin.freshPage();
    await admin.signInAs(adminPage, 'yinchuan.admin');
    await adminPage.getByRole('menuitem', { name: '积分审核' }).click();
    await adminPage.getByRole('tab', { name: '待审核' }).waitFor();
    const row = adminPage.getByRole('row').filter({ hasText: '0001 罗先和' }).filter({ hasText: '25 m²' });
    // 银川村's queue is a real village's, oldest first: page through it (加载更多) to the declaration.
    const more = adminPage.getByRole('button', { name: /加载更多/ });
    await row.or(more).first().waitFor();
    while ((await row.count()) === 0) {
      const shown = await adminPage.locator('tbody tr.ant-table-row').count();
      await more.click();
      await expect.poll(() => adminPage.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(shown);
    }
    await row.getByText('自主申报').waitFor();
    await adminPage.context().close();
  });
});
