/**
 * The coverage report names units, people and households; the directory's codes
 * (a town's or village's id) are not printed, and a town missing from the
 * analysis reads （未知单位）, not its id.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseVisitCoverage } from '#domain/visits/visit.coverage.ts';
import { coverageInput, coverageStaff, coverageUnits } from '#domain/visits/visit-coverage.fixture.ts';
import type { ReportMeta } from '#reports/pdf/types.ts';
import { pdfText, squash } from '#reports/testing/pdf-inspect.ts';
import { renderVisitCoverageReport, visitCoverageWorkbook } from './visit-coverage.report.ts';

const meta: ReportMeta = {
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  scopeLabel: '守望示范县',
  generatedAt: new Date('2026-11-03T00:00:00Z'),
  provenance: { queriedAt: new Date('2026-11-02T23:59:00Z'), recordCount: 12, inputSha256: 'a'.repeat(64) },
};
const codes = new Set([...coverageUnits.map((u) => u.id), ...coverageStaff.map((s) => s.id)]);

describe('visit coverage, names not codes', () => {
  const analysis = analyseVisitCoverage(coverageInput());

  it('names the town of every overdue problem and of every unvisited target in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await visitCoverageWorkbook(analysis, meta.generatedAt)) as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (wb.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Array.isArray)
        .map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    const problems = rows('逾期问题');
    const townColumn = problems[0]!.indexOf('镇（街道）');
    // Both overdue problems of the fixture were found in 东岭镇 (TA).
    expect(problems.slice(1).map((r) => r[townColumn])).toEqual(['东岭镇', '东岭镇']);
    const unvisited = rows('未走访对象');
    expect(unvisited[0]).not.toContain('对象编号');
    for (const sheet of ['各镇', '分责任类别', '责任人', '未走访对象', '驻村过夜', '逾期问题'])
      for (const r of rows(sheet).slice(1))
        for (const cell of r) expect(codes.has(cell), `${sheet}: ${r.join(' | ')}`).toBe(false);
    // A household keeps its number, which staff look households up by.
    const households = unvisited.slice(1).filter((r) => r[3] === '农户');
    expect(households.length).toBeGreaterThan(0);
    for (const r of households) expect(r[5]).toMatch(/^H\d+$/);
  });

  it('prints （未知单位） for a problem’s town it has no name for', async () => {
    const lost = { ...analysis, byTown: analysis.byTown.filter((t) => t.name !== '东岭镇') };
    const text = squash((await pdfText((await renderVisitCoverageReport(lost, meta, 'monthly')).pdf)).text);
    expect(text).toContain('表7逾期未整改问题');
    expect(text).toContain('（未知单位）');
    for (const code of codes) expect(text).not.toMatch(new RegExp(`(?<![A-Za-z0-9])${code}(?![A-Za-z0-9])`));
  });
});
