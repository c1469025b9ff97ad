/**
 * The income cycle in headless Chromium at phone size: town staff review a
 * village's month, correct a value with a reason, and the record's history shows
 * the original beside the correction. Screenshots of the income pages are kept
 * in test-results/ for a look.
 */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMonths, reportingPeriodAt } from '#domain/shared/period.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { incomeItem } from '#functions/store/income.repository.ts';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');
const period = reportingPeriodAt(now());

beforeAll(async () => {
  stack = await startTestStack({ web: true });
  await loadFixture(stack);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
  const officer = await signIn(stack, 'v-t01v001');
  for (const [householdId, memberCount, wage] of [
    ['H0000001', 4, 2000],
    ['H0000002', 2, 900],
  ] as const) {
    const res = await invoke('POST', '/api/income', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({
        submissionId: randomUUID(),
        period,
        householdId,
        memberCount,
        components: { wage, business: 0, property: 0, transfer: 100, businessCost: 0 },
        expectedVersion: 0,
      }),
    });
    expect(res.status).toBe(201);
  }
  // 赵家 (H0000006): 5,690 last month (stored as entered then), 1,900 this month with a stated cause.
  const previous = addMonths(period, -1);
  await batchPut([
    incomeItem({
      period: previous,
      householdId: 'H0000006',
      memberCount: 5,
      components: { wage: 5690, business: 0, property: 0, transfer: 0, businessCost: 0 },
      countyCode: county,
      villageId: 'T01V001',
      townId: 'T01',
      netIncome: 5690,
      perCapitaNet: 1138,
      status: 'reviewed',
      version: 1,
      lastSubmissionId: randomUUID(),
      updatedBy: 'fixture',
      updatedAt: `${previous}-05T02:00:00.000Z`,
      enteredAt: `${previous}-05T02:00:00.000Z`,
      sourceForm: 'fixture',
    }),
  ]);
  const fell = await invoke('POST', '/api/income', {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
    body: JSON.stringify({
      submissionId: randomUUID(),
      period,
      householdId: 'H0000006',
      memberCount: 5,
      components: { wage: 1900, business: 0, property: 0, transfer: 0, businessCost: 0 },
      fallCause: { kind: 'illness', note: '户主住院两个月' },
      expectedVersion: 0,
    }),
  });
  expect(fell.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('town review in the browser', () => {
  it('corrects a value with a reason, and the history shows the original', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'town-t01', testPassword, '/income/review/');
    await expect.poll(() => page.getByText('柳树村：应录入 3 户').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'income-review-worklist.png'), fullPage: true });
    await page.getByRole('button', { name: '审核 王建国' }).click();
    await page.getByLabel('更正数值').check();
    await page.getByLabel('工资性收入').fill('1800');
    await expect.poll(() => page.getByText('更正后家庭纯收入：1,900.00 元').count()).toBe(1);
    await page.getByRole('button', { name: '保存审核结果' }).click();
    // No reason yet: the schema's message shows at the field, nothing is sent.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('请填写更正原因');
    await page.getByLabel('更正原因').fill('入户核实，工资为 1800 元');
    await page.screenshot({ path: path.join(shots, 'income-review-correct.png'), fullPage: true });
    await page.getByRole('button', { name: '保存审核结果' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存：王建国');
    await expect.poll(() => page.getByText('镇审核：入户核实，工资为 1800 元').count()).toBe(1);

    await open(page, `${stack.webUrl}/income/record/?period=${period}&id=H0000001`);
    await expect
      .poll(() => page.getByText('原因：入户核实，工资为 1800 元').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByText('工资性收入：2000 → 1800').count()).toBe(1);
    expect(await page.getByText('第 1 版').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'income-record-history.png'), fullPage: true });

    await open(page, `${stack.webUrl}/income/ledger/`);
    await expect.poll(() => page.getByText('共 4 条').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'income-ledger.png'), fullPage: true });
    await open(page, `${stack.webUrl}/assistance/plan/`);
    // The household is found by the head's name and picked from the matches, not typed as a code.
    await page.getByLabel('查找农户').fill('王建国');
    const household = page.getByLabel('农户', { exact: true });
    await expect.poll(() => household.locator('option', { hasText: '王建国' }).count()).toBe(1);
    await household.selectOption({ index: 1 });
    expect(await household.inputValue()).toBe('H0000001');
    await page.getByLabel('风险原因').fill('户主务工中断，收入下降');
    await page.getByLabel('帮扶措施').fill('推荐村公益性岗位\n申请临时救助');
    await page.getByLabel('责任人', { exact: true }).fill('孙镇干部');
    await page.getByRole('button', { name: '建立帮扶计划' }).click();
    await expect.poll(() => page.getByText('跟进记录').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'assistance-plan.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('reopens a village’s entry picked by name, and lists the reopening by name', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'office', testPassword, '/income/windows/');
    const unit = page.getByLabel(/^单位/);
    await expect.poll(() => unit.isEnabled()).toBe(true);
    await unit.selectOption({ label: '东岭镇 · 杏花村' });
    await page.getByLabel('开放至').fill('2099-12-30');
    await page.getByLabel('原因').fill('村信息员住院，延后补录');
    await page.getByRole('button', { name: '重新开放录入' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已重新开放：杏花村');
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: '村信息员住院' }).textContent())
      .toContain('杏花村');
    await page.screenshot({ path: path.join(shots, 'entry-window-reopened.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('points out the sharp fall with the village’s stated cause, and filters to what needs a look', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'town-t01', testPassword, '/income/review/');
    const list = page.getByRole('list', { name: '工作清单' });
    const zhao = list.getByRole('listitem').filter({ hasText: '较上月下降' });
    await expect.poll(() => zhao.textContent()).toContain('较上月下降 67%（5,690.00 → 1,900.00 元）');
    expect(await zhao.textContent()).toContain('村里说明的原因：因病：户主住院两个月');
    const before = await list.getByRole('listitem').count();
    await page.getByLabel(/只看异常/).check();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(before).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(shots, 'income-review-anomalies.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
