/**
 * Data quality on a phone: a village officer records an error, sees it in the
 * ledger, closes it with the fix and sees the fix in the record's history.
 * Screenshots of each quality page land in test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Stack } from '#local/stack.ts';
import { loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');

beforeAll(async () => {
  stack = await startTestStack({ web: true, only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('data quality on a phone', () => {
  it('records an error, lists it, closes it with the fix shown in the history', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/quality/errors/');
    await expect.poll(() => page.url()).toContain('/quality/errors/');

    // Submitting empty shows the schema's Chinese messages beside the fields.
    await page.getByRole('button', { name: '登记错误' }).click();
    await expect.poll(() => page.getByText('请选择信息类别').count()).toBe(1);

    await page.getByLabel('信息类别').selectOption('basic');
    await page.getByLabel('错误对象').selectOption('person');
    await page.getByLabel('户编号').fill('h0000001');
    await page.getByLabel('成员姓名').fill('王小明');
    await page.getByLabel('错误字段').fill('文化程度');
    await page.getByLabel('错误值').fill('小学');
    await page.getByLabel('发现方式').selectOption('department-comparison');
    await page.screenshot({ path: path.join(shots, 'quality-error-form.png'), fullPage: true });
    await page.getByRole('button', { name: '登记错误' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存');

    const link = page.getByRole('link', { name: 'H0000001' });
    await expect.poll(() => link.count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '待修正' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'quality-error-ledger.png'), fullPage: true });

    await link.click();
    await expect.poll(() => page.getByRole('heading', { name: '修正后关闭' }).count()).toBe(1);
    await page.getByLabel('正确值').fill('初中');
    await page.getByLabel('修正说明').fill('已在国家系统更正');
    await page.getByRole('button', { name: '确认已修正' }).click();
    await expect.poll(() => page.getByText('原因：已修正：已在国家系统更正').count()).toBe(1);
    await expect.poll(() => page.getByText('状态：待处理 → 已关闭').count()).toBe(1);
    await expect.poll(() => page.getByText('正确值：（空） → 初中').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'quality-error-closed.png'), fullPage: true });

    await open(page, `${stack.webUrl}/quality/errors/`);
    await page.getByLabel('状态').selectOption('closed');
    await expect.poll(() => page.getByRole('cell', { name: '已修正' }).count()).toBe(1);
  });

  it('shows the roster, spot checks and meetings pages', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'town-t01', testPassword, '/quality/officers/');
    await expect.poll(() => page.getByRole('cell', { name: /柳树村/ }).count()).toBe(1);
    await page.getByText('增加信息员').click();
    await page.getByLabel('单位').selectOption('T01V001');
    await page.getByLabel('姓名').fill('李文');
    await page.getByLabel('电话').fill('13912345678');
    await page.getByRole('button', { name: '加入名册' }).click();
    await expect.poll(() => page.getByText('李文（T01V001，139****5678）').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'quality-officers.png'), fullPage: true });
    await open(page, `${stack.webUrl}/quality/spot-checks/`);
    await page.getByLabel('抽查方式').selectOption('phone-check');
    await page.getByLabel('被抽查村（社区）编号').fill('T01V001');
    await page.getByLabel('抽查对象').fill('王建国户');
    await page.getByLabel('抽查结果').selectOption('problems');
    await page.getByLabel('发现问题数').fill('1');
    await page.getByLabel('问题描述').fill('家庭人口数与实际不符');
    await page.getByLabel('抽查人员').fill('孙镇干部');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '王建国户' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'quality-spot-checks.png'), fullPage: true });
    await open(page, `${stack.webUrl}/quality/meetings/`);
    await page.screenshot({ path: path.join(shots, 'quality-meetings.png'), fullPage: true });
  });
});
