/**
 * The petition summary (信访舆情汇总) as a PDF for leaders and town reviews, and its
 * detail rows as an XLSX. Built from the analysis only, which already masks
 * petitioners' names and phone numbers.
 */
import type {
  PetitionAnalysis,
  OverduePetition,
  TownPetitionFigures,
} from '#domain/petitions/petition.analysis.ts';
import {
  handlingModeLabels,
  handlingModes,
  petitionCategories,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionChannels,
} from '#domain/petitions/petition.schema.ts';
import { formatDate, formatDateTime, formatInteger, formatPercent } from '#domain/shared/format.ts';
import { drawBarChart } from '#reports/pdf/charts.ts';
import { drawCover, drawProvenance, type KeyFigure } from '#reports/pdf/cover.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { scopeName } from '#reports/pdf/scope.ts';
import { drawTable, type TableColumn } from '#reports/pdf/table.ts';
import { colors, sizes } from '#reports/pdf/theme.ts';
import type { RenderedReport, ReportMeta } from '#reports/pdf/types.ts';
import { buildWorkbook } from '#reports/xlsx/workbook.ts';

export const PETITION_SUMMARY_TITLE = '信访舆情汇总';

/** What the report covers, as printed: `2026年10月`, `2026年第三季度`, `2026年11月14日`. */
export interface PetitionSummaryOptions {
  periodLabel: string;
  /** Shown under the title for a town review digest (逢四研事). */
  occasion?: string;
}

const rate = (r: number | null): string => (r === null ? '—' : formatPercent(r));
const n = (v: number): string => formatInteger(v);
/** Counts are whole numbers: an axis end that is a multiple of its 5 ticks keeps every tick whole. */
const countAxisMax = (values: readonly number[]): number =>
  Math.max(5, Math.ceil(Math.max(0, ...values) / 5) * 5);

