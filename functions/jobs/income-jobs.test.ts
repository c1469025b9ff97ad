/**
 * The monthly and quarterly income jobs against the stand-ins: per-town and county
 * reports built from the fixture's records, with the full analysis in the PDF.
 */
import { now, setClockForTest } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { addMonths, quarterMonths, quarterOf, reportingPeriodAt } from '#domain/shared/period.ts';
import { listDeliveriesOfPeriod, listDeliveriesOfReport } from '#functions/store/deliveries.repository.ts';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack } from '#local/testing.ts';
import { pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';
import { runJob } from './run.ts';

let stack: Stack;
const period = reportingPeriodAt(now());

beforeAll(async () => {
  // Whatever today is, the scenario plays on the 2nd of the month after the period: the
  // entries are made inside the entry window and before the report's cut-off (its
  // county-comparison day), as in a real month. Later in the month a report of the
  // period rightly counts only what was entered by the cut-off.
  setClockForTest(`${addMonths(period, 1)}-02`);
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses', 'cognito'] });
  await loadFixture(stack);
  const officer = await signIn(stack, 'v-t01v001');
  for (const [householdId, memberCount, wage] of [
    ['H0000001', 4, 1000],
    ['H0000002', 2, 2000],
    ['H0000006', 5, 0],
  ] as const) {
    const res = await invoke('POST', '/api/income', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({
        submissionId: randomUUID(),
        period,
        householdId,
        memberCount,
        components: { wage, business: 0, property: 0, transfer: 0, businessCost: 0 },
        expectedVersion: 0,
      }),
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(async () => stack?.stop());

describe('income jobs', () => {
  it('publishes a report per town and one for the county with the full analysis', async () => {
    const result = await runJob({ job: 'monthly-income', period }, { config: demoCountyConfig, now: now() });
    expect(result.reports.map((r) => r.scope)).toEqual(['610999', 'T01', 'T02']);
    const countyPdf = result.files.find((f) => f.filename.endsWith('.pdf'))!.content;
    expect((await qpdfCheck(countyPdf)).code).toBe(0);
    const text = squash((await pdfText(countyPdf)).text);
    // Due: H1, H2, H4, H6 in T01 and H5 in T02 = 5; entered 3.
    expect(text).toContain('应录户数5户');
    expect(text).toContain('已录户数3户');
    expect(text).toContain('表1-2各镇录入、审核和县级比对情况');
    expect(text).toContain('七、疑似信息');
    expect(text).toContain('四项收入均为零'); // H0000006 entered all zeros
    if (process.env.INCOME_REPORT_OUT)
      fs.writeFileSync(path.join(process.env.INCOME_REPORT_OUT, 'county.pdf'), countyPdf);
  }, 60_000);

  it('builds the quarterly meeting document', async () => {
    const result = await runJob(
      { job: 'income-quarterly', period },
      { config: demoCountyConfig, now: now() },
    );
    expect(result.reports).toHaveLength(1);
    // Its own kind, filed under the quarter (not as a month's income report).
    const quarter = quarterOf(period);
    expect(result.period).toBe(quarter);
    expect(result.reports[0]!.reportId).toBe(`quarterly-income.${quarter}.${county}`);
    const pdf = result.files.find((f) => f.filename.endsWith('.pdf'))!.content;
    const text = squash((await pdfText(pdf)).text);
    expect(text).toContain('季度收入分析研判会议材料');
    expect(text).toContain('表1本季度各月收入研判情况');
    if (process.env.INCOME_REPORT_OUT)
      fs.writeFileSync(path.join(process.env.INCOME_REPORT_OUT, 'quarterly.pdf'), pdf);

    // It reaches the people of the county's monthly income analysis.
    const sentTo = async (reportId: string) =>
      (await listDeliveriesOfReport(county, reportId))
        .filter((d) => d.status === 'sent')
        .map((d) => d.recipient)
        .sort();
    const monthlyTo = await sentTo(`monthly-income.${period}.${county}`);
    expect(monthlyTo.length).toBeGreaterThan(0);
    expect(await sentTo(result.reports[0]!.reportId)).toEqual(monthlyTo);
    // The county office's status page lists them under the quarter's last month, as before.
    const listed = await listDeliveriesOfPeriod(county, quarterMonths(quarter)[2]);
    expect(listed.filter((d) => d.reportId === result.reports[0]!.reportId)).toHaveLength(monthlyTo.length);

    // An auditor searching the archive by the quarter finds it, by kind too.
    const auditor = await signIn(stack, 'auditor');
    for (const query of [`period=${quarter}`, `period=${quarter}&kind=quarterly-income`]) {
      const res = await invoke('GET', `/api/archive/reports?${query}`, {
        headers: { authorization: `Bearer ${auditor}` },
      });
      expect(res.status, query).toBe(200);
      const items = (res.json as { items: { reportId: string; kind: string; kindLabel: string }[] }).items;
      expect(
        items.map((i) => i.reportId),
        query,
      ).toContain(result.reports[0]!.reportId);
      expect(items.find((i) => i.kind === 'quarterly-income')?.kindLabel).toBe('季度收入分析研判会议材料');
    }
  }, 60_000);
});
