/**
 * Petitions in headless Chromium on a phone-sized page: a village officer takes in
 * a petition, sees it in the ledger with its clock, concludes it and adds a
 * callback; then the other petition pages are opened and photographed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
let page: Page;
const shots = path.resolve('test-results');
const shot = (name: string) =>
  page.screenshot({ path: path.join(shots, `petitions-${name}.png`), fullPage: true });

beforeAll(async () => {
  stack = await startTestStack({ web: true, only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
  page = await phonePage(browser);
  await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/petitions/new/');
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('petitions on a phone', () => {
  it('takes in a petition, shows its clock in the ledger, concludes it and records a callback', async () => {
    await expect.poll(() => page.url()).toContain('/petitions/new/');
    await page.getByLabel('来访渠道').selectOption('window');
    await page.getByLabel('姓名').fill('王建国');
    await page.getByLabel('联系电话').fill('13812345678');
    await expect.poll(() => page.getByLabel('所在村/社区').inputValue()).toBe('T01V001');
    await expect.poll(() => page.getByLabel('所属农户').locator('option').count()).toBeGreaterThan(1);
    await page.getByLabel('所属农户').selectOption('H0000001');
    await page.getByLabel('诉求类别').selectOption('water');
    await expect.poll(() => page.getByText('该户将列入监测研判名单').count()).toBe(1);
    await page.getByLabel('诉求内容').fill('自来水管冻裂，家中断水三天');
    await page.getByRole('radio', { name: '交办' }).check();
    // A rule the form checks before sending: 交办 needs its unit.
    await page.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.getByText('交办、限期办须填写承办单位').count()).toBe(1);
    await page.getByLabel('承办单位').fill('县水利局');
    await shot('intake-filled');
    await page.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已登记：王建国');
    await shot('intake-saved');

    await open(page, `${stack.webUrl}/petitions/`);
    const row = page.getByRole('row').filter({ hasText: '王*' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('剩 15 天');
    expect(await row.textContent()).toContain('138****5678');
    await shot('ledger');

    await row.getByRole('link').click();
    await expect.poll(() => page.getByTestId('clock').textContent()).toBe('剩 15 天');
    await page.getByLabel('办理情况', { exact: true }).fill('县水利局已派人维修');
    await page.getByLabel('办理结果').selectOption('resolved');
    await page.getByLabel('结果说明').fill('管道已更换，恢复供水');
    await page.getByRole('button', { name: '提交办理情况' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已办结');
    await expect.poll(() => page.getByTestId('clock').textContent()).toBe('按期办结');

    await page.getByLabel('回访人').fill('张信息员');
    await page.getByLabel('群众是否满意').selectOption('yes');
    await page.getByLabel('备注').fill('群众表示满意');
    await page.getByRole('button', { name: '提交回访' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已登记回访');
    await expect.poll(() => page.getByText('电话回访 · 张信息员 · 满意').count()).toBe(1);
    // Intake, handling with its result, callback: three versions in the history.
    await expect.poll(() => page.getByText('第 3 版').count()).toBe(1);
    // In Chinese throughout: field names and values of the result and the callback, no raw keys.
    const history = page.getByRole('region', { name: '修改记录' });
    await expect.poll(() => history.textContent()).toContain('回访方式：电话回访');
    await expect.poll(() => history.textContent()).toContain('办理状态');
    expect(await history.textContent()).not.toMatch(/\b(outcome|way|caller|satisfied|resolved|phone)\b/);
    await shot('detail');
  });

  it('opens the register, monthly form, opinions and meetings pages', async () => {
    for (const [p, text] of [
      ['/petitions/register/', '共 1 条'],
      ['/petitions/monitoring/', '共 1 条'],
      ['/petitions/monthly/', '合计'],
      ['/petitions/meetings/', '暂无会议记录'],
    ] as const) {
      await open(page, `${stack.webUrl}${p}`);
      await expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);
      await shot(p.split('/').filter(Boolean).join('-'));
    }
    // Meetings link petitions picked from those still being handled, never a copied id (the one taken in is concluded).
    const linked = page.getByRole('group', { name: /关联信访件/ });
    await expect.poll(() => linked.textContent()).toContain('暂无办理中的信访件');
    expect(await page.getByText('页面地址复制').count()).toBe(0);
  });
});
