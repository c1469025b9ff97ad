import { formatDateTime, formatInteger } from '#domain/shared/format.ts';
import type { ReportDocument } from './document.ts';
import type { FontFace } from './fonts.ts';
import { fitText } from './table.ts';
import { colors, sizes } from './theme.ts';
import { balancedLines } from './title-lines.ts';
import type { ReportProvenance } from './types.ts';

/** A headline figure shown as a tile on the first page. */
export interface KeyFigure {
  label: string;
  /** Already formatted, e.g. `87.5%` or `1,234`. */
  value: string;
  /** Unit written small after the value, e.g. `户`. */
  unit?: string;
  /** `alert` draws the value in red: something needs attention. */
  tone?: 'normal' | 'alert' | 'good';
}

export interface CoverSpec {
  /** Report name, e.g. 月度收入分析研判报告. */
  title: string;
  /** Usually the period, e.g. 2026年10月. */
  subtitle: string;
  /** Label–value lines under the title: 范围, 统计期, 生成时间, 编制单位. */
  facts: readonly { label: string; value: string }[];
  /** 3 to 6 headline figures. */
  keyFigures: readonly KeyFigure[];
}

const TILE_GAP = 10;
/** The least height of a key-figure tile; a label on two lines makes its row taller. */
const TILE_HEIGHT = 74;
const TILE_PAD_TOP = 10;
const TILE_PAD_BOTTOM = 14;
/** A key figure's label wraps to at most this many lines, then is cut with `…`. */
const TILE_LABEL_LINES = 2;
/** Between a fact's label and its value. */
const FACT_GAP = 12;
/** Facts are indented this much on both sides. */
const FACT_INSET = 20;

/**
 * Draws `text` centred, in lines of similar length that break between words
 * (`balancedLines`), so a long title or a long scope name wraps instead of
 * running off the page, and nothing is drawn over it: the cursor ends below.
 */
function centredLines(rd: ReportDocument, text: string, face: FontFace, size: number, color: string): void {
  const { doc } = rd;
  rd.use(face, size, color);
  for (const line of balancedLines(text, rd.width, (s) => doc.widthOfString(s))) {
    rd.use(face, size, color).text(line, rd.left, rd.y, { width: rd.width, align: 'center' });
  }
}

/** Draws the first page's title block, the facts and the key-figure tiles. */
export function drawCover(rd: ReportDocument, spec: CoverSpec): void {
  if (spec.keyFigures.length < 3 || spec.keyFigures.length > 6)
    throw new RangeError(`REPORT.KEY_FIGURES: 3 to 6 key figures, got ${spec.keyFigures.length}`);
  const { doc } = rd;
  rd.gap(18);
  centredLines(rd, spec.title, 'serif-bold', sizes.title, colors.primary);
  rd.gap(4);
  centredLines(rd, spec.subtitle, 'serif', sizes.subtitle, colors.text);
  rd.gap(16);
  doc
    .save()
    .moveTo(rd.left + rd.width * 0.3, rd.y)
    .lineTo(rd.left + rd.width * 0.7, rd.y)
    .lineWidth(1.2)
    .strokeColor(colors.primary)
    .stroke()
    .restore();
  rd.gap(14);

  // Facts in two columns: the label in grey, the value in black. The label column
  // is as wide as the longest label (办理状态截至), so no label wraps into the next
  // fact; a long value wraps in its column and the next fact starts below it.
  rd.use('sans', sizes.body);
  const labelWidth = Math.min(
    Math.max(0, ...spec.facts.map((f) => doc.widthOfString(f.label))) + 1,
    rd.width * 0.3,
  );
  const valueX = rd.left + FACT_INSET + labelWidth + FACT_GAP;
  const valueWidth = rd.left + rd.width - FACT_INSET - valueX;
  for (const f of spec.facts) {
    const y = rd.y;
    const height = Math.max(
      rd.measure(f.label, 'sans', sizes.body, labelWidth),
      rd.measure(f.value, 'sans', sizes.body, valueWidth),
    );
    rd.use('sans', sizes.body, colors.muted).text(f.label, rd.left + FACT_INSET, y, { width: labelWidth });
    rd.use('sans', sizes.body, colors.text).text(f.value, valueX, y, { width: valueWidth });
    rd.y = y + Math.max(sizes.body * 1.6, height + sizes.body * 0.3);
  }
  rd.gap(14);
  drawKeyFigures(rd, spec.keyFigures);
}

/**
 * Key figures as tiles, three to a row (two for four figures), value in large
 * type. A label wraps to two lines (then is cut with `…`) and its row of tiles
 * grows to fit it; a value too wide for its tile is drawn smaller.
 */
