/**
 * The data-quality report (数据质量通报): errors found and corrected by kind and
 * town, logic-rule failures, information-officer staffing and spot checks, with
 * an XLSX of the detail rows. Wrong and right values are masked: they may hold
 * ID or phone numbers.
 */
import { formatDateTime, formatInteger, formatPercent } from '#domain/shared/format.ts';
import { unknownUnitName } from '#domain/shared/names.ts';
import { periodLabel } from '#domain/shared/period.ts';
import type { QualityAnalysis } from '#domain/quality/quality.analysis.ts';
import { ruleLabels, type RuleId } from '#domain/quality/quality.rules.ts';
import {
  errorStatusLabels,
  foundByLabels,
  infoKindLabels,
  spotCheckMethodLabels,
} from '#domain/quality/quality.schema.ts';
import { orgUnitKindLabels } from '#domain/org/org.schema.ts';
import { drawBarChart } from '#reports/pdf/charts.ts';
import { drawCover, drawProvenance } from '#reports/pdf/cover.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { scopeName } from '#reports/pdf/scope.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';
import { drawTable } from '#reports/pdf/table.ts';
import { sizes } from '#reports/pdf/theme.ts';
import type { RenderedReport, ReportMeta } from '#reports/pdf/types.ts';
import { buildWorkbook } from '#reports/xlsx/workbook.ts';

export const DATA_QUALITY_REPORT_TITLE = '数据质量通报';

const indent = { indent: sizes.body * 2 };

/** A unit's name from the analysis; a placeholder, never the id, when it is not known. */
const unitName = (a: QualityAnalysis, id: string | undefined): string =>
  id === undefined ? '—' : (a.unitNames[id] ?? unknownUnitName);

/** How an error was found: its rule's name for a logic-rule finding, else the way it was found. */
const foundByText = (e: QualityAnalysis['errors'][number]): string =>
  e.data.ruleId ? (ruleLabels[e.data.ruleId as RuleId] ?? '逻辑校验') : foundByLabels[e.data.foundBy];

