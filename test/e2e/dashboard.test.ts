import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Admin, startAdmin } from './harness';

/** Screenshots go with the rest of the test output (git-ignored). */
const output = fileURLToPath(new URL('../../test-results/', import.meta.url));

let admin: Admin;
beforeAll(async () => {
  admin = await startAdmin();
  await mkdir(output, { recursive: true });
});
afterAll(async () => {
  await admin?.stop();
});

describe('the county dashboard (数据看板)', () => {
  it('opens on sign-in, compares villages on charts, filters by township and month range, and exports', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'dafang.official');
    await page.getByRole('heading', { name: '大方县数据看板' }).waitFor();
    const table = page.getByTestId('village-comparison');
    await table.getByRole('link', { name: '银川村' }).waitFor();
    await table.getByRole('link', { name: '白布村' }).waitFor();
    // The charts draw on canvases once the dashboard's chunk (with ECharts) has loaded.
    await page.getByTestId('chart-per-household').locator('canvas').waitFor();
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    expect(await page.getByTestId('dashboard-kpis').textContent()).toContain('村数11');
    // The seeded story shows up as signals: one recorder in 店子村, a spike in 羊场村, refusals in 红旗村.
    const signals = page.getByTestId('anomaly-list');
    await signals.getByText('店子村').waitFor();
    await signals.getByText('羊场村').first().waitFor();
    await signals.getByText('红旗村').waitFor();
    await page.screenshot({ path: `${output}dashboard.png`, fullPage: true });

    // One township only: its two villages remain.
    await page.getByTestId('township-filter').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '羊场镇' }).click();
    await table.getByRole('link', { name: '银川村' }).waitFor({ state: 'detached' });
    const villages = await table.locator('tbody tr a').allTextContents();
    expect(villages.sort()).toEqual(['红旗村', '羊场村'].sort());
    expect(page.url()).toContain('township=');

    // A shorter range: the last three months.
    const to = new URL(page.url()).searchParams.get('to') ?? '';
    const [year, month] = to.split('-').map(Number) as [number, number];
    const back = new Date(Date.UTC(year, month - 3, 1));
    const from = `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, '0')}`;
    const start = page.getByPlaceholder('开始月份');
    await start.click();
    await start.fill(from);
    await start.press('Enter');
    const end = page.getByPlaceholder('结束月份');
    await end.fill(to);
    await end.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === from);
    await page.screenshot({ path: `${output}dashboard-township.png`, fullPage: true });

    // Export: the API's CSV, with a BOM so Excel reads the Chinese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`村级积分对比-${from}-${to}.csv`);
    const file = `${output}dashboard.csv`;
    await download.saveAs(file);
    const text = (await readFile(file)).toString('utf8');
    expect(text.startsWith('\uFEFF全县排名,乡镇,')).toBe(true);
    expect(text).toContain('羊场村');
    expect(text).not.toContain('银川村');

    // Drill down: a village's read-only summary.
    await table.getByRole('link', { name: '羊场村' }).click();
    await page.getByRole('heading', { name: '羊场村 · 积分概况' }).waitFor();
    await page.getByTestId('rank-card').waitFor();
    await page.context().close();
  });

  it('shows village staff their rank on their home page', async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.admin');
    const card = page.getByTestId('rank-card');
    await card.getByText('你追我赶').waitFor();
    expect(await card.textContent()).toMatch(/乡镇内第 \d+ 名共 4 个村/);
    await page.context().close();
  });
});