export function drawKeyFigures(rd: ReportDocument, figures: readonly KeyFigure[]): void {
  const { doc } = rd;
  const perRow = figures.length === 4 ? 2 : 3;
  const tileWidth = (rd.width - TILE_GAP * (perRow - 1)) / perRow;
  const labelSize = sizes.small + 1;
  const labelWidth = tileWidth - 20;
  const labelMaxHeight = rd.measure('国', 'sans', labelSize, labelWidth) * TILE_LABEL_LINES + 0.5;
  const labels = figures.map((f) => fitText(rd, f.label, labelSize, labelWidth, labelMaxHeight, 0));
  const labelHeights = labels.map((l) => rd.measure(l, 'sans', labelSize, labelWidth));
  const rowCount = Math.ceil(figures.length / perRow);
  const rowHeights = Array.from({ length: rowCount }, (_, r) =>
    Math.max(
      TILE_HEIGHT,
      ...labelHeights
        .slice(r * perRow, (r + 1) * perRow)
        .map((h) => TILE_PAD_TOP + h + 6 + sizes.tileValue + TILE_PAD_BOTTOM),
    ),
  );
  const rowTops = rowHeights.map((_, r) => rowHeights.slice(0, r).reduce((s, h) => s + h + TILE_GAP, 0));
  const total = rowHeights.reduce((s, h) => s + h + TILE_GAP, 0);
  rd.ensureSpace(total);
  const top = rd.y;
  figures.forEach((f, i) => {
    const row = Math.floor(i / perRow);
    const height = rowHeights[row] ?? TILE_HEIGHT;
    const x = rd.left + (i % perRow) * (tileWidth + TILE_GAP);
    const y = top + (rowTops[row] ?? 0);
    const accent = f.tone === 'alert' ? colors.alert : f.tone === 'good' ? colors.good : colors.primary;
    doc.save().roundedRect(x, y, tileWidth, height, 4).fill(colors.tile).restore();
    doc
      .save()
      .rect(x, y + 8, 3, height - 16)
      .fill(accent)
      .restore();
    rd.use('sans', labelSize, colors.muted).text(labels[i] ?? '', x + 12, y + TILE_PAD_TOP, {
      width: labelWidth,
    });
    // Shrink a long value rather than let it run out of its tile.
    const unitSize = sizes.body;
    rd.use('sans', unitSize);
    const unitWidth = f.unit ? doc.widthOfString(f.unit) + 4 : 0;
    let size: number = sizes.tileValue;
    rd.use('sans-bold', size);
    while (size > 10 && doc.widthOfString(f.value) + unitWidth > tileWidth - 24) {
      size -= 1;
      doc.fontSize(size);
    }
    const valueY = y + height - TILE_PAD_BOTTOM - size;
    const valueColor = f.tone === 'alert' ? colors.alert : colors.text;
    rd.use('sans-bold', size, valueColor).text(f.value, x + 12, valueY, { lineBreak: false });
    if (f.unit) {
      const vw = doc.widthOfString(f.value);
      rd.use('sans', unitSize, colors.muted).text(f.unit, x + 12 + vw + 4, valueY + size - unitSize - 1, {
        lineBreak: false,
      });
    }
  });
  rd.y = top + total;
  doc.x = rd.left;
}

/**
 * The data-provenance block: when the data was queried, how many records,
 * and the SHA-256 of the input, so an auditor can tell which data a report shows.
 * The digest is written whole and unbroken so it can be copied and compared.
 */
export function drawProvenance(rd: ReportDocument, p: ReportProvenance): void {
  if (!/^[0-9a-f]{64}$/i.test(p.inputSha256))
    throw new RangeError('REPORT.PROVENANCE_SHA256: inputSha256 must be 64 hexadecimal digits');
  if (!Number.isInteger(p.recordCount) || p.recordCount < 0)
    throw new RangeError('REPORT.PROVENANCE_COUNT: recordCount must be a non-negative integer');
  const { doc } = rd;
  const size = sizes.small;
  const inner = rd.width - 24;
  const line1 = p.lineage
    ? `本报告数据截至 ${formatDateTime(p.asOf ?? p.queriedAt)}（北京时间），查询时间 ${formatDateTime(p.queriedAt)}，据 ${formatInteger(p.recordCount)} 条记录统计；各项数字所计记录见文末“数据溯源”。`
    : `本报告数据来源：查询时间 ${formatDateTime(p.queriedAt)}（北京时间），记录数 ${formatInteger(p.recordCount)} 条。`;
  const line2 = p.lineage ? '数据溯源码（SHA-256）：' : '输入数据 SHA-256：';
  const digest = p.inputSha256.toLowerCase();
  const height =
    rd.measure(line1, 'sans', size, inner, 2) + rd.measure(line2, 'sans', size, inner) + size * 1.6 + 22;
  rd.ensureSpace(height + 6);
  const top = rd.y;
  doc
    .save()
    .roundedRect(rd.left, top, rd.width, height, 3)
    .lineWidth(0.6)
    .strokeColor(colors.rule)
    .stroke()
    .restore();
  rd.use('sans', size, colors.muted).text(line1, rd.left + 12, top + 10, { width: inner, lineGap: 2 });
  rd.use('sans', size, colors.muted).text(line2, rd.left + 12, rd.y + 2, { width: inner });
  rd.use('sans', size, colors.text).text(digest, rd.left + 12, rd.y + 1, {
    width: inner,
    characterSpacing: 0.2,
    lineBreak: false,
  });
  rd.y = top + height + 8;
  doc.x = rd.left;
}
