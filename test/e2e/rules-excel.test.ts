import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { type Admin, startAdmin } from './harness';

let admin: Admin;
let dir: string;
beforeAll(async () => {
  admin = await startAdmin();
  dir = await mkdtemp(join(tmpdir(), 'xjf-rules-excel-'));
});
afterAll(async () => {
  await admin?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Cell = string | number | boolean | null;

describe('rule sets as Excel and JSON (导入导出)', () => {
  it('exports the draft to Excel and JSON, rejects bad files row by row and imports good ones', async () => {
    const page = await admin.freshPage();
    // 大方县's eco rules are a county-wide program: its county admin keeps them.
    await admin.signInAs(page, 'dafang.admin');
    await page.getByRole('menuitem', { name: '全县积分项目' }).click();
    await page.getByRole('link', { name: '大方县生态积分细则' }).click();
    await page.getByRole('heading', { name: '大方县生态积分细则' }).waitFor();
    const forest = page.locator('tr[data-code="ECO-FOREST"]');
    await forest.getByTestId('rule-summary').getByText('每亩计 5 分，每年封顶 300 分').waitFor();

    // Export the draft (what the admin sees): the file is named after the rule set and the draft.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('大方县生态积分细则-草稿.xlsx');
    const exported = join(dir, 'exported.xlsx');
    await download.saveAs(exported);

    const sheet = (await readSheet(exported)) as Cell[][];
    const [header, ...rows] = sheet;
    expect(header).toEqual([
      '编码',
      '名称',
      '类别',
      '计分方式',
      '分值',
      '每多少单位',
      '单位',
      '封顶分数',
      '封顶次数',
      '封顶周期',
      '需要照片',
      '村民可自报',
      '说明',
    ]);
    const col = (h: string) => (header ?? []).indexOf(h);
    const forestRow = rows.find((r) => r[col('名称')] === '林下种植');
    expect(forestRow?.[col('封顶分数')]).toBe(300);
    expect(rows.some((r) => r[col('编码')] === 'ECO-TREE')).toBe(true);

    // The good copy raises the forest cap to 250 (and has an empty row in the middle, which is
    // skipped); the bad one also puts text where 分值 wants a number, in sheet row 3.
    const good = sheet.map((r) => (r === forestRow ? r.map((v, i) => (i === col('封顶分数') ? 250 : v)) : r));
    good.splice(3, 0, header?.map(() => null) ?? []);
    const goodFile = join(dir, 'good.xlsx');
    await writeExcelFile(good).toFile(goodFile);
    const bad = sheet.map((r, i) =>
      i === 2
        ? r.map((v, j) => (j === col('分值') ? 'abc' : v))
        : i === 4
          ? r.map((v, j) => (j === col('计分方式') ? '随便' : v))
          : r,
    );
    // An empty row 5 moves the rule that was in row 5 to row 6: errors must name the sheet's row.
    bad.splice(4, 0, header?.map(() => null) ?? []);
    const badFile = join(dir, 'bad.xlsx');
    await writeExcelFile(bad).toFile(badFile);

    // The bad file: nothing is imported and the table names each row and column.
    await page.getByTestId('rules-import-file').setInputFiles(badFile);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('导入将替换当前草稿').waitFor();
    await dialog.getByText(`共有 ${rows.length} 条规则`).waitFor();
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await dialog.getByText('文件有误，未导入任何规则').waitFor();
    const errorRow = dialog.getByTestId('import-errors').getByRole('row').filter({ hasText: '第 3 行' });
    await errorRow.waitFor();
    expect(await errorRow.textContent()).toContain('分值');
    const kindRow = dialog.getByTestId('import-errors').getByRole('row').filter({ hasText: '第 6 行' });
    expect(await kindRow.textContent()).toContain('计分方式');
    expect(await dialog.getByTestId('import-errors').locator('tr.ant-table-row').count()).toBe(2);
    await dialog.getByRole('button', { name: /^关\s+闭$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await forest.getByTestId('rule-summary').getByText('每亩计 5 分，每年封顶 300 分').waitFor();

    // The good file becomes the draft: the editor shows the new cap at once.
    await page.getByTestId('rules-import-file').setInputFiles(goodFile);
    await dialog.getByText(`共有 ${rows.length} 条规则`).waitFor();
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await page.getByText(`已导入 ${rows.length} 条规则，草稿已更新`).waitFor();
    await forest.getByTestId('rule-summary').getByText('每亩计 5 分，每年封顶 250 分').waitFor();
    await page.locator('tr[data-code="ECO-TREE"]').waitFor();

    // JSON export of the same draft carries the new cap.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 JSON/ }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('大方县生态积分细则-草稿.json');
    const jsonFile = join(dir, 'draft.json');
    await json.saveAs(jsonFile);
    const body = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(body.name).toBe('大方县生态积分细则');
    expect(body.version).toBe('draft');
    const forestRule = body.content.rules.find((r: { code: string }) => r.code === 'ECO-FOREST');
    expect(forestRule.cap.maxPoints).toBe(250);

    // A JSON file goes back in the same way: a bad field is named by rule and column.
    const forestIndex = body.content.rules.indexOf(forestRule);
    forestRule.shape.points = 0;
    const badJson = join(dir, 'bad.json');
    await writeFile(badJson, JSON.stringify(body));
    await page.getByTestId('rules-import-file').setInputFiles(badJson);
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await dialog.getByText('文件有误，未导入任何规则').waitFor();
    const jsonError = dialog
      .getByTestId('import-errors')
      .getByRole('row')
      .filter({ hasText: `第 ${forestIndex + 1} 条规则` });
    expect(await jsonError.textContent()).toContain('分值');
    await dialog.getByRole('button', { name: /^关\s+闭$/ }).click();
    forestRule.shape.points = 6;
    const goodJson = join(dir, 'good.json');
    await writeFile(goodJson, JSON.stringify(body.content));
    await page.getByTestId('rules-import-file').setInputFiles(goodJson);
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await forest.getByTestId('rule-summary').getByText('每亩计 6 分，每年封顶 250 分').waitFor();

    // A workbook whose headers are not the rule set's is refused before anything is sent.
    const strange = join(dir, 'strange.xlsx');
    await writeExcelFile([
      ['编码', '名字', '类别'],
      ['X1', '某规则', '生态保护'],
    ]).toFile(strange);
    await page.getByTestId('rules-import-file').setInputFiles(strange);
    await dialog.getByText('无法导入此文件，未导入任何规则').waitFor();
    await dialog.getByText('第 B 列的表头「名字」无法识别').waitFor();
    await dialog.getByText('缺少「名称」列').waitFor();
    await page.context().close();
  });

  it("lets a village recorder export the county's published version but not import", async () => {
    const page = await admin.freshPage();
    await admin.signInAs(page, 'yinchuan.recorder');
    await page.getByRole('menuitem', { name: '积分细则' }).click();
    await page.getByRole('row').filter({ hasText: '生态积分' }).getByText('全县').waitFor();
    await page.getByRole('link', { name: '大方县生态积分细则' }).click();
    await page.getByRole('heading', { name: '大方县生态积分细则' }).waitFor();
    await page.getByRole('button', { name: /导出 Excel/ }).waitFor();
    expect(await page.getByRole('button', { name: /导\s*入/ }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('大方县生态积分细则-v2.xlsx');
    const file = join(dir, 'recorder.xlsx');
    await download.saveAs(file);
    const [header, ...rows] = (await readSheet(file)) as Cell[][];
    expect(header?.[0]).toBe('编码');
    expect(rows.some((r) => r[0] === 'ECO-TREE')).toBe(false);
    await page.context().close();
  });
});
