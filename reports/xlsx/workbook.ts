import type { MonthlyIncomeAnalysis } from '#domain/income/income.analysis.ts';
import { maskFreeText } from '#domain/org/mask.ts';
import { periodLabel } from '#domain/shared/period.ts';
import { fallCauseText } from '#reports/income/income-labels.ts';
import { recordKindLabel, type Lineage } from '#domain/shared/lineage.ts';
import { writeXlsx } from './xlsx-writer.ts';

/** What a cell may hold. Formula objects are deliberately not allowed: workbooks carry data only. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One column of a sheet. */
export interface SheetColumn {
  /** Chinese header shown in the first row. */
  header: string;
  /** Property of the row that fills the column. */
  key: string;
  /** Width in characters. */
  width?: number;
  /** Excel number format, e.g. `#,##0.00` or `0.0%`. */
  numFmt?: string;
}

/** One sheet: columns and rows of plain values. */
export interface SheetSpec {
  /** Sheet name (at most 31 characters; `[]:*?/\` are replaced). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, CellValue>[];
}

/** Characters that make a spreadsheet read text as a formula or a command. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Neutralises text that a spreadsheet would treat as a formula (`=1+1`,
 * `@SUM(A1)`, `+cmd|…`) by prefixing a single quote, so the cell shows the
 * text instead of running it. Text typed by staff ends up in these workbooks.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

function safeSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .slice(0, 31)
      .trim() || '工作表';
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(candidate);
  return candidate;
}

/**
 * Every text cell as it may leave the system: personal numbers masked (staff type
 * ID, phone and card numbers into notes), then neutralised against formula injection.
 * The one place every workbook's text passes through (report attachments, the
 * `*-export` routes, the audit trail), so no column can forget it. Numbers stay numbers.
 */
export function safeCellText(value: string): string {
  return neutraliseFormula(maskFreeText(value));
}

/** The XLSX sheet 数据溯源: one row per (figure, record). A figure that counted nothing gets one row of its own. */
export function lineageSheet(lineage: Lineage): SheetSpec {
  const rows = lineage.flatMap((f): Record<string, CellValue>[] => {
    const base = { figure: f.label, key: f.key, value: f.value };
    if (f.records.length === 0) return [{ ...base, kind: '（无）', kindKey: '', id: '', version: null }];
    return [...f.records]
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.version - b.version)
      .map((r) => ({
        ...base,
        kind: recordKindLabel(r.kind),
        kindKey: r.kind,
        id: r.id,
        version: r.version,
      }));
  });
  return {
    name: '数据溯源',
    columns: [
      { header: '指标', key: 'figure', width: 34 },
      { header: '指标代码', key: 'key', width: 24 },
      { header: '指标值', key: 'value', width: 10 },
      { header: '记录类别', key: 'kind', width: 14 },
      { header: '记录类别代码', key: 'kindKey', width: 14 },
      { header: '记录编号', key: 'id', width: 30 },
      { header: '版本', key: 'version', width: 8 },
    ],
    rows,
  };
}

/**
 * Builds an XLSX file from sheets of plain rows: header row in bold and
 * frozen, a filter on the header, and every text cell masked and neutralised
 * ({@link safeCellText}).
 */
export async function buildWorkbook(
  given: readonly SheetSpec[],
  options: { creator?: string; created?: Date; lineage?: Lineage } = {},
): Promise<Buffer> {
  // A report's workbook ends with its lineage sheet (数据溯源) when it has one.
  const sheets = options.lineage ? [...given, lineageSheet(options.lineage)] : given;
  const used = new Set<string>();
  return Promise.resolve(
    writeXlsx(
      sheets.map((sheet) => ({
        name: safeSheetName(sheet.name, used),
        columns: sheet.columns.map((c) => ({
          header: safeCellText(c.header),
          width: c.width ?? Math.max(10, c.header.length * 2 + 2),
          ...(c.numFmt ? { numFmt: c.numFmt } : {}),
        })),
        rows: sheet.rows.map((row) =>
          sheet.columns.map((c) => {
            const v = row[c.key];
            return typeof v === 'string' ? safeCellText(v) : v;
          }),
        ),
      })),
      { creator: options.creator ?? 'Shouwang', created: options.created ?? new Date() },
    ),
  );
}

/**
 * The detail rows of the monthly income report as a workbook, for staff who
 * sort and filter: 录入情况 (per village), 低于监测线, 收入骤降.
 * Household heads' names only, no ID or phone numbers.
 */
export async function monthlyIncomeWorkbook(analysis: MonthlyIncomeAnalysis): Promise<Buffer> {
  const money = '#,##0.00';
  const percent = '0.0%';
  return buildWorkbook(
    [
      {
        name: '录入情况',
        columns: [
          { header: '镇', key: 'town', width: 14 },
          { header: '村', key: 'village', width: 16 },
          { header: '应录户数', key: 'due', width: 10 },
          { header: '已录户数', key: 'entered', width: 10 },
          { header: '按时录入户数', key: 'onTime', width: 12 },
          { header: '录入率', key: 'rate', width: 10, numFmt: percent },
        ],
        rows: analysis.villages.map((v) => ({
          town: v.townName,
          village: v.villageName,
          due: v.due,
          entered: v.entered,
          onTime: v.onTime,
          rate: v.rate,
        })),
      },
      {
        name: '低于监测线',
        columns: [
          { header: '镇', key: 'town', width: 14 },
          { header: '村', key: 'village', width: 16 },
          { header: '户主', key: 'head', width: 10 },
          { header: '本月纯收入（元）', key: 'net', width: 16, numFmt: money },
          { header: '年化人均纯收入（元）', key: 'annual', width: 20, numFmt: money },
          { header: '监测线（元）', key: 'threshold', width: 12, numFmt: money },
          { header: '低于监测线（元）', key: 'gap', width: 16, numFmt: money },
        ],
        rows: analysis.belowThreshold.map((h) => ({
          town: h.townName,
          village: h.villageName,
          head: h.headName,
          net: h.netIncome,
          annual: h.perCapitaAnnual,
          threshold: analysis.threshold,
          gap: Math.round((analysis.threshold - h.perCapitaAnnual) * 100) / 100,
        })),
      },
      {
        name: '收入骤降',
        columns: [
          { header: '镇', key: 'town', width: 14 },
          { header: '村', key: 'village', width: 16 },
          { header: '户主', key: 'head', width: 10 },
          { header: '上月纯收入（元）', key: 'previous', width: 16, numFmt: money },
          { header: '本月纯收入（元）', key: 'net', width: 16, numFmt: money },
          { header: '降幅', key: 'fall', width: 10, numFmt: percent },
          { header: '原因', key: 'cause', width: 36 },
        ],
        rows: analysis.falls.map((h) => ({
          town: h.townName,
          village: h.villageName,
          head: h.headName,
          previous: h.previousNet,
          net: h.netIncome,
          fall: h.fallShare,
          cause: fallCauseText(h.cause),
        })),
      },
    ],
    { creator: `守望 ${periodLabel(analysis.period)}收入分析` },
  );
}
