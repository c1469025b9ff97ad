/**
 * The auditor's archive in headless Chromium at phone size: find a report, download
 * it through its presigned link, see the download in the audit trail, and have the
 * verify page recognise the file and reject a copy with one byte changed. The
 * county office sees each recipient's delivery.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { runJob } from '#functions/jobs/run.ts';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');
const title = '东岭镇2026年10月月度收入分析研判报告';

beforeAll(async () => {
  stack = await startTestStack({ web: true });
  await loadFixture(stack);
  await runJob(
    { job: 'monthly-income', period: '2026-10' },
    { config: demoCountyConfig, now: new Date('2026-11-08T01:00:00Z') },
  );
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the archive for auditors', () => {
  it('finds, downloads, records and verifies a report', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'auditor', testPassword, '/archive/');
    await expect.poll(() => page.getByRole('listitem', { name: title }).count()).toBe(1);
    await page.getByLabel('标题关键词').fill('东岭镇');
    await page.getByRole('button', { name: '查找' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: '报告列表' }).getByRole('listitem').count())
      .toBe(1);
    const item = page.getByRole('listitem', { name: title });
    await expect.poll(() => item.textContent()).toContain('已送达 1 人');
    await page.screenshot({ path: path.join(shots, 'archive-search.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: `下载PDF：${title}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${title}.pdf`);
    const file = path.join(shots, 'downloaded.pdf');
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    await open(page, `${stack.webUrl}/archive/audit/`);
    const trail = page.getByRole('list', { name: '下载记录' });
    await expect.poll(() => trail.textContent()).toContain(title);
    expect(await trail.textContent()).toContain('钱督查');
    await page.screenshot({ path: path.join(shots, 'archive-audit.png'), fullPage: true });

    await open(page, `${stack.webUrl}/archive/verify/`);
    await page
      .getByLabel('选择或拖入要核验的 PDF 文件')
      .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
    const result = page.getByRole('status', { name: '核验结果' });
    await expect.poll(() => result.textContent()).toContain('与存档原件一致');
    expect(await result.textContent()).toContain(title);
    expect(await result.textContent()).toContain('town-t01@test.invalid');
    expect(await result.textContent()).toContain(sha);
    await page.screenshot({ path: path.join(shots, 'archive-verify-ok.png'), fullPage: true });

    const changed = Buffer.from(pdf);
    changed[changed.length - 10] = changed[changed.length - 10]! ^ 0x01;
    await page
      .getByLabel('选择或拖入要核验的 PDF 文件')
      .setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: changed });
    await expect.poll(() => result.textContent()).toContain('不是系统存档的报告');
    await page.screenshot({ path: path.join(shots, 'archive-verify-rejected.png'), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('shows the county office each recipient of each report', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'office', testPassword, '/archive/deliveries/');
    await page.getByLabel('报告月份').selectOption('2026-10');
    const list = page.getByRole('list', { name: '投递列表' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    expect(await list.textContent()).toContain('已送达');
    await page.screenshot({ path: path.join(shots, 'archive-deliveries.png'), fullPage: true });

    await open(page, `${stack.webUrl}/archive/report/?id=monthly-income.2026-10.610999`);
    await expect.poll(() => page.getByRole('list', { name: '收件人' }).getByRole('listitem').count()).toBe(2);
    await page.screenshot({ path: path.join(shots, 'archive-report.png'), fullPage: true });
    await page.context().close();
  }, 60_000);
});
