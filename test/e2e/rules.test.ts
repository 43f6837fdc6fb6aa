import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe('rule sets (积分细则)', () => {
  it('lets the village admin start from the Dafang template, edit, publish twice and see the versions', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    await page.getByRole('menuitem', { name: '积分细则' }).click();
    await page.getByRole('heading', { name: '银川村 · 积分细则' }).waitFor();

    // A program, then its rule set from the built-in Dafang eco template. The demo village
    // already runs a 生态积分 program, so that name comes back as taken, on the field.
    await page.getByRole('button', { name: /新增积分项目/ }).click();
    const programDialog = page.getByRole('dialog');
    await programDialog.getByLabel('项目名称').fill('生态积分');
    await programDialog.getByRole('button', { name: /新\s*增/ }).click();
    await programDialog.getByText('已被使用，请换一个').waitFor();
    await programDialog.getByLabel('项目名称').fill('生态积分（新版）');
    await programDialog.getByRole('button', { name: /新\s*增/ }).click();
    const programRow = page.getByRole('row').filter({ hasText: '生态积分（新版）' });
    await programRow.getByRole('button', { name: '制定细则' }).click();
    const ruleSetDialog = page.getByRole('dialog');
    await ruleSetDialog.getByRole('radio').filter({ hasText: '大方县生态积分' }).first().waitFor();
    await ruleSetDialog.locator('[data-template="builtin:dafang-eco"]').click();
    await ruleSetDialog.getByRole('button', { name: '制定细则' }).click();

    await page.getByRole('heading', { name: '银川村生态积分（新版）细则' }).waitFor();
    await page.getByText('未发布').first().waitFor();
    const forest = page.locator('tr[data-code="ECO-FOREST"]');
    await forest.getByTestId('rule-summary').getByText('每亩计 5 分，每年封顶 200 分').waitFor();
    // Deductions read as such.
    await page
      .locator('tr[data-code="ECO-BURN"]')
      .getByTestId('rule-summary')
      .getByText('每次扣 10 分')
      .waitFor();

    // Raise the cap on under-forest planting, save the draft and publish it as version 1.
    await forest.getByLabel('封顶分数').fill('300');
    await forest.getByTestId('rule-summary').getByText('每亩计 5 分，每年封顶 300 分').waitFor();
    await page.getByText('有未保存的修改').waitFor();
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByRole('button', { name: /发\s*布/ }).click();
    const publish1 = page.getByRole('dialog');
    await publish1.getByText('发布第 1 版').waitFor();
    await publish1.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布第 1 版').waitFor();
    await page.getByText('已发布 v1').first().waitFor();

    // Edit again: the editor now starts from version 1.
    await forest.getByLabel('封顶分数').fill('250');
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('草稿（基于第 1 版）', { exact: false }).waitFor();
    await page.getByRole('button', { name: /发\s*布/ }).click();
    const publish2 = page.getByRole('dialog');
    await publish2.getByText('发布第 2 版').waitFor();
    await publish2.getByLabel('发布说明').fill('林下种植每年封顶 250 分');
    await publish2.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布第 2 版').waitFor();
    await page.getByText('已发布 v2').first().waitFor();

    // The history lists both versions; the diff between them names the field, old → new.
    await page.getByRole('tab', { name: '版本记录' }).click();
    const v2 = page.getByRole('row').filter({ hasText: '第 2 版' });
    await v2.waitFor();
    expect(await v2.textContent()).toContain('林下种植每年封顶 250 分');
    await page.getByRole('row').filter({ hasText: '第 1 版' }).waitFor();
    const diff = page.getByTestId('rule-diff');
    await diff.getByText('林下种植').waitFor();
    const diffText = await diff.textContent();
    expect(diffText).toContain('封顶分数');
    expect(diffText).toContain('300');
    expect(diffText).toContain('250');

    // The programs list shows where the rule set stands.
    await page.getByRole('menuitem', { name: '积分细则' }).click();
    const row = page.getByRole('row').filter({ hasText: '银川村生态积分（新版）细则' });
    await row.getByText('已发布 v2').waitFor();
    await page.context().close();
  });
});
