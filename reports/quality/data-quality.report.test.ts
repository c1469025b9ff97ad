/**
 * The data-quality report as a reader sees it: units by name (never `T01`), the
 * county written once, and the chart of errors per town on a whole-number axis.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import { analyseDataQuality, type Located } from '#domain/quality/quality.analysis.ts';
import type { DataError } from '#domain/quality/quality.schema.ts';
import type { ReportMeta } from '#reports/pdf/types.ts';
import { pdfText, squash, wordBoxes } from '#reports/testing/pdf-inspect.ts';
import { rawCodesAndEnglish } from '#reports/testing/text-checks.ts';
import { dataQualityWorkbook, renderDataQualityReport } from './data-quality.report.ts';

const units: OrgUnit[] = [
  { id: '610999', kind: 'county', name: '守望示范县' },
  { id: 'T01', kind: 'town', name: '东岭镇', parentId: '610999' },
  { id: 'T02', kind: 'town', name: '西川镇', parentId: '610999' },
  { id: 'T01V001', kind: 'village', name: '柳树村', parentId: 'T01' },
];

const error = (id: string, townId: string, villageId: string | undefined, patch: Partial<DataError> = {}) =>
  ({
    id,
    townId,
    ...(villageId ? { villageId } : {}),
    createdAt: '2026-10-05T02:00:00.000Z',
    data: {
      infoKind: 'basic',
      subjectType: 'household',
      householdId: 'H0000001',
      field: '户主姓名',
      wrongValue: '王建周',
      foundBy: 'department-comparison',
      foundOn: '2026-10-05',
      status: 'open',
      ...patch,
    },
  }) as Located<DataError>;

const meta: ReportMeta = {
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  scopeLabel: '守望示范县',
  generatedAt: new Date('2026-11-01T00:30:00Z'),
  provenance: { queriedAt: new Date('2026-11-01T00:29:00Z'), recordCount: 2, inputSha256: 'b'.repeat(64) },
};

describe('data-quality report, county scope', () => {
  // One error in 东岭镇 (in a village), one in 西川镇 from a rule the labels do not know, one in a town gone.
  const analysis = analyseDataQuality({
    period: '2026-10',
    units,
    errors: [
      error('E1', 'T01', 'T01V001'),
      error('E2', 'T02', undefined, { foundBy: 'logic-rule', ruleId: 'NEWRULE' }),
      error('E3', 'T09', 'T09V001'),
    ],
    spotChecks: [],
    officers: [],
  });
  let text: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = (await renderDataQualityReport(analysis, meta)).pdf;
    text = squash((await pdfText(pdf)).text);
  });

  it('writes the county once on the cover', () => {
    expect(text).toContain('范围守望示范县统计期');
    expect(text).not.toContain('守望示范县守望示范县');
  });

  it('names the towns in the error list, never by code, with a placeholder for a town not in the directory', () => {
    expect(text).toContain('东岭镇H0000001');
    expect(text).toContain('西川镇H0000001');
    expect(text).toContain('（未知单位）H0000001');
    // A rule the labels do not know is not printed by its code (NEWRULE) either.
    expect(rawCodesAndEnglish(text)).toEqual([]);
  });

  it('draws the errors per town on an axis of 0 and 1, each once', async () => {
    const boxes = await wordBoxes(pdf);
    const caption = boxes.find((b) => b.text === '各镇（街道）发现错误数')!;
    const table = boxes.find((b) => b.page === caption.page && b.text.startsWith('表3'))!;
    const inChart = boxes.filter(
      (b) => b.page === caption.page && b.yMin > caption.yMax && b.yMax < table.yMin,
    );
    // Under the bars (each labelled with its town) is the axis: its labels, left to right.
    const barsEnd = Math.max(...inChart.filter((b) => b.text.endsWith('镇')).map((b) => b.yMax));
    const labels = inChart
      .filter((b) => b.yMin > barsEnd && /^\d+$/.test(b.text))
      .sort((x, y) => x.xMin - y.xMin)
      .map((b) => b.text);
    expect(labels).toEqual(['0', '1']);
  });

  it('names towns and villages in the workbook and prints no unit code', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dataQualityWorkbook(analysis)) as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (wb.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Array.isArray)
        .map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    const errors = rows('错误明细');
    expect(errors[0]?.slice(1, 4)).toEqual(['镇', '村', '户编号']);
    expect(errors.slice(1).map((r) => r.slice(1, 3))).toEqual([
      ['东岭镇', '柳树村'],
      ['西川镇', '—'],
      ['（未知单位）', '（未知单位）'],
    ]);
    expect(errors[2]?.[9]).toBe('逻辑校验');
    for (const sheet of ['错误明细', '各镇情况', '信息员缺额'])
      for (const r of rows(sheet)) expect(rawCodesAndEnglish(r.slice(1).join(' ')), sheet).toEqual([]);
  });
});
