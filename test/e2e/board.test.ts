import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('the public notice board (公示栏)', () => {
  it('shows 银川村’s posted points without sign-in, takes an objection, and flags it in the approval queue', async () => {
    // The village admin finds the board's link on the village page.
    const adminPage = await admin.freshPage();
    await admin.signInAs(adminPage, 'yinchuan.admin');
    await adminPage.getByRole('heading', { name: '银川村' }).waitFor();
    const link = (await adminPage.getByTestId('board-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/board\/[0-9a-z]{16}$/);

    // A villager opens it on a phone, signed in as nobody.
    const page = await admin.freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link.replace(/^https?:\/\/[^/]+/, admin.base));
    await page.getByRole('heading', { name: '银川村积分公示栏' }).waitFor();
    await page.getByText('大方县 凤山乡').first().waitFor();
    const lines = page.getByTestId('posted-line');
    await lines.first().waitFor();
    const first = (await lines.first().textContent()) ?? '';
    // Masked: a surname, stars, maybe a last character; never a full name from the roster.
    expect(first).toMatch(/[\u4e00-\u9fa5]\*+[\u4e00-\u9fa5]?（/);
    expect(await page.getByTestId('public-board').textContent()).not.toContain('罗先和');
    await page.getByTestId('ranking-row').first().waitFor();

    const before = await lines.count();
    await lines.first().getByRole('button', { name: '提出异议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议理由').fill('这户那天不在村里');
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await page.getByText('异议已提交，该记录已退回重新审核').waitFor();
    await expect.poll(() => lines.count()).toBe(before - 1);

    // Back in the admin: the record waits for review with the objection flagged.
    await adminPage.getByRole('menuitem', { name: '积分审核' }).click();
    const flag = adminPage.getByTestId('objection-flag');
    await flag.first().waitFor();
    expect(await flag.first().textContent()).toContain('这户那天不在村里');

    // And the audit log names the objection, by the public, with its reason.
    await adminPage.getByRole('menuitem', { name: '审计日志' }).click();
    await adminPage.getByRole('heading', { name: '银川村 · 审计日志' }).waitFor();
    const entry = adminPage.locator('tr').filter({ hasText: '这户那天不在村里' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('公众');
  });
});
