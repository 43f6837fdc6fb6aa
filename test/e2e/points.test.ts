import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, choose, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

/** From the households list to 罗先和's page (户号 0001). */
async function openLuo(page: Page) {
  await page.getByRole('menuitem', { name: '农户' }).click();
  await page.getByPlaceholder('搜索姓名或户号').fill('罗先和');
  await page.getByPlaceholder('搜索姓名或户号').press('Enter');
  await page.getByRole('link', { name: '0001' }).click();
  await page.getByRole('heading', { name: '0001 号户 · 罗先和' }).waitFor();
}

/** The 生态积分 balance on the household page: 0 while the household has no account. */
async function ecoBalance(page: Page): Promise<number> {
  const account = page.getByTestId('account-card').filter({ hasText: '生态积分' });
  await account.or(page.getByText('还没有积分记录')).first().waitFor();
  if ((await account.count()) === 0) return 0;
  const text = (await account.locator('.ant-statistic-content').first().textContent()) ?? '';
  return Number(text.replace(/[^\d-]/g, ''));
}

describe('points: record → approve → ledger', () => {
  it('records points as the recorder, bulk-approves them as the admin and shows them on the ledger', async () => {
    // The admin turns public posting off, so approved points take effect at once.
    const adminPage = await admin.freshPage();
    await admin.signInAs(adminPage, 'yinchuan.admin');
    await adminPage.getByRole('heading', { name: '银川村' }).waitFor();
    await adminPage.getByRole('button', { name: /修改村信息/ }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByText('0 表示不公示，审核通过即入账').waitFor();
    await dialog.getByLabel('公示天数').fill('0');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await adminPage.getByText('村信息已保存').waitFor();
    await adminPage.locator('.ant-descriptions').getByText('不公示').waitFor();
    // The demo may already hold points for 罗先和 (some still settling from 公示): at least this, then.
    await openLuo(adminPage);
    const before = await ecoBalance(adminPage);

    // The recorder enters three records, keeping program and rule between entries.
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.recorder');
    await page.getByRole('menuitem', { name: '积分录入' }).click();
    await page.getByRole('heading', { name: '积分录入' }).waitFor();
    await page
      .locator('.ant-select-content, .ant-select-selection-item')
      .filter({ hasText: '生态积分' })
      .first()
      .waitFor();

    await choose(page, '农户', '罗先和', '0001 罗先和');
    await choose(page, '细则', '林下种植', '林下种植');
    await page.getByText('每亩计 5 分，每年封顶 300 分').first().waitFor();
    await page.getByLabel('数量').fill('20');
    const preview = page.getByTestId('record-preview');
    await preview.getByText('林下种植 20 亩 × 5 分/亩 = 100 分').waitFor();
    expect(await preview.locator('.ant-statistic-content').textContent()).toContain('100');
    await page.getByRole('button', { name: /提交录入/ }).click();
    await page.getByText('已录入：罗先和 林下种植，预计 100 分，待审核').waitFor();

    await choose(page, '农户', '游振林', '0002 游振林');
    await choose(page, '细则', '文明祭祀', '文明祭祀、鲜花祭祀');
    await preview.getByText('5', { exact: true }).waitFor();
    await page.getByRole('button', { name: /提交录入/ }).click();
    await page.getByText('已录入：游振林 文明祭祀、鲜花祭祀，预计 5 分，待审核').waitFor();

    // The rule stays chosen: only the household changes for the next neighbour.
    // 户号 0003, whoever the seed's roster names there (林茂平 now lives in 羊岩村).
    await choose(page, '农户', '0003', '0003');
    const third = (
      (await page
        .locator('.ant-select-content, .ant-select-selection-item')
        .filter({ hasText: '0003' })
        .first()
        .textContent()) ?? ''
    ).trim();
    // The option reads "0003 陈云飞（第一组）": the head's name without the 村民小组.
    const thirdName = third.replace(/^0003\s*/, '').replace(/（[^）]*）$/, '');
    await preview.getByText('5', { exact: true }).waitFor();
    await page.getByRole('button', { name: /提交录入/ }).click();
    await page.getByText(`已录入：${thirdName} 文明祭祀、鲜花祭祀，预计 5 分，待审核`).waitFor();
    const recent = page.locator('.ant-card').filter({ hasText: '本次录入' });
    await recent
      .getByRole('row')
      .filter({ hasText: `0003 ${thirdName}` })
      .waitFor();
    expect(await recent.locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.context().close();

    // The admin approves all three at once.
    await adminPage.getByRole('menuitem', { name: '积分审核' }).click();
    await adminPage.getByRole('tab', { name: '待审核' }).waitFor();
    const ours = [
      { household: '0001 罗先和', rule: '林下种植' },
      { household: '0002 游振林', rule: '文明祭祀' },
      { household: `0003 ${thirdName}`, rule: '文明祭祀' },
    ];
    const rowOf = (r: { household: string; rule: string }) =>
      adminPage.getByRole('row').filter({ hasText: r.household }).filter({ hasText: r.rule });
    // 银川村's queue is a real village's: page through it (加载更多) until the new records are in view.
    const more = adminPage.getByRole('button', { name: /加载更多/ });
    const last = ours[2] ?? { household: '', rule: '' };
    await rowOf(last).or(more).first().waitFor();
    while ((await rowOf(last).count()) === 0) {
      const shown = await adminPage.locator('tbody tr.ant-table-row').count();
      await more.click();
      await expect.poll(() => adminPage.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(shown);
    }
    for (const record of ours) {
      await rowOf(record).waitFor();
      await rowOf(record).getByRole('checkbox').check();
    }
    await adminPage.getByRole('button', { name: /批量通过（3）/ }).click();
    // One request after a confirmation that states the count and the points (100 + 5 + 5).
    const confirm = adminPage.getByRole('dialog');
    await confirm.getByText('将通过 3 条记录，共 110 分。').waitFor();
    await confirm.getByRole('button', { name: /确认通过/ }).click();
    await adminPage.getByTestId('batch-result').getByText('已通过 3 条').waitFor();
    await rowOf(ours[0] ?? { household: '', rule: '' }).waitFor({ state: 'detached' });
    // No posting days, so effective at once: 罗先和's balance grew by 100 and the ledger explains the entry.
    await openLuo(adminPage);
    const entry = adminPage.getByRole('row').filter({ hasText: '林下种植 20 亩 × 5 分/亩 = 100 分' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('+100');
    // The balance grew by the 100 approved (and by any seeded posting that ended meanwhile).
    expect(await ecoBalance(adminPage)).toBeGreaterThanOrEqual(before + 100);
    await adminPage.context().close();
  });
});
