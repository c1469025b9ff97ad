/**
 * The lineage annex of every report (数据溯源): the PDF's short annex (each
 * headline figure, its value, how many records it counted and the digest of its
 * part of the list; the records themselves when the list is short) and the XLSX
 * sheet with every (figure, record, version) row. The SHA-256 printed is that of
 * `lineageText`, so an auditor can rebuild the text from the sheet and compare.
 */
import { createHash } from 'node:crypto';
import { formatDateTime, formatInteger } from '#domain/shared/format.ts';
import {
  distinctRecords,
  lineageText,
  recordKindLabel,
  type FigureLineage,
  type Lineage,
} from '#domain/shared/lineage.ts';
import type { ReportDocument } from '#reports/pdf/document.ts';
import { drawTable } from '#reports/pdf/table.ts';
import { colors, sizes } from '#reports/pdf/theme.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The SHA-256 printed on the report: of the canonical text of its lineage. */
export const lineageDigest = (lineage: Lineage): string => sha256(lineageText(lineage));

/** Records listed in the PDF itself when a report counted at most this many (letters, small towns). */
export const PDF_RECORD_LIST_LIMIT = 60;

const figureDigest = (f: FigureLineage) => sha256(lineageText([f]));

/**
 * The PDF annex, on a page of its own at the end of the report: what each
 * headline figure counted, and the digest that ties the report to its list.
 */
export function drawLineageAnnex(
  rd: ReportDocument,
  lineage: Lineage,
  opts: { asOf?: Date; hasWorkbook: boolean; heading?: string },
): void {
  const digest = lineageDigest(lineage);
  const total = lineage.reduce((s, f) => s + f.records.length, 0);
  rd.addPage();
  rd.heading(opts.heading ?? '附：数据溯源');
  const asOf = opts.asOf
    ? `本报告各项数字按 ${formatDateTime(opts.asOf)}（北京时间）时各记录的状态统计。`
    : '';
  const where =
    total <= PDF_RECORD_LIST_LIMIT
      ? '所计记录（编号及版本）列于下表之后。'
      : opts.hasWorkbook
        ? '所计记录（编号及版本）逐条列于随报告发送的 Excel 明细表“数据溯源”工作表。'
        : '所计记录（编号及版本）可在报告存档中查询。';
  rd.paragraph(
    `${asOf}下表列出每项主要数字所计的记录条数；${where}按“指标代码、记录类别代码、记录编号、版本”逐行排列后计算的 SHA-256 即下方溯源码，审核人员可据此复核任一数字。`,
    { indent: sizes.body * 2 },
  );
  drawTable(rd, {
    caption: '主要数字及所计记录',
    columns: [
      { header: '指标', weight: 5, cell: (f) => f.label },
      { header: '数值', weight: 1.4, align: 'right', cell: (f) => formatInteger(f.value) },
      {
        header: '所计记录',
        weight: 1.6,
        align: 'right',
        cell: (f) => `${formatInteger(f.records.length)} 条`,
      },
      { header: '分项摘要', weight: 2.2, cell: (f) => figureDigest(f).slice(0, 12) },
    ],
    rows: lineage,
  });
  if (total > 0 && total <= PDF_RECORD_LIST_LIMIT) {
    const rows = lineage.flatMap((f) => f.records.map((r) => ({ figure: f.label, ...r })));
    drawTable(rd, {
      caption: '所计记录',
      columns: [
        { header: '指标', weight: 4, cell: (r) => r.figure },
        { header: '记录类别', weight: 1.8, cell: (r) => recordKindLabel(r.kind) },
        { header: '记录编号', weight: 3.2, cell: (r) => r.id },
        { header: '版本', weight: 1, align: 'right', cell: (r) => String(r.version) },
      ],
      rows,
    });
  }
  rd.ensureSpace(60);
  rd.use('sans', sizes.small, colors.muted).text('数据溯源码（SHA-256）：', rd.left, rd.y, {
    width: rd.width,
  });
  rd.use('sans', sizes.small, colors.text).text(digest, rd.left, rd.y + 2, {
    width: rd.width,
    characterSpacing: 0.2,
    lineBreak: false,
  });
  rd.doc.x = rd.left;
  rd.gap(8);
}

/**
 * Ends a report: the lineage annex when the provenance carries one, then the
 * page furniture. Every report renderer ends through this, so none ships without
 * its annex.
 */
export function finishReport(
  rd: ReportDocument,
  provenance: { lineage?: Lineage; asOf?: Date },
  opts: { hasWorkbook: boolean; heading?: string },
): ReturnType<ReportDocument['finish']> {
  if (provenance.lineage)
    drawLineageAnnex(rd, provenance.lineage, {
      hasWorkbook: opts.hasWorkbook,
      ...(provenance.asOf ? { asOf: provenance.asOf } : {}),
      ...(opts.heading ? { heading: opts.heading } : {}),
    });
  return rd.finish();
}

/** The provenance of a report from its lineage: the digest, the distinct records, the cut-off. */
export function provenanceOf(lineage: Lineage, queriedAt: Date, asOf?: Date | string) {
  return {
    queriedAt,
    ...(asOf ? { asOf: typeof asOf === 'string' ? new Date(asOf) : asOf } : {}),
    recordCount: distinctRecords(lineage).length,
    inputSha256: lineageDigest(lineage),
    lineage,
  };
}
