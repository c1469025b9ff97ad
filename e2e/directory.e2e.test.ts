/**
 * The directory pages in headless Chromium at phone size: the county administrator
 * imports an XLSX with errors, sees the row-by-row list, fixes the file and imports
 * it; then finds the household, edits it with a reason, and opens the accounts page.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '#functions/store/bulk.ts';
import { staffItem } from '#functions/store/directory.writer.ts';
import { ensureUsers } from '#local/cognito.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'dir-e2e-'));

beforeAll(async () => {
  stack = await startTestStack({ web: true });
  await loadFixture(stack);
  const a = {
    username: 'admin',
    name: '钱管理员',
    role: 'county-admin' as const,
    unitId: county,
    email: 'admin@test.invalid',
  };
  await batchPut([staffItem(county, { id: 'S-ADMIN', active: true, ...a })]);
  await ensureUsers(stack.standins.cognito!, [{ ...a, countyCode: county, password: testPassword }]);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function writeXlsx(file: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('农户');
  ws.addRow(['户编号', '村/社区', '户主姓名', '户类别', '监测对象类别', '家庭人口', '重点人群']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('directory pages', () => {
  it(
    'imports an XLSX with errors, shows the list, and imports the fixed file',
    { timeout: 180_000 },
    async () => {
      const page = await phonePage(browser);
      await signInThroughPage(page, stack.webUrl!, 'admin', testPassword, '/admin/import/');
      await expect.poll(() => page.locator('.who').textContent()).toContain('守望示范县');

      const bad = path.join(dir, '农户-有错.xlsx');
      await writeXlsx(bad, [
        ['H2000001', '柳树村', '褚新民', '脱贫户', '', 3, '大病'],
        ['H2000002', '桃园村', '卫红', '脱贫户', '', 2, ''],
        ['H2000003', 'T01V002', '蒋丽', '监测户', '', 'two', ''],
      ]);
      await page.getByLabel('导入内容').selectOption('households');
      await page.getByLabel(/文件/).setInputFiles(bad);
      await page.getByRole('button', { name: '上传并检查' }).click();
      const issues = page.getByRole('table', { name: '问题清单' });
      await expect.poll(() => issues.textContent()).toContain('未找到村/社区“桃园村”');
      expect(await issues.textContent()).toContain('应为整数');
      expect(await issues.getByRole('row').count()).toBe(3); // header and two rows with problems
      await page.screenshot({ path: path.join(shots, 'directory-import-errors.png'), fullPage: true });

      // "Nothing until fixed": go back, fix the file, check again, import everything.
      await page.getByRole('button', { name: '暂不导入，修改文件后重新上传' }).click();
      const good = path.join(dir, '农户-已改.xlsx');
      await writeXlsx(good, [
        ['H2000001', '柳树村', '褚新民', '脱贫户', '', 3, '大病'],
        ['H2000002', '杏花村', '卫红', '脱贫户', '', 2, ''],
        ['H2000003', 'T01V002', '蒋丽', '监测户', '突发严重困难户', 2, ''],
      ]);
      await page.getByLabel(/文件/).setInputFiles(good);
      await page.getByRole('button', { name: '上传并检查' }).click();
      await page.getByRole('button', { name: '导入全部 3 行' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('新增 3 条');
      await page.screenshot({ path: path.join(shots, 'directory-import-done.png'), fullPage: true });

      // The household is in the directory, and can be edited with a reason.
      await open(page, `${stack.webUrl}/directory/`);
      await page.getByLabel('查找农户').fill('褚新民');
      await page.getByRole('button', { name: '查找', exact: true }).click();
      await page.getByRole('link', { name: /褚新民/ }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
        .toContain('褚新民');
      await page.getByRole('button', { name: '修改' }).click();
      await page.getByLabel('家庭人口').fill('4');
      await page.getByLabel('修改原因').fill('新生儿落户');
      await page.getByRole('button', { name: '保存修改' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: '修改记录' }).textContent())
        .toContain('新生儿落户');
      expect(await page.getByRole('region', { name: '修改记录' }).textContent()).toContain('家庭人口：3 → 4');
      await page.screenshot({ path: path.join(shots, 'directory-household.png'), fullPage: true });

      await open(page, `${stack.webUrl}/directory/`);
      await page.getByRole('button', { name: /东岭镇/ }).click();
      await page.screenshot({ path: path.join(shots, 'directory-tree.png'), fullPage: true });
      await open(page, `${stack.webUrl}/directory/staffing/`);
      await expect
        .poll(() => page.getByRole('table', { name: '配备不足的单位' }).textContent())
        .toContain('西川镇');
      await page.screenshot({ path: path.join(shots, 'directory-staffing.png'), fullPage: true });
      await open(page, `${stack.webUrl}/admin/accounts/`);
      await expect
        .poll(() => page.getByRole('region', { name: '工作人员' }).textContent())
        .toContain('张信息员');
      await page.screenshot({ path: path.join(shots, 'directory-accounts.png'), fullPage: true });
    },
  );
});
