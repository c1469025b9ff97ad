import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVisitCoverage } from '#domain/visits/visit.coverage.ts';
import { coverageInput, coverageProblems } from '#domain/visits/visit-coverage.fixture.ts';
import type { ReportMeta, RenderedReport } from '#reports/pdf/types.ts';
import { pageInk, pdfFonts, pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';
import { renderVisitCoverageReport, visitCoverageWorkbook } from './visit-coverage.report.ts';

const BLANK_PAGE_INK = 0.015;

const meta: ReportMeta = {
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  scopeLabel: '守望示范县',
  generatedAt: new Date('2026-11-03T00:00:00Z'),
  provenance: { queriedAt: new Date('2026-11-02T23:59:00Z'), recordCount: 12, inputSha256: 'a'.repeat(64) },
};

describe('visit-coverage report, October 2026 fixture', () => {
  let report: RenderedReport;
  let pages: string[];
  let all: string;
  beforeAll(async () => {
    // A problem description carrying a phone number: it must not reach the PDF.
    const input = coverageInput();
    const problems = input.problems.map((p) =>
      p.id === 'p2' ? { ...p, description: '户主电话13912345678，车间欠薪未发' } : p,
    );
    report = await renderVisitCoverageReport(analyseVisitCoverage({ ...input, problems }), meta, 'monthly');
    if (process.env.SHOUWANG_KEEP_PDF)
      writeFileSync(join(mkdtempSync(join(tmpdir(), 'visit-')), 'coverage.pdf'), report.pdf);
    const text = await pdfText(report.pdf);
    pages = text.pages.map(squash);
    all = squash(text.text);
  });

  it('opens with the title, period and the hand-computed key figures', () => {
    const first = pages[0] ?? '';
    expect(first).toContain('走访排查覆盖情况（月报）');
    expect(first).toContain('2026年10月');
    for (const figure of [
      '应走访对象8个',
      '覆盖率62.5%',
      '驻村过夜达标率33.3%',
      '发现问题4个',
      '整改率25.0%',
      '逾期问题2个',
    ])
      expect(first).toContain(figure);
    expect(first).toContain('a'.repeat(64));
  });

  it('has the tables per town, rule and person with their figures', () => {
    expect(all).toContain('东岭镇5480.0%2150.0%2');
    expect(all).toContain('西川镇3133.3%200.0%0');
    expect(all).toContain('联镇领导14375.0%');
    expect(all).toContain('镇党政主要领导1100.0%');
    expect(all).toContain('吴县长联镇领导、联系重点村5480.0%1/31/1');
  });

  it('lists unvisited targets and overdue problems, masking phone numbers', () => {
    expect(all).toContain('吴县长联镇领导东岭镇村/社区杏花村');
    expect(all).toContain('钱干部县直帮扶干部西川镇农户刘长河');
    expect(all).toContain('2026年10月15日');
    expect(all).toContain('139****5678');
    expect(all).not.toContain('13912345678');
  });

  it('numbers every page, inks every page, and passes qpdf with embedded subset fonts', async () => {
    expect(pages).toHaveLength(report.pages);
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${report.pages}页`));
    const ink = await pageInk(report.pdf);
    expect(ink).toHaveLength(report.pages);
    for (const share of ink) expect(share).toBeGreaterThan(BLANK_PAGE_INK);
    expect((await qpdfCheck(report.pdf)).code).toBe(0);
    const fonts = await pdfFonts(report.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true });
  });
});

describe('visit-coverage report, weekly and per town', () => {
  it('writes the week and judges the one whole week it holds', async () => {
    const a = analyseVisitCoverage(coverageInput('TA', { start: '2026-10-05', end: '2026-10-11' }));
    const r = await renderVisitCoverageReport(a, { ...meta, scopeLabel: '东岭镇' }, 'weekly');
    const text = squash((await pdfText(r.pdf)).text);
    expect(text).toContain('2026年10月5日至10月11日');
    expect(text).toContain('走访排查覆盖情况（周报）');
    expect(text).toContain('应驻村1人周，达标1人周');
    expect((await qpdfCheck(r.pdf)).code).toBe(0);
  });

  it('yields a workbook with the detail sheets', async () => {
    const xlsx = await visitCoverageWorkbook(analyseVisitCoverage(coverageInput()), meta.generatedAt);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '各镇',
      '分责任类别',
      '责任人',
      '未走访对象',
      '驻村过夜',
      '逾期问题',
      '数据溯源',
    ]);
    expect(wb.getWorksheet('逾期问题')?.rowCount).toBe(
      1 + coverageProblems.filter((p) => p.id === 'p2' || p.id === 'p4').length,
    );
  });
});