export async function renderPetitionSummary(
  a: PetitionAnalysis,
  meta: ReportMeta,
  opts: PetitionSummaryOptions,
): Promise<RenderedReport> {
  const rd = new ReportDocument({
    title: `${scopeName(meta)}${opts.periodLabel}${PETITION_SUMMARY_TITLE}`,
    author: meta.issuingOffice,
    createdAt: meta.generatedAt,
    subject: `${meta.scopeLabel} ${opts.periodLabel} 信访舆情汇总`,
    header: { left: meta.issuingOffice, right: `${opts.periodLabel} ${PETITION_SUMMARY_TITLE}` },
    footer: 'page-of-total',
  });
  const keyFigures: KeyFigure[] = [
    { label: '受理信访件', value: n(a.received), unit: '件' },
    { label: '办结率（解决）', value: rate(a.resolvedRate) },
    {
      label: '按期办结率',
      value: rate(a.onTimeRate),
      tone: a.onTimeRate !== null && a.onTimeRate < 1 ? 'alert' : 'normal',
    },
    { label: '回访满意率', value: rate(a.callbacks.satisfactionRate) },
    {
      label: '逾期未办结',
      value: n(a.overdue.length),
      unit: '件',
      tone: a.overdue.length > 0 ? 'alert' : 'good',
    },
    { label: '网络舆情', value: n(a.opinions.count), unit: '条' },
  ];
  drawCover(rd, {
    title: PETITION_SUMMARY_TITLE,
    subtitle: opts.occasion ? `${opts.periodLabel}（${opts.occasion}）` : opts.periodLabel,
    facts: [
      { label: '范　　围', value: scopeName(meta) },
      { label: '统 计 期', value: `${formatDate(a.from)}至${formatDate(a.to)}` },
      { label: '办理状态截至', value: formatDate(a.asOf) },
      { label: '生成时间', value: `${formatDateTime(meta.generatedAt)}（北京时间）` },
      { label: '编制单位', value: meta.issuingOffice },
    ],
    keyFigures,
  });
  rd.subheading('摘要');
  rd.paragraph(summaryText(a, meta), { indent: sizes.body * 2 });
  drawProvenance(rd, meta.provenance);

  rd.addPage();
  rd.heading('一、受理情况');
  drawBarChart(rd, {
    title: '按诉求类别',
    data: petitionCategories.map((c) => ({ label: petitionCategoryLabels[c], value: a.byCategory[c] })),
    format: (v) => `${n(v)} 件`,
    tickFormat: (v) => n(v),
    max: countAxisMax(Object.values(a.byCategory)),
    note: `涉及“一收入两不愁三保障”及饮水安全的 ${n(a.monitoringReview)} 件，相关农户均须纳入监测研判。`,
  });
  const channelRows = [
    ...petitionChannels.map((c) => ({
      k: '来访渠道',
      label: petitionChannelLabels[c],
      count: a.byChannel[c],
    })),
    ...handlingModes.map((m) => ({ k: '办理方式', label: handlingModeLabels[m], count: a.byMode[m] })),
  ];
  drawTable(rd, {
    caption: '表1　按来访渠道和办理方式',
    columns: [
      { header: '分类', weight: 2, cell: (r) => r.k },
      { header: '项目', weight: 2, cell: (r) => r.label },
      { header: '件数', weight: 1.4, align: 'right', cell: (r) => n(r.count) },
      {
        header: '占比',
        weight: 1.4,
        align: 'right',
        cell: (r) => (a.received === 0 ? '—' : formatPercent(r.count / a.received)),
      },
    ],
    rows: channelRows,
  });

  rd.heading('二、各镇办理情况');
  if (a.byTown.length > 1) {
    drawBarChart(rd, {
      title: '各镇受理件数',
      data: a.byTown.map((t) => ({ label: t.townName, value: t.received })),
      format: (v) => `${n(v)} 件`,
      tickFormat: (v) => n(v),
      max: countAxisMax(a.byTown.map((t) => t.received)),
    });
  }
  const townColumns: TableColumn<TownPetitionFigures>[] = [
    { header: '镇/街道', weight: 2.2, cell: (t) => t.townName },
    { header: '受理', weight: 1.1, align: 'right', cell: (t) => n(t.received) },
    { header: '办结', weight: 1.1, align: 'right', cell: (t) => n(t.concluded) },
    { header: '解决', weight: 1.1, align: 'right', cell: (t) => n(t.resolved) },
    { header: '按期', weight: 1.1, align: 'right', cell: (t) => n(t.onTime) },
    { header: '逾期', weight: 1.1, align: 'right', cell: (t) => n(t.overdue) },
    { header: '回访', weight: 1.1, align: 'right', cell: (t) => n(t.callbacks) },
    {
      header: '满意率',
      weight: 1.5,
      align: 'right',
      cell: (t) => (t.callbacks === 0 ? '—' : formatPercent(t.satisfied / t.callbacks)),
    },
  ];
  drawTable(rd, { caption: '表2　各镇受理、办结、逾期和回访', columns: townColumns, rows: a.byTown });

  rd.heading('三、逾期未办结信访件');
  if (a.overdue.length === 0) {
    rd.paragraph(`截至${formatDate(a.asOf)}，没有逾期未办结的信访件。`, { indent: sizes.body * 2 });
  } else {
    rd.paragraph(
      `截至${formatDate(a.asOf)}，逾期未办结的信访件共 ${n(a.overdue.length)} 件，按逾期天数由多到少列出如下，请责任单位立即办结并报告。`,
      { indent: sizes.body * 2 },
    );
    const columns: TableColumn<OverduePetition>[] = [
      {
        header: '镇/村',
        weight: 2.2,
        cell: (o) => `${o.townName}${o.villageName === '—' ? '' : o.villageName}`,
      },
      { header: '信访人', weight: 1.3, cell: (o) => o.petitioner },
      { header: '电话', weight: 2.2, cell: (o) => o.phone },
      { header: '类别', weight: 1.5, cell: (o) => petitionCategoryLabels[o.category] },
      { header: '方式', weight: 1.2, cell: (o) => handlingModeLabels[o.handlingMode] },
      { header: '承办单位', weight: 1.8, cell: (o) => o.assignedUnit ?? '—' },
      { header: '期限', weight: 1.9, cell: (o) => o.dueDate },
      { header: '逾期天数', weight: 1.8, align: 'right', cell: (o) => n(o.daysOverdue) },
    ];
    drawTable(rd, { caption: '表3　逾期未办结信访件', columns, rows: a.overdue });
  }

  rd.heading('四、回访和网络舆情');
  rd.paragraph(
    `统计期内回访信访群众 ${n(a.callbacks.people)} 人 ${n(a.callbacks.count)} 次，表示满意 ${n(a.callbacks.satisfied)} 次，满意率 ${rate(a.callbacks.satisfactionRate)}。` +
      `发现网络舆情 ${n(a.opinions.count)} 条，已在官方平台回复 ${n(a.opinions.replied)} 条，正在核查 ${n(a.opinions.investigating)} 条；` +
      `回访舆情当事人 ${n(a.opinions.people)} 人 ${n(a.opinions.callbacks)} 次。`,
    { indent: sizes.body * 2 },
  );

  rd.heading('五、说明');
  for (const line of [
    '1. 受理件数按受理日期统计；办结、解决、按期和逾期按“办理状态截至”日期的情况统计。',
    '2. 办结率（解决）＝已解决件数÷受理件数；按期办结率＝在办理期限内办结的件数÷办结件数。',
    '3. 办理期限：即办为受理次日，交办为受理之日起 15 日，限期办为登记的期限。',
    '4. 本报告中信访人姓名、电话均已脱敏，请勿外传。',
  ]) {
    rd.paragraph(line, { size: sizes.body - 0.5, color: colors.muted, after: 2 });
  }
  return finishReport(rd, meta.provenance, { hasWorkbook: true });
}

