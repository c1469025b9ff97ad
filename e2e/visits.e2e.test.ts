/**
 * Visits end to end on a phone-sized page in headless Chromium: a village officer
 * records a visit to their paired household with one problem, sees the visit in
 * the visit ledger and the problem in the problem ledger, then rectifies the
 * problem with evidence (refused without it). The visit-coverage job then builds,
 * archives and emails the month's report, which counts the visit.
 */
import { now } from '#functions/platform/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { periodLabel, reportingPeriodAt, shanghaiDate } from '#domain/shared/period.ts';
import { runJob } from '#functions/jobs/run.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { keys } from '#functions/store/keys.ts';
import { assignmentItem } from '#functions/store/visits.repository.ts';
import { loadVisitFixture } from '#functions/visits/visit-fixture.ts';
import { pdfText, squash } from '#reports/testing/pdf-inspect.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack, testPassword } from '#local/testing.ts';
import { launchBrowser, open, phonePage, readMailbox, signInThroughPage } from './browser.ts';

let stack: Stack;
let browser: Browser;
const shots = path.resolve('test-results');

beforeAll(async () => {
  stack = await startTestStack({ web: true });
  await loadFixture(stack);
  await loadVisitFixture(county);
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('visits and problems', () => {
  it('records a visit with a problem, lists both, and rectifies the problem with evidence', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/visits/new/');
    await expect.poll(() => page.url()).toContain('/visits/new/');

    // The paired household is offered first, under "my duty targets".
    const target = page.getByLabel('走访对象');
    await expect.poll(() => target.isEnabled()).toBe(true);
    const firstOption = await target.locator('optgroup').first().locator('option').first().textContent();
    expect(firstOption).toContain('王建国');
    await target.selectOption('household:H0000001');
    await page.getByLabel('驻村过夜（在村住宿一晚）').check();
    await page.getByLabel('走访情况').fill('户主在家，务工收入稳定，了解医保缴费情况');
    await page.getByRole('button', { name: '＋ 添加问题' }).click();
    await page.getByLabel('问题类别').selectOption('housing');
    await page.getByLabel('问题描述').fill('厨房屋顶漏雨，需要维修');
    await page.screenshot({ path: path.join(shots, 'visit-form-filled.png'), fullPage: true });
    await page.getByRole('button', { name: '提交走访记录' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('登记问题 1 个');
    await page.screenshot({ path: path.join(shots, 'visit-form-saved.png'), fullPage: true });

    await open(page, `${stack.webUrl}/visits/`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: '王建国' }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'visit-ledger.png'), fullPage: true });

    await open(page, `${stack.webUrl}/visits/problems/`);
    const row = page.getByRole('row').filter({ hasText: '厨房屋顶漏雨' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('待整改');
    await page.screenshot({ path: path.join(shots, 'problem-ledger.png'), fullPage: true });
    await row.getByRole('link').click();
    await expect.poll(() => page.url()).toContain('/visits/problem/');

    const today = shanghaiDate(now());
    await expect.poll(() => page.getByLabel('整改状态').isVisible()).toBe(true);
    await page.getByLabel('整改状态').selectOption('rectified');
    await page.getByLabel('整改措施').fill('协调危房改造资金，更换屋面瓦');
    await page.getByLabel('整改期限').fill(today);
    await page.getByLabel('完成日期').fill(today);
    await page.getByRole('button', { name: '保存整改情况' }).click();
    // Evidence is required to close, in the browser as on the server.
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('整改完成须填写整改佐证');
    await page.getByLabel(/整改佐证/).fill('屋面已更换，村委会验收记录第 12 号');
    await page.getByRole('button', { name: '保存整改情况' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存：已整改（第 2 版）');
    await expect
      .poll(() => page.getByRole('region', { name: '修改记录' }).textContent())
      .toContain('整改佐证');
    await page.screenshot({ path: path.join(shots, 'problem-rectified.png'), fullPage: true });

    await open(page, `${stack.webUrl}/visits/problems/`);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: '厨房屋顶漏雨' }).textContent())
      .toContain('已整改');
  });

  it("builds, archives and emails the month's coverage report, counting that visit", async () => {
    const today = shanghaiDate(now());
    const result = await runJob(
      { job: 'visit-coverage', variant: 'monthly', period: today.slice(0, 7), date: today },
      { config: demoCountyConfig, now: now() },
    );
    expect(result.reports.map((r) => r.scope)).toEqual([county, 'T01', 'T02']);
    const townPdf = result.files.find((f) => f.filename.includes('东岭镇') && f.filename.endsWith('.pdf'));
    const text = squash((await pdfText(townPdf!.content)).text);
    // T01 duties: the town head's 4 targets (none visited by him) and the officer's household (visited).
    expect(text).toContain('应走访对象5个');
    expect(text).toContain('覆盖率20.0%');
    expect(text).toContain('整改率100.0%');
    const mails = await readMailbox(stack.standins.ports.ses);
    expect(mails.some((m) => m.subject.includes('走访排查覆盖情况'))).toBe(true);
  });

  it('lets the coordination office enter a county leader’s visit for them, from the leader’s own duty targets', async () => {
    // The leader's post and link to 东岭镇 (挂点联镇): their duties are its villages and monitored households.
    await batchPut([
      {
        ...keys.staff(county, 'leader'),
        id: 'leader',
        username: 'leader',
        name: '吴县长',
        role: 'leader',
        position: 'county-leader',
        unitId: county,
        email: 'leader@test.invalid',
        active: true,
      },
      assignmentItem({ countyCode: county, kind: 'town-link', staffId: 'leader', targetId: 'T01' }),
    ]);
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'office', testPassword, '/visits/new/');
    await expect.poll(() => page.url()).toContain('/visits/new/');
    const visitor = page.getByLabel(/^走访人/);
    await expect.poll(() => visitor.locator('option').allTextContents()).toContain('吴县长（县级领导）');
    await visitor.selectOption({ label: '吴县长（县级领导）' });
    const target = page.getByLabel(/^走访对象/);
    await expect
      .poll(() => target.locator('optgroup').first().getAttribute('label'))
      .toMatch(/^吴县长的责任对象/);
    await expect.poll(() => target.locator('option', { hasText: '石门村' }).count()).toBe(0);
    await target.selectOption('village:T01V002');
    await page.getByLabel('走访情况').fill('到村座谈，了解产业发展和监测户帮扶情况');
    await page.screenshot({ path: path.join(shots, 'visit-on-behalf.png'), fullPage: true });
    await page.getByRole('button', { name: '提交走访记录' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('吴县长（代录）走访杏花村');
    await page.getByRole('link', { name: '查看记录' }).click();
    await expect.poll(() => page.url()).toContain('/visits/record/');
    // Credited to the leader; who entered it is shown beside.
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(/走访人\s*吴县长\s*代为录入\s*郑主任/);
    await page.screenshot({ path: path.join(shots, 'visit-on-behalf-record.png'), fullPage: true });
  });

  it('shows the village officer this month’s entry deadline on the home page, in working days', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/');
    const todo = page.getByRole('region', { name: '本月待办' });
    await expect
      .poll(() => todo.textContent())
      .toContain(`${periodLabel(reportingPeriodAt(now()))}收入：村级录入`);
    expect(await todo.textContent()).toMatch(/还剩 \d+ 个工作日|今天（\d+月\d+日）截止|已于 \d+月\d+日 截止/);
    await page.screenshot({ path: path.join(shots, 'home-todo.png'), fullPage: true });
  });

  it('shows each person their own coverage and the office the county’s, with what is left to visit', async () => {
    const page = await phonePage(browser);
    await signInThroughPage(page, stack.webUrl!, 'v-t01v001', testPassword, '/visits/coverage/');
    const summary = page.getByRole('region', { name: '覆盖概况' });
    await expect.poll(() => summary.textContent()).toContain('我的走访责任');
    expect(await summary.textContent()).toMatch(/应走访 \d+ 个，已走访 \d+ 个/);
    await page.screenshot({ path: path.join(shots, 'visit-coverage-mine.png'), fullPage: true });
    await page.context().close();

    const office = await phonePage(browser);
    await signInThroughPage(office, stack.webUrl!, 'office', testPassword, '/visits/coverage/');
    await expect
      .poll(() => office.getByRole('region', { name: '覆盖概况' }).textContent())
      .toContain('全县走访覆盖');
    await expect
      .poll(() => office.getByRole('region', { name: '各责任人覆盖' }).textContent())
      .toContain('吴县长');
    await expect
      .poll(() => office.getByRole('region', { name: '未走访对象' }).textContent())
      .toContain('尚未走访');
    await office.screenshot({ path: path.join(shots, 'visit-coverage-county.png'), fullPage: true });
  });
});
