import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, choose, layoutWidth, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
}, 120_000);
afterAll(() => admin?.stop());

/** Nothing may scroll sideways at 375 px. */
async function fitsPhone(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await layoutWidth(page), page.url()).toBeLessThanOrEqual(375);
}

const RULE = '孝老爱亲好家庭';

describe('township review (乡镇审核): a one-cadre village gets its points approved', () => {
  it('creates a reviewer, explains the blocked record, turns review on, and the reviewer approves', async () => {
    // (a) 清镇市's county admin adds a township reviewer for 王庄乡 (小坡村's township).
    const county = await admin.freshPage();
    await admin.signInAs(county, 'qingzhen.admin');
    await county.goto(`${admin.base}/users`);
    await county.getByRole('button', { name: /新增县级用户/ }).click();
    const form = county.getByRole('dialog');
    await form.getByLabel('姓名').fill('李审核');
    await form.getByLabel('用户名').fill('wangzhuang.reviewer');
    await form.getByRole('combobox', { name: '角色' }).click();
    await county
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '乡镇审核员' })
      .click();
    // The township is required for this role.
    await form.getByRole('button', { name: /新\s*增/ }).click();
    await form.getByText('必填').waitFor();
    await choose(county, '所属乡镇', '王庄', '王庄乡');
    await form.getByRole('button', { name: /新\s*增/ }).click();
    await county.getByTestId('temporary-password').waitFor();
    await county.context().close();

    // (b) 小坡村's only cadre records a point on a phone: no approve button, and who can approve instead.
    const cadre = await admin.phonePage();
    await admin.signInAs(cadre, 'xiaopo.admin');
    await cadre.waitForURL(/\/villages\/[^/]+$/);
    const villageUrl = cadre.url();
    await cadre.goto(`${villageUrl}/record`);
    await cadre.getByRole('heading', { name: '积分录入' }).waitFor();
    await choose(cadre, '农户', '0001', '0001');
    await choose(cadre, '细则', '孝老', RULE);
    await cadre.getByRole('button', { name: /提交录入/ }).click();
    await cadre.getByText(/已录入：.+孝老爱亲好家庭，预计 10 分，待审核/).waitFor();

    await cadre.goto(`${villageUrl}/approvals`);
    const ours = cadre
      .getByTestId('record-cell')
      .filter({ hasText: RULE })
      .filter({ hasText: '0001' })
      .first();
    await ours.waitFor();
    // Rule, points and recorder are in view on the phone.
    await ours.getByText('10 分').waitFor();
    await ours.getByText(/录入：周永福/).waitFor();
    await expect(ours.getByRole('button', { name: /通\s*过/ }).count()).resolves.toBe(0);
    await ours.getByText('您录入的记录不能由您审核').waitFor();
    await ours.getByText('请另一名村管理员审核，或在村设置中开启乡镇审核').waitFor();
    await fitsPhone(cadre);

    // The link leads to the switch on the village page.
    await ours.getByTestId('open-township-setting').click();
    const card = cadre.getByTestId('township-review-card');
    await card.getByText('本村只有一名干部时，开启后由乡镇审核员审核本村积分。').waitFor();
    await fitsPhone(cadre);
    await card.getByRole('switch').click();
    await cadre.getByText('已开启乡镇审核').first().waitFor();
    await cadre.goto(`${villageUrl}/approvals`);
    await ours.getByText('由乡镇审核员审核').waitFor();
    await cadre.context().close();

    // (c) The reviewer, on a phone: the work list, then 小坡村's queue, where they approve.
    const reviewer = await admin.phonePage();
    await admin.signInAs(reviewer, 'wangzhuang.reviewer');
    await reviewer.getByRole('heading', { name: '王庄乡 · 乡镇待审' }).waitFor();
    const xiaopo = reviewer.locator('[data-village="小坡村"]');
    await xiaopo.getByText(/待审核 \d+ 条/).waitFor();
    await fitsPhone(reviewer);
    await xiaopo.getByRole('button', { name: /去审核/ }).click();
    await reviewer.getByRole('heading', { name: '小坡村 · 积分审核' }).waitFor();
    await reviewer.getByText('您是乡镇审核员').waitFor();
    const record = reviewer.getByTestId('record-cell').filter({ hasText: RULE }).filter({ hasText: '0001' });
    const before = await record.count();
    await record
      .first()
      .getByRole('button', { name: /通\s*过/ })
      .click();
    await reviewer.getByText('已通过', { exact: true }).waitFor();
    await expect.poll(() => record.count()).toBe(before - 1);
    await fitsPhone(reviewer);
    await reviewer.context().close();
  }, 180_000);

  it('bulk-approves a selection of 银川村 in one request, after confirming the count and points', async () => {
    const page = await admin.phonePage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.waitForURL(/\/villages\/[^/]+$/);
    await page.goto(`${page.url()}/approvals`);
    const rows = page.locator('tbody tr.ant-table-row').filter({
      has: page.locator('.ant-checkbox-input:not([disabled])'),
    });
    await rows.first().waitFor();
    let total = 0;
    for (const i of [0, 1]) {
      const row = rows.nth(i);
      const text = (await row.getByTestId('record-cell').locator('strong').first().textContent()) ?? '';
      total += Number(text.replace(/[^\d-]/g, ''));
      await row.locator('.ant-checkbox-input').check();
    }
    await page.getByRole('button', { name: /批量通过（2）/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`将通过 2 条记录，共 ${total} 分。`).waitFor();
    await fitsPhone(page);
    await dialog.getByRole('button', { name: /确认通过/ }).click();
    await page.getByTestId('batch-result').getByText('已通过 2 条').waitFor();
    await fitsPhone(page);
    await page.context().close();
  }, 120_000);
});
