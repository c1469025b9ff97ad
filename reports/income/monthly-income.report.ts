import type {
  FlaggedHousehold,
  MonthlyIncomeAnalysis,
  SuspiciousRecord,
  TownCompleteness,
  VillageCompleteness,
} from '#domain/income/income.analysis.ts';
import { householdFlagLabels } from '#domain/org/org.schema.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';
import { formatDateTime, formatInteger, formatNumber, formatPercent } from '#domain/shared/format.ts';
import { periodLabel, periodParts, type Period } from '#domain/shared/period.ts';
import { fallCauseText, suspicionText } from '#reports/income/income-labels.ts';
import { drawBarChart, drawLineChart, type BarDatum } from '#reports/pdf/charts.ts';
import { drawCover, drawProvenance, type KeyFigure } from '#reports/pdf/cover.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { scopeName } from '#reports/pdf/scope.ts';
import { drawTable, type TableColumn } from '#reports/pdf/table.ts';
import { colors, sizes } from '#reports/pdf/theme.ts';
import type { RenderedReport, ReportMeta } from '#reports/pdf/types.ts';

/** The report's name as printed on it. */
export const MONTHLY_INCOME_REPORT_TITLE = '月度收入分析研判报告';

/** Up to this many villages get a bar each; above it the chart shows towns. */
export const MAX_VILLAGE_BARS = 30;

