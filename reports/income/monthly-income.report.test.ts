import { beforeAll, describe, expect, it } from 'vitest';
import { renderMonthlyIncomeReport } from '#reports/income/monthly-income.report.ts';
import type { RenderedReport } from '#reports/pdf/types.ts';
import { bigAnalysis, quietAnalysis, smallAnalysis, testMeta } from '#reports/testing/income-fixtures.ts';
import { pageInk, pdfFonts, pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';

/** A page with only the running header and footer inks about 0.8% at 30 dpi; real pages ink far more. */
const BLANK_PAGE_INK = 0.015;

describe('monthly income report, small fixture', () => {
  let report: RenderedReport;
  let pages: string[];
  let all: string;
  beforeAll(async () => {
    report = await renderMonthlyIncomeReport(smallAnalysis, testMeta, {
      entryRateTrend: Array.from({ length: 12 }, (_, i) => ({
        period: `${i < 2 ? 2025 : 2026}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`,
        rate: i === 4 ? null : 0.7 + i * 0.015,
      })),
    });
    const text = await pdfText(report.pdf);
    pages = text.pages.map(squash);
    all = squash(text.text);
  });

  it('opens with the title, period, scope and key figures', () => {
    const first = pages[0] ?? '';
    expect(first).toContain('月度收入分析研判报告');
    expect(first).toContain('2026年10月');
    expect(first).toContain('守望示范县全县');
    expect(first).toContain('2026年11月8日09:30（北京时间）');
    for (const figure of [
      '应录户数80户',
      '已录户数70户',
      '录入率87.5%',
      '按时录入率75.0%',
      '低于监测线户数2户',
      '收入骤降户数2户',
    ])
      expect(first).toContain(figure);
  });

  it('says which data it shows', () => {
    expect(pages[0]).toContain('查询时间2026年11月8日09:25（北京时间），记录数1,234条');
    expect(pages[0]).toContain(testMeta.provenance.inputSha256);
  });

  it('numbers every page 第 N 页 共 M 页 and reports the count', () => {
    expect(pages).toHaveLength(report.pages);
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${report.pages}页`));
  });

  it('lists villages, low-income households and sharp falls with their figures', () => {
    expect(all).toContain('青石镇下河村20151275.0%');
    expect(all).toContain('柳湾镇柳树坪村18161288.9%');
    expect(all).toContain('王秀兰1,350.005,400.002,100.00');
    expect(all).toContain('李建国2,400.007,200.00300.00');
    expect(all).toContain('张德顺6,000.002,400.0060.0%因病');
    expect(all).toContain('赵春梅4,500.003,000.0033.3%务工中断');
  });

  it('never prints a phone number typed into a note', () => {
    expect(all).not.toContain('13912345678');
    expect(all).toContain('139****5678');
  });

  it('draws the charts with Chinese labels', () => {
    expect(all).toContain('各村录入率（由低到高）');
    expect(all).toContain('虚线为全县录入率87.5%');
    expect(all).toContain('近12个月录入率');
  });

  it('has no blank page, passes qpdf and embeds Noto Sans SC as a subset', async () => {
    const ink = await pageInk(report.pdf);
    expect(ink).toHaveLength(report.pages);
    for (const share of ink) expect(share).toBeGreaterThan(BLANK_PAGE_INK);
    expect((await qpdfCheck(report.pdf)).code).toBe(0);
    const fonts = await pdfFonts(report.pdf);
    expect(fonts.some((f) => /^[A-Z]{6}\+NotoSansSC-Regular$/.test(f.name))).toBe(true);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
  });
});

describe('monthly income report, reproducibility', () => {
  it('renders the same bytes for the same analysis and meta, so an archived copy can be rebuilt and compared', async () => {
    const a = await renderMonthlyIncomeReport(smallAnalysis, testMeta);
    const b = await renderMonthlyIncomeReport(smallAnalysis, testMeta);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });
});

describe('monthly income report, nothing flagged', () => {
  it('says so in a sentence instead of an empty table', async () => {
    const report = await renderMonthlyIncomeReport(quietAnalysis, testMeta);
    const all = squash((await pdfText(report.pdf)).text);
    expect(all).toContain('本月无收入骤降户。');
    expect(all).toContain('本月无年化人均纯收入低于监测线（7,500元）的农户。');
    expect(all).not.toContain('表2');
    expect(all).not.toContain('表3');
  });
});

describe('monthly income report, 600 villages', () => {
  let report: RenderedReport;
  let pages: string[];
  beforeAll(async () => {
    report = await renderMonthlyIncomeReport(bigAnalysis(600), testMeta);
    pages = (await pdfText(report.pdf)).pages.map(squash);
  });

  it('charts towns instead of 600 villages', () => {
    expect(pages[1]).toContain('各镇录入率（由低到高）');
    expect(pages[1]).not.toContain('各村录入率');
  });

  it('breaks the village table across pages with the header row repeated', () => {
    expect(report.pages).toBeGreaterThan(10);
    const continued = pages.filter((p) => p.includes('表1各村录入情况（续）'));
    expect(continued.length).toBeGreaterThan(5);
    for (const p of continued) expect(p).toContain('镇村应录已录按时录入率');
    // The first continuation page starts where the previous page stopped.
    const firstContinued = pages.findIndex((p) => p.includes('表1各村录入情况（续）'));
    expect(firstContinued).toBe(2);
    expect(pages.join('')).toContain('第20镇示范600村');
  });

  it('has no blank page and a valid structure', async () => {
    const ink = await pageInk(report.pdf, 20);
    expect(ink).toHaveLength(report.pages);
    for (const share of ink) expect(share).toBeGreaterThan(BLANK_PAGE_INK);
    expect((await qpdfCheck(report.pdf)).code).toBe(0);
  });
});
