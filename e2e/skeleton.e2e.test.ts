/**
 * The walking skeleton end to end, on the running local stack: a village officer
 * signs in and submits an income entry in headless Chromium; the monthly job runs;
 * the leader's email in the local mailbox carries the PDF, whose bytes are the
 * archived ones and whose text shows the submitted figure.
 */
import { now } from '#functions/platform/clock.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { reportingPeriodAt } from '#domain/shared/period.ts';
import { buckets } from '#domain/system/resources.ts';
import { runJob } from '#functions/jobs/run.ts';
import { s3Client } from '#functions/platform/clients.ts';
import { pdfText, squash } from '#reports/testing/pdf-inspect.ts';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, phonePage, readMailbox, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');

beforeAll(async () => {
  stack = await startTestStack({ web: true });
  await loadFixture(stack);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('walking skeleton', () => {
  it('takes an income entry from the phone form to an emailed, archived PDF', async () => {
    const period = reportingPeriodAt(now());
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/income/entry/');
    await expect.poll(() => page.url()).toContain('/income/entry/');

    await page.getByLabel('月份').selectOption(period);
    await expect.poll(() => page.getByText('柳树村：应录入').count()).toBe(1);
    await page.getByLabel('查找农户').fill('王建国');
    await page.getByLabel('农户', { exact: true }).selectOption('H0000001');
    await page.getByLabel('家庭人口数（人）').fill('4');
    await page.getByLabel('工资性收入').fill('1000');
    await page.getByLabel('生产经营性收入').fill('237.5');
    await page.getByLabel('财产性收入').fill('0');
    await page.getByLabel('转移性收入').fill('80');
    await page.getByLabel('生产经营性支出').fill('37.5');
    // 1000 + 237.5 + 0 + 80 - 37.5 = 1,280 a month; 320 per person; 3,840 a year.
    await expect.poll(() => page.getByTestId('net').textContent()).toContain('1,280.00');
    await expect.poll(() => page.getByTestId('per-capita').textContent()).toContain('320.00');
    await page.screenshot({ path: path.join(shots, 'income-entry-filled.png'), fullPage: true });
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存：王建国');
    await page.screenshot({ path: path.join(shots, 'income-entry-saved.png'), fullPage: true });

    const result = await runJob({ job: 'monthly-income', period }, { config: demoCountyConfig, now: now() });
    // County leaders and the coordination office get the county-wide report (towns get their own).
    expect(result.deliveries.filter((d) => d.status === 'sent').map((d) => d.recipient)).toEqual(
      expect.arrayContaining(['leader@test.invalid', 'office@test.invalid']),
    );

    const mails = await readMailbox(stack.standins.ports.ses);
    const mail = mails.find((m) => m.destination.to.some((t) => t.includes('leader@test.invalid')));
    expect(mail?.subject).toContain('月度收入分析研判');
    const attachment = mail!.attachments.find((a) => a.contentType.includes('pdf'));
    expect(attachment?.filename).toMatch(/月度收入分析研判报告\.pdf$/);
    const pdf = Buffer.from(attachment!.content, 'base64');

    const key = result.reports[0]!.pdfKey;
    const archived = await s3Client().send(new GetObjectCommand({ Bucket: buckets.archive, Key: key }));
    const archivedBytes = Buffer.from(await archived.Body!.transformToByteArray());
    expect(archivedBytes.equals(pdf)).toBe(true);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(result.reports[0]!.sha256);

    const text = squash((await pdfText(pdf)).text);
    expect(text).toContain('王建国');
    expect(text).toContain('3,840');
  });
});