export async function renderDataQualityReport(a: QualityAnalysis, meta: ReportMeta): Promise<RenderedReport> {
  const period = periodLabel(a.period);
  const t = a.totals;
  const rd = new ReportDocument({
    title: `${scopeName(meta)}${period}${DATA_QUALITY_REPORT_TITLE}`,
    author: meta.issuingOffice,
    createdAt: meta.generatedAt,
    subject: `${meta.scopeLabel} ${period} 数据质量`,
    header: { left: meta.issuingOffice, right: `${period} ${DATA_QUALITY_REPORT_TITLE}` },
    footer: 'page-of-total',
  });
  const staffingRate = a.staffing.units === 0 ? 1 : a.staffing.compliant / a.staffing.units;
  drawCover(rd, {
    title: DATA_QUALITY_REPORT_TITLE,
    subtitle: period,
    facts: [
      { label: '范　　围', value: scopeName(meta) },
      { label: '统 计 期', value: period },
      { label: '生成时间', value: `${formatDateTime(meta.generatedAt)}（北京时间）` },
      { label: '编制单位', value: meta.issuingOffice },
    ],
    keyFigures: [
      { label: '发现错误', value: formatInteger(t.found), unit: '条' },
      { label: '已修正', value: formatInteger(t.corrected), unit: '条' },
      { label: '修正率', value: formatPercent(t.rate), tone: t.found > 0 && t.rate < 1 ? 'alert' : 'good' },
      { label: '逻辑校验发现', value: formatInteger(t.ruleFailures), unit: '条' },
      {
        label: '信息员配备达标率',
        value: formatPercent(staffingRate),
        tone: staffingRate < 1 ? 'alert' : 'good',
      },
      { label: '抽查发现问题', value: formatInteger(t.spotProblems), unit: '个' },
    ],
  });
  rd.subheading('摘要');
  rd.paragraph(
    `${period}，${meta.scopeLabel}共发现数据错误 ${formatInteger(t.found)} 条，已修正 ${formatInteger(t.corrected)} 条，修正率 ${formatPercent(t.rate)}；` +
      `其中逻辑校验发现 ${formatInteger(t.ruleFailures)} 条。目前仍未修正的错误共 ${formatInteger(t.open)} 条（含以前月份）。` +
      `信息员配备应达标单位 ${formatInteger(a.staffing.units)} 个，已达标 ${formatInteger(a.staffing.compliant)} 个。` +
      `本月开展抽查 ${formatInteger(t.spotChecks)} 次，发现问题 ${formatInteger(t.spotProblems)} 个。`,
    indent,
  );
  drawProvenance(rd, meta.provenance);

  rd.addPage();
  rd.heading('一、错误发现和修正情况');
  drawTable(rd, {
    caption: '表1　按信息类别',
    columns: [
      { header: '信息类别', weight: 3, cell: (r) => infoKindLabels[r.kind] },
      { header: '发现', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.found) },
      { header: '已修正', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.corrected) },
      { header: '修正率', weight: 1.5, align: 'right', cell: (r) => (r.found ? formatPercent(r.rate) : '—') },
    ],
    rows: a.byKind,
  });
  drawTable(rd, {
    caption: '表2　按发现方式',
    columns: [
      { header: '发现方式', weight: 3, cell: (r) => foundByLabels[r.foundBy] },
      { header: '发现', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.found) },
      { header: '已修正', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.corrected) },
      { header: '修正率', weight: 1.5, align: 'right', cell: (r) => (r.found ? formatPercent(r.rate) : '—') },
    ],
    rows: a.byFoundBy,
  });
  if (a.byTown.length > 1) {
    drawBarChart(rd, {
      title: '各镇（街道）发现错误数',
      data: a.byTown.map((r) => ({ label: r.townName, value: r.found })).sort((x, y) => y.value - x.value),
      format: (v) => formatInteger(v),
      integer: true,
    });
  }
  drawTable(rd, {
    caption: '表3　各镇（街道）情况',
    columns: [
      { header: '镇（街道）', weight: 2.4, cell: (r) => r.townName },
      { header: '发现', weight: 1.2, align: 'right', cell: (r) => formatInteger(r.found) },
      { header: '已修正', weight: 1.3, align: 'right', cell: (r) => formatInteger(r.corrected) },
      { header: '修正率', weight: 1.4, align: 'right', cell: (r) => (r.found ? formatPercent(r.rate) : '—') },
      { header: '累计未修正', weight: 1.6, align: 'right', cell: (r) => formatInteger(r.open) },
      { header: '信息员缺额', weight: 1.6, align: 'right', cell: (r) => formatInteger(r.officersMissing) },
    ],
    rows: a.byTown,
  });

  rd.heading('二、逻辑校验情况');
  if (a.rules.length === 0) rd.paragraph('本月逻辑校验未发现问题。', indent);
  else
    drawTable(rd, {
      caption: '表4　逻辑校验发现的问题',
      columns: [
        { header: '校验规则', weight: 4, cell: (r) => ruleLabels[r.ruleId] },
        { header: '发现', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.found) },
        { header: '已修正', weight: 1.5, align: 'right', cell: (r) => formatInteger(r.corrected) },
      ],
      rows: a.rules,
    });

  rd.heading('三、信息员配备情况');
  rd.paragraph(
    `按照县直单位、镇（街道）、社区不少于 2 名，行政村不少于 1 名的要求，应配备信息员 ${formatInteger(a.staffing.required)} 名，` +
      `${formatInteger(a.staffing.units)} 个单位中已达标 ${formatInteger(a.staffing.compliant)} 个。`,
    indent,
  );
  if (a.staffing.shortfalls.length > 0)
    drawTable(rd, {
      caption: '表5　信息员配备不足的单位',
      columns: [
        { header: '单位', weight: 3, cell: (r) => r.unitName },
        { header: '类别', weight: 1.8, cell: (r) => orgUnitKindLabels[r.kind] },
        { header: '应配', weight: 1.2, align: 'right', cell: (r) => formatInteger(r.required) },
        { header: '实配', weight: 1.2, align: 'right', cell: (r) => formatInteger(r.actual) },
        { header: '缺额', weight: 1.2, align: 'right', cell: (r) => formatInteger(r.missing) },
      ],
      rows: a.staffing.shortfalls,
    });

  rd.heading('四、抽查情况');
  drawTable(rd, {
    caption: '表6　抽查结果',
    columns: [
      { header: '抽查方式', weight: 3, cell: (r) => spotCheckMethodLabels[r.method] },
      { header: '抽查次数', weight: 1.6, align: 'right', cell: (r) => formatInteger(r.count) },
      { header: '发现问题次数', weight: 1.8, align: 'right', cell: (r) => formatInteger(r.withProblems) },
      { header: '问题数', weight: 1.4, align: 'right', cell: (r) => formatInteger(r.problems) },
    ],
    rows: a.spotChecks,
  });

  rd.heading('五、错误明细');
  if (a.errors.length === 0) rd.paragraph('本月无新发现的错误。', indent);
  else
    drawTable(rd, {
      caption: '表7　本月发现的错误',
      columns: [
        { header: '镇', weight: 1.3, cell: (e) => unitName(a, e.townId) },
        { header: '户编号', weight: 1.6, cell: (e) => e.data.householdId },
        { header: '类别', weight: 1.6, cell: (e) => infoKindLabels[e.data.infoKind] },
        { header: '字段', weight: 1.6, cell: (e) => e.data.field },
        { header: '错误值', weight: 2, cell: (e) => maskPersonalNumbers(e.data.wrongValue) },
        { header: '发现方式', weight: 1.4, cell: foundByText },
        { header: '状态', weight: 1, cell: (e) => errorStatusLabels[e.data.status] },
      ],
      rows: a.errors,
    });
  return finishReport(rd, meta.provenance, { hasWorkbook: true });
}

