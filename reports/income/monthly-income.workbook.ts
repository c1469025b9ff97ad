/**
 * The monthly income analysis as XLSX: every detail list of the PDF as a sheet,
 * plain values only (the shared builder neutralises formula-like text).
 */
import type {
  FlaggedHousehold,
  MonthlyIncomeAnalysis,
  SuspiciousRecord,
} from '#domain/income/income.analysis.ts';
import { householdFlagLabels } from '#domain/org/org.schema.ts';
import { fallCauseText, suspicionText } from '#reports/income/income-labels.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';
import { buildWorkbook, type CellValue, type SheetColumn, type SheetSpec } from '#reports/xlsx/workbook.ts';

const money = '#,##0.00';
const percent = '0.0%';

const householdCols: SheetColumn[] = [
  { header: '镇', key: 'town', width: 12 },
  { header: '村', key: 'village', width: 14 },
  { header: '户编号', key: 'id', width: 12 },
  { header: '户主', key: 'head', width: 10 },
  { header: '本月纯收入（元）', key: 'net', width: 16, numFmt: money },
  { header: '年化人均纯收入（元）', key: 'annual', width: 18, numFmt: money },
  { header: '上月纯收入（元）', key: 'prev', width: 16, numFmt: money },
  { header: '环比降幅', key: 'fall', width: 10, numFmt: percent },
  { header: '上年同月（元）', key: 'ly', width: 16, numFmt: money },
  { header: '同比降幅', key: 'yfall', width: 10, numFmt: percent },
  { header: '重点人群类别', key: 'flags', width: 18 },
  { header: '下降原因', key: 'cause', width: 20 },
  { header: '帮扶措施', key: 'measures', width: 30 },
];

const householdRow = (h: FlaggedHousehold): Record<string, CellValue> => ({
  town: h.townName,
  village: h.villageName,
  id: h.householdId,
  head: h.headName,
  net: h.netIncome,
  annual: h.perCapitaAnnual,
  prev: h.previousNet ?? null,
  fall: h.fallShare ?? null,
  ly: h.lastYearNet ?? null,
  yfall: h.yearFallShare ?? null,
  flags: (h.flags ?? []).map((f) => householdFlagLabels[f]).join('、'),
  cause: h.cause ? fallCauseText(h.cause) : '',
  measures: maskPersonalNumbers((h.measures ?? []).join('；')),
});

export async function monthlyIncomeFullWorkbook(a: MonthlyIncomeAnalysis, created?: Date): Promise<Buffer> {
  const lists: [string, readonly FlaggedHousehold[] | undefined][] = [
    ['低于监测线', a.belowThreshold],
    ['接近监测线', a.nearThreshold],
    ['收入骤降', a.falls],
    ['同比下降', a.yearFalls],
    ['重点人群', a.keyGroups],
  ];
  const sheets: SheetSpec[] = [
    {
      name: '各村录入情况',
      columns: [
        { header: '镇', key: 'town', width: 12 },
        { header: '村', key: 'village', width: 14 },
        { header: '应录户数', key: 'due', width: 10 },
        { header: '已录户数', key: 'entered', width: 10 },
        { header: '按时录入户数', key: 'onTime', width: 12 },
        { header: '已审核户数', key: 'reviewed', width: 12 },
        { header: '录入率', key: 'rate', width: 10, numFmt: percent },
      ],
      rows: a.villages.map((v) => ({
        town: v.townName,
        village: v.villageName,
        due: v.due,
        entered: v.entered,
        onTime: v.onTime,
        reviewed: v.reviewed ?? null,
        rate: v.rate,
      })),
    },
    {
      name: '各镇情况',
      columns: [
        { header: '镇', key: 'town', width: 12 },
        { header: '应录户数', key: 'due', width: 10 },
        { header: '已录户数', key: 'entered', width: 10 },
        { header: '按时录入', key: 'onTime', width: 10 },
        { header: '已审核', key: 'reviewed', width: 10 },
        { header: '按时审核', key: 'reviewedOnTime', width: 10 },
        { header: '县级疑似', key: 'countyFlagged', width: 10 },
        { header: '录入率', key: 'rate', width: 10, numFmt: percent },
        { header: '按时录入率', key: 'onTimeRate', width: 12, numFmt: percent },
        { header: '审核率', key: 'reviewRate', width: 10, numFmt: percent },
      ],
      rows: (a.towns ?? []).map((t) => ({ ...t, town: t.townName })),
    },
    ...lists
      .filter(([, rows]) => rows !== undefined)
      .map(([name, rows]) => ({ name, columns: householdCols, rows: (rows ?? []).map(householdRow) })),
    {
      name: '疑似信息',
      columns: [
        ...householdCols.slice(0, 6),
        { header: '疑点', key: 'kinds', width: 24 },
        { header: '稳健离差倍数', key: 'z', width: 12 },
      ],
      rows: (a.suspicious ?? []).map((h: SuspiciousRecord) => ({
        ...householdRow(h),
        kinds: suspicionText({ kinds: h.kinds }),
        z: h.robustZ ?? null,
      })),
    },
    {
      name: '近12个月',
      columns: [
        { header: '月份', key: 'period', width: 10 },
        { header: '应录户数', key: 'due', width: 10 },
        { header: '已录户数', key: 'entered', width: 10 },
        { header: '录入率', key: 'rate', width: 10, numFmt: percent },
        { header: '人均纯收入均值（元/月）', key: 'mean', width: 20, numFmt: money },
      ],
      rows: (a.trend ?? []).map((p) => ({
        period: p.period,
        due: p.due,
        entered: p.entered,
        rate: p.rate,
        mean: p.meanPerCapita,
      })),
    },
  ];
  return buildWorkbook(sheets, {
    ...(created ? { created } : {}),
    ...(a.lineage ? { lineage: a.lineage } : {}),
  });
}