function summaryText(a: PetitionAnalysis, meta: ReportMeta): string {
  const parts = [
    `统计期内，${meta.scopeLabel}共受理信访件 ${n(a.received)} 件，已办结 ${n(a.concluded)} 件，其中解决 ${n(a.resolved)} 件，` +
      `办结率（解决）${rate(a.resolvedRate)}，按期办结率 ${rate(a.onTimeRate)}。`,
  ];
  if (a.monitoringReview > 0)
    parts.push(`涉及“一收入两不愁三保障”及饮水安全的 ${n(a.monitoringReview)} 件，相关农户须纳入监测研判。`);
  parts.push(
    a.overdue.length > 0 ? `逾期未办结 ${n(a.overdue.length)} 件，须立即督办。` : '无逾期未办结信访件。',
  );
  parts.push(
    `回访 ${n(a.callbacks.count)} 次，满意率 ${rate(a.callbacks.satisfactionRate)}；网络舆情 ${n(a.opinions.count)} 条。`,
  );
  return parts.join('');
}

/** The detail rows as XLSX: per town, overdue petitions (masked), counts by category. */
export function petitionSummaryWorkbook(a: PetitionAnalysis): Promise<Buffer> {
  return buildWorkbook(
    [
      {
        name: '各镇办理情况',
        columns: [
          { header: '镇/街道', key: 'townName', width: 12 },
          { header: '受理', key: 'received' },
          { header: '办结', key: 'concluded' },
          { header: '解决', key: 'resolved' },
          { header: '按期办结', key: 'onTime' },
          { header: '逾期未办结', key: 'overdue' },
          { header: '回访次数', key: 'callbacks' },
          { header: '满意次数', key: 'satisfied' },
        ],
        rows: a.byTown.map((t) => ({ ...t })),
      },
      {
        name: '逾期未办结',
        columns: [
          { header: '镇/街道', key: 'townName', width: 12 },
          { header: '村/社区', key: 'villageName', width: 12 },
          { header: '信访人', key: 'petitioner' },
          { header: '电话', key: 'phone', width: 14 },
          { header: '类别', key: 'category' },
          { header: '办理方式', key: 'mode' },
          { header: '承办单位', key: 'assignedUnit', width: 16 },
          { header: '受理日期', key: 'receivedDate', width: 12 },
          { header: '办理期限', key: 'dueDate', width: 12 },
          { header: '逾期天数', key: 'daysOverdue' },
        ],
        rows: a.overdue.map((o) => ({
          ...o,
          category: petitionCategoryLabels[o.category],
          mode: handlingModeLabels[o.handlingMode],
          assignedUnit: o.assignedUnit ?? '',
        })),
      },
      {
        name: '按类别',
        columns: [
          { header: '诉求类别', key: 'label', width: 12 },
          { header: '件数', key: 'count' },
        ],
        rows: petitionCategories.map((c) => ({ label: petitionCategoryLabels[c], count: a.byCategory[c] })),
      },
    ],
    { lineage: a.lineage },
  );
}
