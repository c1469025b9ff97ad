/**
 * Offline: with the browser offline, two income entries are filled and kept on the
 * device as waiting; back online, the outbox sends them and exactly two records
 * are stored, even though the outbox is flushed twice.
 */
import { now } from '#functions/platform/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { reportingPeriodAt } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack({ web: true, only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function fill(page: Page, householdId: string, wage: string) {
  await page.getByLabel('农户', { exact: true }).selectOption(householdId);
  await page.getByLabel('家庭人口数（人）').fill('3');
  await page.getByLabel('工资性收入').fill(wage);
  for (const label of ['生产经营性收入', '财产性收入', '转移性收入', '生产经营性支出'])
    await page.getByLabel(label).fill('0');
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存在本机');
}

async function storedIncome(period: string) {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return (out.Items ?? []).filter((i) => String(i.pk).includes(`#INC#${period}#`));
}

describe('offline outbox', () => {
  it('keeps two entries on the device while offline and stores each exactly once when back online', async () => {
    const period = reportingPeriodAt(now());
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/income/entry/');
    await page.getByLabel('月份').selectOption(period);
    await expect.poll(() => page.getByText('柳树村：应录入').count()).toBe(1);

    await page.context().setOffline(true);
    await fill(page, 'H0000001', '1500');
    await fill(page, 'H0000002', '900');
    const region = page.getByRole('region', { name: '本机待提交记录' });
    await expect.poll(() => region.locator('[data-status="waiting"]').count()).toBe(2);
    expect(await storedIncome(period)).toHaveLength(0);
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'income-offline-waiting.png'), fullPage: true });

    await page.context().setOffline(false);
    await expect.poll(() => region.locator('[data-status="saved"]').count(), { timeout: 20_000 }).toBe(2);
    // No stale "网络不可用": the banner follows its entry, and the list shows both entered.
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已提交');
    await expect.poll(() => page.getByText(/柳树村：应录入 \d+ 户，已录入 2 户/).count()).toBe(1);
    // A second flush (e.g. another tab) finds nothing left to send; ids make a repeat harmless anyway.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const stored = await storedIncome(period);
    expect(stored.map((i) => i.householdId).sort()).toEqual(['H0000001', 'H0000002']);
    expect(stored.every((i) => i.version === 1)).toBe(true);
  });

  it('opens the entry form with the network off from the start (service worker) and sends the entry later', async () => {
    const period = reportingPeriodAt(now());
    const page = await phonePage(browser);
    const context = page.context();
    // First visit online: the service worker installs and precaches the site.
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/income/entry/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Once it controls the page, the form's reads go through it and are kept for offline use.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByLabel('月份').selectOption(period);
    await expect.poll(() => page.getByText('柳树村：应录入').count()).toBe(1);
    await page.close();

    // Offline before the page is even requested.
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${stack.webUrl}/income/entry/`);
    await expect.poll(() => offline.getByLabel('月份').isVisible()).toBe(true);
    await offline.getByLabel('月份').selectOption(period);
    await expect.poll(() => offline.getByText('柳树村：应录入').count()).toBe(1);
    await fill(offline, 'H0000006', '1200');
    const region = offline.getByRole('region', { name: '本机待提交记录' });
    await expect.poll(() => region.locator('[data-status="waiting"]').count()).toBe(1);
    await offline.screenshot({
      path: path.join('test-results', 'income-offline-from-start.png'),
      fullPage: true,
    });

    // The control: a browser that never visited the site cannot open the page offline.
    const stranger = await phonePage(browser);
    await stranger.context().setOffline(true);
    await expect(stranger.goto(`${stack.webUrl}/income/entry/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await stranger.context().close();

    await context.setOffline(false);
    await expect.poll(() => region.locator('[data-status="saved"]').count(), { timeout: 20_000 }).toBe(1);
    const stored = await storedIncome(period);
    expect(stored.filter((i) => i.householdId === 'H0000006')).toHaveLength(1);
  });
});
