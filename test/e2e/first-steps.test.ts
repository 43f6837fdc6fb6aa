import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
});
afterAll(() => admin?.stop());

describe("a new village's first steps (开通后的第一步)", () => {
  it('shows the checklist from real data, ticks a step once it is done, and keeps the village unranked', async () => {
    const page = await admin.freshPage();
    // 沙坝村 was onboarded just now: a roster imported, its 村务参与积分 rules still a draft.
    await admin.signInAs(page, 'shaba.admin');
    const card = page.getByTestId('first-steps');
    await card.getByText('开通后的第一步').waitFor();
    const step = (key: string) => card.getByTestId(`first-step-${key}`);
    expect(await step('rules').getAttribute('data-done')).toBe('false');
    expect(await step('households').getAttribute('data-done')).toBe('true');
    for (const key of ['helpers', 'store', 'board'])
      expect(await step(key).getAttribute('data-done'), key).toBe('false');
    expect(await card.textContent()).toContain('已完成 1 / 5');
    // The posting days never set show the default that applies.
    expect(await page.getByText('3 天（默认）').count()).toBe(1);
    // Not started, so not ranked: 未开展 instead of last place.
    const rank = page.getByTestId('rank-card');
    await rank.getByText('未开展').first().waitFor();
    expect(await rank.textContent()).not.toMatch(/第 \d+ 名/);

    // Publishing the rules ticks the first step.
    await step('rules')
      .getByRole('button', { name: /去完成/ })
      .click();
    await page.getByRole('link', { name: '村务参与积分细则' }).click();
    await page.getByRole('heading', { name: '村务参与积分细则' }).waitFor();
    await page.getByRole('button', { name: /发\s*布/ }).click();
    const publish = page.getByRole('dialog');
    await publish.getByText('发布第 1 版').waitFor();
    await publish.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText('已发布第 1 版').waitFor();
    await page.getByRole('menuitem', { name: '本村概况' }).click();
    await card.getByText('已完成 2 / 5').waitFor();
    expect(await step('rules').getAttribute('data-done')).toBe('true');
    await page.context().close();
  });

  it('lists the new village on the county dashboard as 未开展, not ranked', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'dafang.official');
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    const table = page.getByTestId('village-comparison');
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: '沙坝村' }) });
    await row.getByTestId('not-started').waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('未开展');
    // Ranked villages come first; the one not started follows them.
    const ranks = await table.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(ranks.at(-1)).toBe('未开展');
    expect(ranks.filter((r) => r === '未开展')).toHaveLength(1);
    expect(ranks.slice(0, -1)).toEqual(ranks.slice(0, -1).map((_, i) => String(i + 1)));
    await page.context().close();
  });
});
