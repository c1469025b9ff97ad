/**
 * What the income reports say in words: the county written once, the quarter as
 * 2026年第三季度 (季度 once), and the points of a suspicious record in Chinese in
 * the PDF and in the workbook (never `outlier`, `zero`, `jump`).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonthlyIncomeAnalysis, SuspiciousRecord } from '#domain/income/income.analysis.ts';
import { suspicionKindLabels, suspicionText } from '#reports/income/income-labels.ts';
import { renderMonthlyIncomeReport } from '#reports/income/monthly-income.report.ts';
import { monthlyIncomeFullWorkbook } from '#reports/income/monthly-income.workbook.ts';
import { renderQuarterlyIncomeReport } from '#reports/income/quarterly-income.report.ts';
import { smallAnalysis, testMeta } from '#reports/testing/income-fixtures.ts';
import { pdfInfo, pdfText, squash } from '#reports/testing/pdf-inspect.ts';
import { rawCodesAndEnglish } from '#reports/testing/text-checks.ts';

const countyMeta = { ...testMeta, scopeLabel: testMeta.countyName };
const suspicious: SuspiciousRecord = {
  ...smallAnalysis.belowThreshold[0]!,
  kinds: ['outlier', 'jump'],
  robustZ: 12,
  villageMedian: 1000,
};
const full: MonthlyIncomeAnalysis = {
  ...smallAnalysis,
  nearThreshold: [],
  yearFalls: [],
  keyGroups: [],
  suspicious: [suspicious, { ...smallAnalysis.falls[0]!, kinds: ['zero'] }],
};

describe('income reports in words', () => {
  it('writes the county once on the county report’s cover and in its title', async () => {
    const { pdf } = await renderMonthlyIncomeReport(full, countyMeta);
    const text = squash((await pdfText(pdf)).text);
    expect(text).toContain('范围守望示范县统计期');
    expect(text).not.toContain('守望示范县守望示范县');
    expect((await pdfInfo(pdf)).Title).toBe('守望示范县2026年10月月度收入分析研判报告');
    // A town's report still says whose town it is.
    const town = await renderMonthlyIncomeReport(full, { ...testMeta, scopeLabel: '青石镇' });
    expect(squash((await pdfText(town.pdf)).text)).toContain('范围守望示范县青石镇统计期');
  });

  it('prints a suspicious record’s points in Chinese, in the PDF and the workbook', async () => {
    expect(suspicionText(suspicious)).toBe('偏离本村常见范围（本村中位数 1,000.00 元）；较上月突增');
    for (const label of Object.values(suspicionKindLabels)) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);

    const text = squash((await pdfText((await renderMonthlyIncomeReport(full, countyMeta)).pdf)).text);
    expect(text).toContain('偏离本村常见范围（本村中位数1,000.00元）；较上月突增');
    expect(text).toContain('四项收入均为零');
    expect(rawCodesAndEnglish(text)).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monthlyIncomeFullWorkbook(full)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('疑似信息')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf('疑点');
    expect(column).toBeGreaterThan(0);
    expect([2, 3].map((r) => String(sheet.getRow(r).getCell(column).value))).toEqual([
      '偏离本村常见范围；较上月突增',
      '四项收入均为零',
    ]);
  });

  it('names the quarter once as 2026年第三季度 in the quarterly pack', async () => {
    const months = (['2026-07', '2026-08', '2026-09'] as const).map((period) => ({
      ...smallAnalysis,
      period,
    }));
    const { pdf } = await renderQuarterlyIncomeReport(months, countyMeta);
    const { pages } = await pdfText(pdf);
    const first = squash(pages[0] ?? '');
    expect(first).toContain('季度收入分析研判会议材料2026年第三季度');
    expect(first).toContain('范围守望示范县统计期2026年7月、2026年8月、2026年9月');
    expect(first).toContain('2026年第三季度收入分析研判会议材料'); // the running header
    const all = squash(pages.join(''));
    expect(all).not.toMatch(/季度季度|第3季度|NaN|守望示范县守望示范县/);
    expect((await pdfInfo(pdf)).Title).toBe('守望示范县2026年第三季度收入分析研判会议材料');
  });
});
