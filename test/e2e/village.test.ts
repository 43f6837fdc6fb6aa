import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('village profile', () => {
  it('lets the village admin edit the profile and add a recorder', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.getByRole('heading', { name: '银川村' }).waitFor();

    await page.getByRole('button', { name: /修改村信息/ }).click();
    await page.getByLabel('联系人').fill('王支书');
    await page.getByLabel('联系电话').fill('13985710009');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('村信息已保存').waitFor();
    // The profile shows the saved values once its reload has landed.
    const profile = page.locator('.ant-descriptions').first();
    await expect.poll(() => profile.textContent(), { timeout: 15_000 }).toContain('王支书');
    expect(await profile.textContent()).toContain('13985710009');

    await page.getByRole('button', { name: /新增村级用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('罗先和');
    await dialog.getByLabel('用户名').fill('yinchuan.clerk');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    // A taken username comes back from the API as a field error on that item.
    await dialog.getByText('已被使用，请换一个').waitFor();

    await dialog.getByLabel('用户名').fill('Yinchuan.Luo');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'yinchuan.luo' });
    await row.waitFor();
    expect(await row.textContent()).toContain('积分员');
    await page.context().close();
  });

  it('shows a county official the profile read-only', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'dafang.official');
    await page.getByRole('menuitem', { name: /全县概况/ }).click();
    await page.getByTestId('village-card').getByRole('link', { name: '银川村' }).click();
    await page.getByText('村概况').waitFor();
    expect(await page.locator('.ant-descriptions').textContent()).toContain('凤山乡');
    expect(await page.getByRole('button', { name: /修改村信息/ }).count()).toBe(0);
    expect(await page.getByText('村级用户').count()).toBe(0);
    await page.context().close();
  });
});