/** Optional extras the analysis does not (yet) carry. */
export interface MonthlyIncomeReportExtras {
  /** Entry rate for up to the last 12 months (oldest first), drawn as a trend line. */
  entryRateTrend?: readonly { period: Period; rate: number | null }[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.min(1, n / d));
const yuan = (v: number): string => formatNumber(v, 2);

/** Entry completeness summed per town, for the chart when there are too many villages for a bar each. */
function townRates(villages: readonly VillageCompleteness[]): BarDatum[] {
  const towns = new Map<string, { label: string; due: number; entered: number }>();
  for (const v of villages) {
    const t = towns.get(v.townId) ?? { label: v.townName, due: 0, entered: 0 };
    t.due += v.due;
    t.entered += v.entered;
    towns.set(v.townId, t);
  }
  return [...towns.values()].map((t) => ({ label: t.label, value: ratio(t.entered, t.due) }));
}

/** Lowest rate first: the places that need a push come to the top. */
const byRateAscending = (a: BarDatum, b: BarDatum): number =>
  a.value - b.value || a.label.localeCompare(b.label, 'zh-CN');

/**
 * Renders the monthly income analysis (月度收入分析研判报告) as a PDF: first page
 * with key figures and data provenance, entry rate chart, entry completeness
 * per village, households below the monitoring threshold and households whose
 * income fell sharply. Shows household heads' names, never ID or phone numbers.
 */
export async function renderMonthlyIncomeReport(
  analysis: MonthlyIncomeAnalysis,
  meta: ReportMeta,
  extras: MonthlyIncomeReportExtras = {},
): Promise<RenderedReport> {
  const period = periodLabel(analysis.period);
  const { totals } = analysis;
  const onTimeRate = ratio(totals.onTime, totals.due);
  const rd = new ReportDocument({
    title: `${scopeName(meta)}${period}${MONTHLY_INCOME_REPORT_TITLE}`,
    author: meta.issuingOffice,
    createdAt: meta.generatedAt,
    subject: `${meta.scopeLabel} ${period} 收入分析研判`,
    header: { left: meta.issuingOffice, right: `${period} ${MONTHLY_INCOME_REPORT_TITLE}` },
    footer: 'page-of-total',
  });

  const keyFigures: KeyFigure[] = [
    { label: '应录户数', value: formatInteger(totals.due), unit: '户' },
    { label: '已录户数', value: formatInteger(totals.entered), unit: '户' },
    { label: '录入率', value: formatPercent(totals.rate), tone: totals.rate < 1 ? 'normal' : 'good' },
    { label: '按时录入率', value: formatPercent(onTimeRate) },
    {
      label: '低于监测线户数',
      value: formatInteger(totals.belowThreshold),
      unit: '户',
      tone: totals.belowThreshold > 0 ? 'alert' : 'normal',
    },
    {
      label: '收入骤降户数',
      value: formatInteger(totals.falls),
      unit: '户',
      tone: totals.falls > 0 ? 'alert' : 'normal',
    },
  ];
  drawCover(rd, {
    title: MONTHLY_INCOME_REPORT_TITLE,
    subtitle: period,
    facts: [
      { label: '范　　围', value: scopeName(meta) },
      { label: '统 计 期', value: period },
      { label: '生成时间', value: `${formatDateTime(meta.generatedAt)}（北京时间）` },
      { label: '编制单位', value: meta.issuingOffice },
    ],
    keyFigures,
  });
  rd.subheading('摘要');
  rd.paragraph(summary(analysis, meta, onTimeRate), { indent: sizes.body * 2 });
  drawProvenance(rd, meta.provenance);

  // 一、录入情况
  rd.addPage();
  rd.heading('一、收入信息录入情况');
  rd.paragraph(
    `${period}，${meta.scopeLabel}应录入收入信息的农户 ${formatInteger(totals.due)} 户，已录入 ${formatInteger(totals.entered)} 户，` +
      `录入率 ${formatPercent(totals.rate)}；在规定期限内录入 ${formatInteger(totals.onTime)} 户，按时录入率 ${formatPercent(onTimeRate)}。`,
    { indent: sizes.body * 2 },
  );
  const manyVillages = analysis.villages.length > MAX_VILLAGE_BARS;
  const bars = (manyVillages ? townRates(analysis.villages) : villageBars(analysis.villages)).sort(
    byRateAscending,
  );
  drawBarChart(rd, {
    title: manyVillages ? '各镇录入率（由低到高）' : '各村录入率（由低到高）',
    data: bars,
    format: (v) => formatPercent(v),
    tickFormat: (v) => formatPercent(v, 0),
    max: 1,
    reference: { value: totals.rate, label: `${meta.scopeLabel}录入率` },
  });
  const trend = extras.entryRateTrend ?? analysis.trend?.map((p) => ({ period: p.period, rate: p.rate }));
  if (trend && trend.length > 0) {
    drawLineChart(rd, {
      title: '近 12 个月录入率',
      points: trend.slice(-12).map((p) => ({ label: `${periodParts(p.period).month}月`, value: p.rate })),
      format: (v) => formatPercent(v, 0),
      min: 0,
      max: 1,
    });
  }
  const villageColumns: TableColumn<VillageCompleteness>[] = [
    { header: '镇', weight: 2.2, cell: (v) => v.townName },
    { header: '村', weight: 2.6, cell: (v) => v.villageName },
    { header: '应录', weight: 1.2, align: 'right', cell: (v) => formatInteger(v.due) },
    { header: '已录', weight: 1.2, align: 'right', cell: (v) => formatInteger(v.entered) },
    { header: '按时', weight: 1.2, align: 'right', cell: (v) => formatInteger(v.onTime) },
    { header: '录入率', weight: 1.4, align: 'right', cell: (v) => formatPercent(v.rate) },
  ];
  if (analysis.villages.length === 0) rd.paragraph('本月没有应录入收入信息的农户。');
  else drawTable(rd, { caption: '表1　各村录入情况', columns: villageColumns, rows: analysis.villages });
  if (analysis.towns && analysis.towns.length > 0) drawTownStages(rd, analysis);
  const perCapitaTrend = analysis.trend?.filter((p) => p.meanPerCapita !== null) ?? [];
  if (perCapitaTrend.length > 1) {
    drawLineChart(rd, {
      title: '近 12 个月户均人均纯收入（元/月）',
      points: (analysis.trend ?? [])
        .slice(-12)
        .map((p) => ({ label: `${periodParts(p.period).month}月`, value: p.meanPerCapita })),
      format: (v) => formatNumber(v, 0),
      min: 0,
    });
  }

  // 二、低于监测线
  rd.heading('二、收入低于监测线农户');
  if (analysis.belowThreshold.length === 0) {
    rd.paragraph(`本月无年化人均纯收入低于监测线（${formatInteger(analysis.threshold)} 元）的农户。`, {
      indent: sizes.body * 2,
    });
  } else {
    rd.paragraph(
      `按本月收入折算，年化人均纯收入低于监测线（${formatInteger(analysis.threshold)} 元）的农户共 ` +
        `${formatInteger(analysis.belowThreshold.length)} 户，按收入由低到高列出如下，请所在镇组织逐户核实，符合条件的及时纳入监测。`,
      { indent: sizes.body * 2 },
    );
    const columns: TableColumn<FlaggedHousehold>[] = [
      { header: '序号', weight: 0.9, align: 'right', cell: (_h, i) => String(i + 1) },
      { header: '镇', weight: 1.6, cell: (h) => h.townName },
      { header: '村', weight: 1.7, cell: (h) => h.villageName },
      { header: '户主', weight: 1.6, cell: (h) => h.headName || '—' },
      { header: '本月纯收入（元）', weight: 1.9, align: 'right', cell: (h) => yuan(h.netIncome) },
      { header: '年化人均（元）', weight: 1.9, align: 'right', cell: (h) => yuan(h.perCapitaAnnual) },
      {
        header: '低于监测线（元）',
        weight: 1.9,
        align: 'right',
        cell: (h) => yuan(analysis.threshold - h.perCapitaAnnual),
      },
    ];
    drawTable(rd, { caption: '表2　年化人均纯收入低于监测线农户', columns, rows: analysis.belowThreshold });
  }

  // 三、收入骤降
  rd.heading('三、收入骤降农户');
  if (analysis.falls.length === 0) {
    rd.paragraph('本月无收入骤降户。', { indent: sizes.body * 2 });
  } else {
    rd.paragraph(
      `本月家庭纯收入较上月明显下降、达到骤降标准的农户共 ${formatInteger(analysis.falls.length)} 户，按降幅由大到小列出如下，` +
        '请所在镇核实原因，落实帮扶措施。',
      { indent: sizes.body * 2 },
    );
    const columns: TableColumn<FlaggedHousehold>[] = [
      { header: '镇', weight: 1.6, cell: (h) => h.townName },
      { header: '村', weight: 1.7, cell: (h) => h.villageName },
      { header: '户主', weight: 1.3, cell: (h) => h.headName || '—' },
      {
        header: '上月纯收入（元）',
        weight: 1.9,
        align: 'right',
        cell: (h) => (h.previousNet === undefined ? '—' : yuan(h.previousNet)),
      },
      { header: '本月纯收入（元）', weight: 1.9, align: 'right', cell: (h) => yuan(h.netIncome) },
      {
        header: '降幅',
        weight: 1.2,
        align: 'right',
        cell: (h) => (h.fallShare === undefined ? '—' : formatPercent(h.fallShare)),
      },
      { header: '原因', weight: 2.6, cell: (h) => fallCauseText(h.cause) },
      ...(analysis.nearThreshold ? [{ header: '帮扶措施', weight: 2.6, cell: measuresText }] : []),
    ];
    drawTable(rd, { caption: '表3　收入骤降农户', columns, rows: analysis.falls });
  }
  const notesHeading = drawFullSections(rd, analysis);

  rd.heading(`${notesHeading}、说明`);
  for (const line of [
    '1. 录入率＝已录户数÷应录户数；按时录入率＝在村级录入截止日前录入的户数÷应录户数。',
    `2. 年化人均纯收入＝本月人均纯收入×12，与本年度监测线 ${formatInteger(analysis.threshold)} 元比较，仅作研判参考。`,
    '3. 降幅＝（上月纯收入－本月纯收入）÷上月纯收入。',
    ...(analysis.nearThreshold
      ? [
          `3a. 接近监测线：年化人均纯收入不低于监测线、但不超过监测线的 ${formatPercent(analysis.nearBand ?? 0)}；同比下降：与上年同月纯收入比较，降幅达到骤降标准。`,
          '3b. 疑似信息：人均纯收入偏离本村中位数超过设定倍数的稳健离差（中位数绝对偏差×1.4826）、四项收入均为零、或较上月突增。',
          `3c. 时限：村级录入截止 ${analysis.deadlines?.villageEntry ?? ''}，镇级审核截止 ${analysis.deadlines?.townReview ?? ''}，县级比对截止 ${analysis.deadlines?.countyComparison ?? ''}（遇节假日按配置顺延）。`,
        ]
      : []),
    '4. 本报告仅列户主姓名，不含身份证号、电话号码等个人信息；请勿外传。',
  ]) {
    rd.paragraph(line, { size: sizes.body - 0.5, color: colors.muted, after: 2 });
  }
  return finishReport(rd, meta.provenance, { hasWorkbook: true });
}

function villageBars(villages: readonly VillageCompleteness[]): BarDatum[] {
  // Village names repeat across towns, so the label carries the town when it does.
  const counts = new Map<string, number>();
  for (const v of villages) counts.set(v.villageName, (counts.get(v.villageName) ?? 0) + 1);
  return villages.map((v) => ({
    label: (counts.get(v.villageName) ?? 0) > 1 ? `${v.townName}${v.villageName}` : v.villageName,
    value: v.rate,
  }));
}

function summary(a: MonthlyIncomeAnalysis, meta: ReportMeta, onTimeRate: number): string {
  const t = a.totals;
  const parts = [
    `${periodLabel(a.period)}，${meta.scopeLabel}应录入收入信息的农户 ${formatInteger(t.due)} 户，已录入 ${formatInteger(t.entered)} 户，` +
      `录入率 ${formatPercent(t.rate)}，按时录入率 ${formatPercent(onTimeRate)}。`,
  ];
  const lowest = [...a.villages].sort((x, y) => x.rate - y.rate)[0];
  if (lowest && lowest.rate < 1)
    parts.push(`录入率最低的是${lowest.townName}${lowest.villageName}（${formatPercent(lowest.rate)}）。`);
  parts.push(
    t.belowThreshold > 0
      ? `年化人均纯收入低于监测线（${formatInteger(a.threshold)} 元）的农户 ${formatInteger(t.belowThreshold)} 户，需逐户核实。`
      : `没有年化人均纯收入低于监测线（${formatInteger(a.threshold)} 元）的农户。`,
  );
  parts.push(
    t.falls > 0
      ? `收入较上月骤降的农户 ${formatInteger(t.falls)} 户，需核实原因、落实帮扶。`
      : '本月无收入骤降户。',
  );
  return parts.join('');
}

const measuresText = (h: FlaggedHousehold): string =>
  maskPersonalNumbers(h.measures?.length ? h.measures.join('；') : (h.assistanceCause ?? '未建台账'));

/** Table 1-2: each town against the three deadlines (6th entry, 7th review, 8th county comparison). */
function drawTownStages(rd: ReportDocument, a: MonthlyIncomeAnalysis): void {
  const towns = a.towns ?? [];
  const columns: TableColumn<TownCompleteness>[] = [
    { header: '镇', weight: 2, cell: (t) => t.townName },
    { header: '应录', weight: 1.1, align: 'right', cell: (t) => formatInteger(t.due) },
    { header: '已录', weight: 1.1, align: 'right', cell: (t) => formatInteger(t.entered) },
    { header: '按时录入', weight: 1.4, align: 'right', cell: (t) => formatInteger(t.onTime) },
    { header: '已审核', weight: 1.3, align: 'right', cell: (t) => formatInteger(t.reviewed) },
    { header: '按时审核', weight: 1.4, align: 'right', cell: (t) => formatInteger(t.reviewedOnTime) },
    { header: '县级疑似', weight: 1.4, align: 'right', cell: (t) => formatInteger(t.countyFlagged) },
    { header: '录入率', weight: 1.3, align: 'right', cell: (t) => formatPercent(t.rate) },
  ];
  drawTable(rd, { caption: '表1-2　各镇录入、审核和县级比对情况', columns, rows: towns });
}

const householdColumns = (extra: TableColumn<FlaggedHousehold>[]): TableColumn<FlaggedHousehold>[] => [
  { header: '镇', weight: 1.5, cell: (h) => h.townName },
  { header: '村', weight: 1.6, cell: (h) => h.villageName },
  { header: '户主', weight: 1.3, cell: (h) => h.headName || '—' },
  ...extra,
];

/** Sections added with the full analysis; returns the number word for the closing notes' heading. */
function drawFullSections(rd: ReportDocument, a: MonthlyIncomeAnalysis): string {
  if (!a.nearThreshold) return '四';
  const indent = { indent: sizes.body * 2 };
  rd.heading('四、收入接近监测线农户');
  const near = a.nearThreshold;
  if (near.length === 0) rd.paragraph('本月无年化人均纯收入接近监测线的农户。', indent);
  else {
    rd.paragraph(
      `年化人均纯收入在监测线（${formatInteger(a.threshold)} 元）以上 ${formatPercent(a.nearBand ?? 0)} 以内的农户共 ${formatInteger(near.length)} 户，` +
        '收入稍有波动即可能跌破监测线，请持续关注。',
      indent,
    );
    drawTable(rd, {
      caption: '表4　接近监测线农户',
      columns: householdColumns([
        { header: '本月纯收入（元）', weight: 1.9, align: 'right', cell: (h) => yuan(h.netIncome) },
        { header: '年化人均（元）', weight: 1.9, align: 'right', cell: (h) => yuan(h.perCapitaAnnual) },
        {
          header: '高于监测线（元）',
          weight: 1.9,
          align: 'right',
          cell: (h) => yuan(h.perCapitaAnnual - a.threshold),
        },
      ]),
      rows: near,
    });
  }
  rd.heading('五、收入同比下降农户');
  const yf = a.yearFalls ?? [];
  if (yf.length === 0) rd.paragraph('本月无纯收入较上年同月骤降的农户。', indent);
  else {
    rd.paragraph(
      `本月纯收入较上年同月降幅达到骤降标准的农户共 ${formatInteger(yf.length)} 户，按降幅由大到小列出如下。`,
      indent,
    );
    drawTable(rd, {
      caption: '表5　收入同比骤降农户',
      columns: householdColumns([
        {
          header: '上年同月（元）',
          weight: 1.8,
          align: 'right',
          cell: (h) => (h.lastYearNet === undefined ? '—' : yuan(h.lastYearNet)),
        },
        { header: '本月（元）', weight: 1.6, align: 'right', cell: (h) => yuan(h.netIncome) },
        {
          header: '同比降幅',
          weight: 1.3,
          align: 'right',
          cell: (h) => (h.yearFallShare === undefined ? '—' : formatPercent(h.yearFallShare)),
        },
        { header: '帮扶措施', weight: 2.4, cell: measuresText },
      ]),
      rows: yf,
    });
  }
  rd.heading('六、重点人群收入情况');
  const kg = a.keyGroups ?? [];
  if (kg.length === 0) rd.paragraph('本月已录入收入的农户中没有重点人群户。', indent);
  else {
    rd.paragraph(
      `已录入收入的重点人群（大病、重度残疾、低保、特困、低保边缘、新识别）农户共 ${formatInteger(kg.length)} 户。`,
      indent,
    );
    drawTable(rd, {
      caption: '表6　重点人群农户',
      columns: householdColumns([
        {
          header: '类别',
          weight: 2.2,
          cell: (h) => (h.flags ?? []).map((f) => householdFlagLabels[f]).join('、'),
        },
        { header: '年化人均（元）', weight: 1.8, align: 'right', cell: (h) => yuan(h.perCapitaAnnual) },
        { header: '帮扶措施', weight: 2.6, cell: measuresText },
      ]),
      rows: kg,
    });
  }
  rd.heading('七、疑似信息');
  const sus = a.suspicious ?? [];
  if (sus.length === 0) rd.paragraph('本月未发现疑似信息。', indent);
  else {
    rd.paragraph(
      `经比对，发现疑似信息 ${formatInteger(sus.length)} 条，请所在镇逐条核实，确有错误的及时更正，属实的作出说明。`,
      indent,
    );
    drawTable(rd, {
      caption: '表7　疑似信息',
      columns: householdColumns([
        {
          header: '人均纯收入（元/月）',
          weight: 2,
          align: 'right',
          cell: (h) => yuan(h.perCapitaAnnual / 12),
        },
        {
          header: '疑点',
          weight: 3.6,
          cell: (h) => suspicionText(h as SuspiciousRecord),
        },
      ]),
      rows: sus,
    });
  }
  rd.heading('八、帮扶措施落实情况');
  const flagged = new Map<string, FlaggedHousehold>();
  for (const h of [...a.belowThreshold, ...a.falls, ...yf]) flagged.set(h.householdId, h);
  const withPlan = [...flagged.values()].filter((h) => h.measures?.length).length;
  rd.paragraph(
    flagged.size === 0
      ? '本月无需落实帮扶措施的收入预警农户。'
      : `低于监测线或收入骤降的农户共 ${formatInteger(flagged.size)} 户，已建立帮扶台账、落实“一户一策”措施的 ${formatInteger(withPlan)} 户，尚未建立的 ${formatInteger(flagged.size - withPlan)} 户，请所在镇村尽快建立。`,
    indent,
  );
  return '九';
}
