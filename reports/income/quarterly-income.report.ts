/**
 * The quarterly income-analysis meeting document: the three months side by side,
 * a trend, and the households flagged in any month of the quarter.
 */
import type { FlaggedHousehold, MonthlyIncomeAnalysis } from '#domain/income/income.analysis.ts';
import { formatDateTime, formatInteger, formatNumber, formatPercent } from '#domain/shared/format.ts';
import { periodLabel, quarterLabel, quarterOf } from '#domain/shared/period.ts';
import { fallCauseText } from '#reports/income/income-labels.ts';
import { drawCover, drawProvenance } from '#reports/pdf/cover.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { scopeName } from '#reports/pdf/scope.ts';
import { drawTable } from '#reports/pdf/table.ts';
import { sizes } from '#reports/pdf/theme.ts';
import type { RenderedReport, ReportMeta } from '#reports/pdf/types.ts';
import type { Lineage } from '#domain/shared/lineage.ts';
import { buildWorkbook } from '#reports/xlsx/workbook.ts';

export const QUARTERLY_INCOME_TITLE = '季度收入分析研判会议材料';

export async function renderQuarterlyIncomeReport(
  months: readonly MonthlyIncomeAnalysis[],
  meta: ReportMeta,
): Promise<RenderedReport> {
  const last = months.at(-1);
  // `2026年第三季度`; the title then reads 2026年第三季度收入分析研判会议材料, 季度 once.
  const quarter = last ? quarterLabel(quarterOf(last.period)) : '';
  const scope = scopeName(meta);
  const rd = new ReportDocument({
    title: `${scope}${quarter}收入分析研判会议材料`,
    author: meta.issuingOffice,
    createdAt: meta.generatedAt,
    subject: `${scope} ${quarter} 收入分析研判`,
    header: { left: meta.issuingOffice, right: `${quarter} 收入分析研判会议材料` },
    footer: 'page-of-total',
  });
  const flagged = new Map<string, FlaggedHousehold & { months: string[] }>();
  for (const a of months)
    for (const h of [...a.belowThreshold, ...a.falls]) {
      const f = flagged.get(h.householdId) ?? { ...h, months: [] };
      if (!f.months.includes(periodLabel(a.period))) f.months.push(periodLabel(a.period));
      flagged.set(h.householdId, { ...f, ...h, months: f.months });
    }
  drawCover(rd, {
    title: QUARTERLY_INCOME_TITLE,
    subtitle: quarter,
    facts: [
      { label: '范　　围', value: scope },
      { label: '统 计 期', value: months.map((a) => periodLabel(a.period)).join('、') },
      { label: '生成时间', value: `${formatDateTime(meta.generatedAt)}（北京时间）` },
      { label: '编制单位', value: meta.issuingOffice },
    ],
    keyFigures: [
      { label: '季末录入率', value: formatPercent(last?.totals.rate ?? 0) },
      {
        label: '预警农户',
        value: formatInteger(flagged.size),
        unit: '户',
        tone: flagged.size > 0 ? 'alert' : 'normal',
      },
      { label: '季末疑似信息', value: formatInteger(last?.totals.suspicious ?? 0), unit: '条' },
    ],
  });
  drawProvenance(rd, meta.provenance);
  rd.addPage();
  rd.heading('一、各月情况');
  drawTable(rd, {
    caption: '表1　本季度各月收入研判情况',
    columns: [
      { header: '月份', weight: 1.6, cell: (a) => periodLabel(a.period) },
      { header: '应录', weight: 1.1, align: 'right', cell: (a) => formatInteger(a.totals.due) },
      { header: '录入率', weight: 1.2, align: 'right', cell: (a) => formatPercent(a.totals.rate) },
      {
        header: '低于监测线',
        weight: 1.4,
        align: 'right',
        cell: (a) => formatInteger(a.totals.belowThreshold),
      },
      {
        header: '接近监测线',
        weight: 1.4,
        align: 'right',
        cell: (a) => formatInteger(a.totals.nearThreshold ?? 0),
      },
      { header: '骤降', weight: 1, align: 'right', cell: (a) => formatInteger(a.totals.falls) },
      { header: '疑似', weight: 1, align: 'right', cell: (a) => formatInteger(a.totals.suspicious ?? 0) },
      {
        header: '人均（元/月）',
        weight: 1.5,
        align: 'right',
        cell: (a) => {
          const p = a.trend?.at(-1);
          return p?.meanPerCapita == null ? '—' : formatNumber(p.meanPerCapita, 2);
        },
      },
    ],
    rows: [...months],
  });
  rd.heading('二、本季度收入预警农户');
  if (flagged.size === 0) rd.paragraph('本季度没有收入低于监测线或骤降的农户。', { indent: sizes.body * 2 });
  else
    drawTable(rd, {
      caption: '表2　本季度收入预警农户（低于监测线或骤降）',
      columns: [
        { header: '镇', weight: 1.4, cell: (h) => h.townName },
        { header: '村', weight: 1.5, cell: (h) => h.villageName },
        { header: '户主', weight: 1.2, cell: (h) => h.headName || '—' },
        { header: '预警月份', weight: 2.4, cell: (h) => h.months.join('、') },
        { header: '原因', weight: 2, cell: (h) => fallCauseText(h.cause) },
        {
          header: '帮扶措施',
          weight: 2.4,
          cell: (h) => (h.measures?.length ? h.measures.join('；') : '未建台账'),
        },
      ],
      rows: [...flagged.values()],
    });
  return finishReport(rd, meta.provenance, { hasWorkbook: true });
}

/** The quarter's figures as XLSX: each month's line, and the lineage of every figure. */
export function quarterlyIncomeWorkbook(
  months: readonly MonthlyIncomeAnalysis[],
  lineage: Lineage,
  created: Date,
): Promise<Buffer> {
  return buildWorkbook(
    [
      {
        name: '各月情况',
        columns: [
          { header: '月份', key: 'month', width: 12 },
          { header: '应录户数', key: 'due' },
          { header: '已录户数', key: 'entered' },
          { header: '录入率', key: 'rate', numFmt: '0.0%' },
          { header: '按时录入户数', key: 'onTime' },
          { header: '低于监测线', key: 'below' },
          { header: '接近监测线', key: 'near' },
          { header: '骤降', key: 'falls' },
          { header: '疑似', key: 'suspicious' },
        ],
        rows: months.map((a) => ({
          month: periodLabel(a.period),
          due: a.totals.due,
          entered: a.totals.entered,
          rate: a.totals.rate,
          onTime: a.totals.onTime,
          below: a.totals.belowThreshold,
          near: a.totals.nearThreshold ?? 0,
          falls: a.totals.falls,
          suspicious: a.totals.suspicious ?? 0,
        })),
      },
    ],
    { created, lineage },
  );
}