/** The report's detail rows as a workbook: errors, towns, staffing shortfalls. */
export function dataQualityWorkbook(a: QualityAnalysis): Promise<Buffer> {
  return buildWorkbook(
    [
      {
        name: '错误明细',
        columns: [
          { header: '编号', key: 'id', width: 30 },
          { header: '镇', key: 'townName', width: 12 },
          { header: '村', key: 'villageName', width: 14 },
          { header: '户编号', key: 'householdId', width: 12 },
          { header: '信息类别', key: 'kind', width: 12 },
          { header: '字段', key: 'field', width: 14 },
          { header: '错误值', key: 'wrong', width: 20 },
          { header: '正确值', key: 'right', width: 20 },
          { header: '发现方式', key: 'foundBy', width: 10 },
          { header: '校验规则', key: 'rule', width: 18 },
          { header: '发现日期', key: 'foundOn', width: 12 },
          { header: '状态', key: 'status', width: 8 },
        ],
        rows: a.errors.map((e) => ({
          id: e.id,
          townName: unitName(a, e.townId),
          villageName: unitName(a, e.villageId),
          householdId: e.data.householdId,
          kind: infoKindLabels[e.data.infoKind],
          field: e.data.field,
          wrong: maskPersonalNumbers(e.data.wrongValue),
          right: maskPersonalNumbers(e.data.rightValue ?? ''),
          foundBy: foundByLabels[e.data.foundBy],
          rule: e.data.ruleId ? (ruleLabels[e.data.ruleId as RuleId] ?? '逻辑校验') : '',
          foundOn: e.data.foundOn,
          status: errorStatusLabels[e.data.status],
        })),
      },
      {
        name: '各镇情况',
        columns: [
          { header: '镇（街道）', key: 'townName', width: 14 },
          { header: '发现', key: 'found', width: 8 },
          { header: '已修正', key: 'corrected', width: 8 },
          { header: '修正率', key: 'rate', width: 8, numFmt: '0.0%' },
          { header: '累计未修正', key: 'open', width: 10 },
          { header: '信息员应配', key: 'officersRequired', width: 10 },
          { header: '信息员缺额', key: 'officersMissing', width: 10 },
        ],
        rows: a.byTown.map((r) => ({ ...r })),
      },
      {
        name: '信息员缺额',
        columns: [
          { header: '单位', key: 'unitName', width: 16 },
          { header: '应配', key: 'required', width: 8 },
          { header: '实配', key: 'actual', width: 8 },
          { header: '缺额', key: 'missing', width: 8 },
        ],
        rows: a.staffing.shortfalls.map((s) => ({
          unitName: s.unitName,
          required: s.required,
          actual: s.actual,
          missing: s.missing,
        })),
      },
    ],
    { lineage: a.lineage },
  );
}
