import { maskFreeText } from '#domain/org/mask.ts';
import type { ReportDocument } from './document.ts';
import { colors, sizes } from './theme.ts';

/** One column of a detail table. */
export interface TableColumn<Row> {
  header: string;
  /** Relative width: columns share the text width in proportion to these weights. */
  weight: number;
  /** Numbers are right-aligned; default left. */
  align?: 'left' | 'center' | 'right';
  /** The cell text for a row. */
  cell: (row: Row, index: number) => string;
}

export interface TableSpec<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** Shown above the table, and above the repeated header on continuation pages as `…（续）`. */
  caption?: string;
  /** Table font size; never below 10.5pt so a phone can show it. */
  fontSize?: number;
}

const PAD_X = 5;
const PAD_Y = 4;
/** A row taller than this share of a page is cut with an ellipsis rather than split. */
const MAX_ROW_SHARE = 0.5;

/**
 * Draws a detail table at the cursor. Rows never split; when a row does not
 * fit, the table continues on a new page with the caption marked （续） and
 * the header row repeated. Long text wraps inside its cell; a cell too long
 * for half a page is cut with an ellipsis so nothing leaves the page.
 */
export function drawTable<Row>(rd: ReportDocument, spec: TableSpec<Row>): void {
  const { doc } = rd;
  const fontSize = Math.max(10.5, spec.fontSize ?? sizes.table);
  const lineGap = fontSize * 0.2;
  const totalWeight = spec.columns.reduce((s, c) => s + c.weight, 0);
  if (totalWeight <= 0)
    throw new RangeError('REPORT.TABLE_WIDTHS: column weights must add up to more than 0');
  const widths = spec.columns.map((c) => (rd.width * c.weight) / totalWeight);
  const xs = widths.map((_, i) => rd.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const headerHeight =
    Math.max(
      ...spec.columns.map((c, i) => rd.measure(c.header, 'sans-bold', fontSize, cellWidth(i), lineGap)),
    ) +
    2 * PAD_Y;
  const maxCellText = rd.pageBodyHeight * MAX_ROW_SHARE;

  function cellWidth(i: number): number {
    return (widths[i] ?? 0) - 2 * PAD_X;
  }

  const drawHeader = (continued: boolean): void => {
    if (continued && spec.caption) {
      rd.use('sans', sizes.small, colors.muted).text(`${spec.caption}（续）`, rd.left, rd.y, {
        width: rd.width,
        lineBreak: false,
      });
      rd.y = rd.y + 4;
    }
    const y = rd.y;
    doc.save().rect(rd.left, y, rd.width, headerHeight).fill(colors.primary).restore();
    spec.columns.forEach((c, i) => {
      rd.use('sans-bold', fontSize, '#FFFFFF').text(c.header, (xs[i] ?? 0) + PAD_X, y + PAD_Y, {
        width: cellWidth(i),
        align: c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : 'left',
        lineGap,
      });
    });
    rd.y = y + headerHeight;
  };

  const firstRowHeight = spec.rows.length > 0 ? rowHeight(0) : 0;
  const captionHeight = spec.caption ? rd.measure(spec.caption, 'sans-bold', sizes.h2, rd.width) + 6 : 0;
  rd.ensureSpace(captionHeight + headerHeight + firstRowHeight + 4);
  if (spec.caption) {
    rd.use('sans-bold', sizes.h2, colors.text).text(spec.caption, rd.left, rd.y, { width: rd.width });
    rd.gap(6);
  }
  drawHeader(false);

  function rowTexts(index: number): string[] {
    const row = spec.rows[index] as Row;
    // Masked before fitting: a number cut by the ellipsis would be too short to be recognised.
    return spec.columns.map((c, i) =>
      fitText(rd, maskFreeText(c.cell(row, index)), fontSize, cellWidth(i), maxCellText, lineGap),
    );
  }
  function heightOf(texts: readonly string[]): number {
    return (
      Math.max(...texts.map((t, i) => rd.measure(t || ' ', 'sans', fontSize, cellWidth(i), lineGap))) +
      2 * PAD_Y
    );
  }
  function rowHeight(index: number): number {
    return heightOf(rowTexts(index));
  }

  for (let index = 0; index < spec.rows.length; index++) {
    const texts = rowTexts(index);
    const h = heightOf(texts);
    if (rd.remaining < h) {
      closeTable();
      rd.addPage();
      drawHeader(true);
    }
    const y = rd.y;
    if (index % 2 === 1) doc.save().rect(rd.left, y, rd.width, h).fill(colors.zebra).restore();
    texts.forEach((t, i) => {
      const c = spec.columns[i];
      rd.use('sans', fontSize, colors.text).text(t, (xs[i] ?? 0) + PAD_X, y + PAD_Y, {
        width: cellWidth(i),
        align: c?.align ?? 'left',
        lineGap,
      });
    });
    doc
      .save()
      .moveTo(rd.left, y + h)
      .lineTo(rd.left + rd.width, y + h)
      .lineWidth(0.4)
      .strokeColor(colors.grid)
      .stroke()
      .restore();
    rd.y = y + h;
  }
  closeTable();
  doc.x = rd.left;
  rd.gap(10);

  // A darker rule closes the table on each page, so a reader sees where it ends.
  function closeTable(): void {
    doc
      .save()
      .moveTo(rd.left, rd.y)
      .lineTo(rd.left + rd.width, rd.y)
      .lineWidth(0.8)
      .strokeColor(colors.primary)
      .stroke()
      .restore();
  }
}

/**
 * `text` as it fits in `maxHeight`: whole when it fits, otherwise cut at the
 * longest prefix that fits with an ellipsis. Done here rather than with
 * pdfkit's `ellipsis` option, which drops the mark on text without spaces (Chinese).
 */
export function fitText(
  rd: ReportDocument,
  text: string,
  fontSize: number,
  width: number,
  maxHeight: number,
  lineGap: number,
): string {
  if (rd.measure(text, 'sans', fontSize, width, lineGap) <= maxHeight) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${chars.slice(0, mid).join('')}…`;
    if (rd.measure(candidate, 'sans', fontSize, width, lineGap) <= maxHeight) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}
