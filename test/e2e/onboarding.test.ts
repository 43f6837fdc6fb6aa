import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('village self-onboarding', () => {
  it('lets a county admin issue a code that a village spends to onboard itself', async () => {
    const page = await admin.freshPage();

    // The county admin issues an invite code for 凤山乡.
    await admin.signInAs(page, 'dafang.admin');
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    await page.getByRole('menuitem', { name: /邀请码/ }).click();
    await page.getByRole('heading', { name: '邀请码' }).waitFor();
    await page.getByLabel('乡镇').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '凤山乡' }).click();
    await page.getByLabel('有效天数').fill('7');
    await page.getByLabel('备注').fill('给新建村支书');
    await page.getByRole('button', { name: /生成邀请码/ }).click();
    const issued = await page.getByTestId('new-invite-code').textContent();
    const code = /[0-9A-Z]{10}/.exec(issued ?? '')?.[0] ?? '';
    expect(code, `an invite code in "${issued}"`).not.toBe('');
    const inviteRow = page.getByRole('row').filter({ hasText: code });
    await inviteRow.filter({ hasText: '可用' }).waitFor();
    expect(await inviteRow.textContent()).toContain('凤山乡');
    expect(await page.getByText(`/onboarding?code=${code}`).count()).toBeGreaterThan(0);

    await admin.signOut(page);
    await page.getByRole('heading', { name: '登录' }).waitFor();

    // The village enters the code, its details and its first admin.
    await page.goto(`${admin.base}/onboarding`);
    await page.getByRole('heading', { name: '村自助开通' }).waitFor();
    await page.getByPlaceholder(/10 位字母或数字/).fill(code.toLowerCase());
    await page.getByRole('button', { name: /查询/ }).click();
    await page.getByText('邀请码有效，将开通在：').waitFor();
    const preview = await page.locator('.ant-alert-success').textContent();
    expect(preview).toContain('大方县');
    expect(preview).toContain('凤山乡');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('村名').fill('新建村');
    await page.getByLabel('户数').fill('120');
    await page.getByLabel('人口').fill('468');
    // The first program is named after the chosen template, and follows a change of mind.
    const programName = page.getByLabel('第一个积分项目的名称');
    await page.getByLabel('从模板开始').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '村务参与积分' }).click();
    expect(await programName.inputValue()).toBe('村务参与积分');
    await page.getByLabel('从模板开始').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '小坡村文明积分' }).click();
    expect(await programName.inputValue()).toBe('文明积分');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('管理员姓名').fill('王新建');
    await page.getByLabel('登录用户名').fill('xinjian.admin');
    await page.getByLabel('手机号').fill('13985719901');
    await page.getByRole('button', { name: /完成开通/ }).click();
    await page.getByText('新建村已开通').waitFor();
    expect(await page.getByText(/使用用户名 xinjian\.admin/).textContent()).toContain('王新建');
    // …with the one-time password the new admin signs in with (and must replace).
    expect(await page.getByTestId('temporary-password').textContent()).toMatch(/^\S{8,}$/);

    // The new admin can sign in; the county admin sees the village under 凤山乡.
    await page.getByRole('button', { name: '去登录' }).click();
    await admin.openDemoPicker(page);
    await page.locator('[data-username="xinjian.admin"]').waitFor();
    expect(await page.locator('[data-username="xinjian.admin"]').textContent()).toContain('新建村');

    // The new admin's home lists the first steps, none done yet: the rules are still a draft.
    await page.locator('[data-username="xinjian.admin"]').click();
    const steps = page.getByTestId('first-steps');
    await steps.getByText('已完成 0 / 5').waitFor();
    expect(await steps.getByTestId('first-step-rules').getAttribute('data-done')).toBe('false');

    // The new admin finds the first program's draft rules, copied from the chosen template.
    await page.getByRole('menuitem', { name: '积分细则' }).click();
    await page.getByText('文明积分细则').first().waitFor();
    await page.getByText('草稿').first().waitFor();
    await admin.signOut(page);

    await admin.openDemoPicker(page);
    await page.locator('[data-username="dafang.admin"]').click();
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    await page.getByRole('menuitem', { name: /全县概况/ }).click();
    await page.getByRole('heading', { name: '大方县 · 全县概况' }).waitFor();
    const township = page.getByTestId('township-card').getByRole('row').filter({ hasText: '凤山乡' });
    await township.filter({ hasText: '新建村' }).waitFor();
    // 凤山乡's four demo villages (羊岩村 among them) and the one just onboarded.
    expect(await township.getByRole('cell').nth(1).textContent()).toBe('5');
    const village = page.getByTestId('village-card').getByRole('row').filter({ hasText: '新建村' });
    expect(await village.textContent()).toContain('凤山乡');
    expect(await village.textContent()).toContain('120');

    // …and the code it spent is marked used, pointing at the village.
    await page.getByRole('menuitem', { name: /邀请码/ }).click();
    await inviteRow.filter({ hasText: '已使用' }).filter({ hasText: '新建村' }).waitFor();

    await page.context().close();
  });

  it('explains a wrong code instead of going on', async () => {
    const page = await admin.freshPage();
    await page.goto(`${admin.base}/onboarding?code=ZZZZZZZZZZ`);
    await page.getByText('邀请码不存在，请核对后重新输入。').waitFor();
    expect(await page.getByRole('button', { name: '下一步' }).isDisabled()).toBe(true);
    await page.context().close();
  });
});

describe('language', () => {
  it('remembers English across a reload', async () => {
    const page = await admin.freshPage();
    await page.goto(`${admin.base}/sign-in`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');

    await admin.openDemoPicker(page);
    await page.locator('[data-username="dafang.admin"]').click();
    await page.getByRole('heading', { name: '大方县 dashboard' }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('County admin');
    await page.context().close();
  });
});
