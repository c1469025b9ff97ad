import { formatDateTime, formatInteger } from '#domain/shared/format.ts';
import type { ReportDocument } from './document.ts';
import { colors, sizes } from './theme.ts';
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
const TILE_HEIGHT = 74;

/** Draws the first page's title block, the facts and the key-figure tiles. */
export function drawCover(rd: ReportDocument, spec: CoverSpec): void {
  if (spec.keyFigures.length < 3 || spec.keyFigures.length > 6)
    throw new RangeError(`REPORT.KEY_FIGURES: 3 to 6 key figures, got ${spec.keyFigures.length}`);
  const { doc } = rd;
  rd.gap(18);
  rd.use('serif-bold', sizes.title, colors.primary).text(spec.title, rd.left, rd.y, {
    width: rd.width,
    align: 'center',
  });
  rd.gap(4);
  rd.use('serif', sizes.subtitle, colors.text).text(spec.subtitle, rd.left, rd.y, {
    width: rd.width,
    align: 'center',
  });
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

  // Facts in two columns: the label in grey, the value in black.
  const labelWidth = 64;
  for (const f of spec.facts) {
    const y = rd.y;
    rd.use('sans', sizes.body, colors.muted).text(`${f.label}`, rd.left + 20, y, { width: labelWidth });
    rd.use('sans', sizes.body, colors.text).text(f.value, rd.left + 20 + labelWidth, y, {
      width: rd.width - 40 - labelWidth,
    });
    rd.y = Math.max(rd.y, y + sizes.body * 1.6);
  }
  rd.gap(14);
  drawKeyFigures(rd, spec.keyFigures);
}

/** Key figures as tiles, three to a row, value in large type. */
export function drawKeyFigures(rd: ReportDocument, figures: readonly KeyFigure[]): void {
  const { doc } = rd;
  const perRow = figures.length === 4 ? 2 : 3;
  const tileWidth = (rd.width - TILE_GAP * (perRow - 1)) / perRow;
  const rows = Math.ceil(figures.length / perRow);
  rd.ensureSpace(rows * (TILE_HEIGHT + TILE_GAP));
  const top = rd.y;
  figures.forEach((f, i) => {
    const x = rd.left + (i % perRow) * (tileWidth + TILE_GAP);
    const y = top + Math.floor(i / perRow) * (TILE_HEIGHT + TILE_GAP);
    const accent = f.tone === 'alert' ? colors.alert : f.tone === 'good' ? colors.good : colors.primary;
    doc.save().roundedRect(x, y, tileWidth, TILE_HEIGHT, 4).fill(colors.tile).restore();
    doc
      .save()
      .rect(x, y + 8, 3, TILE_HEIGHT - 16)
      .fill(accent)
      .restore();
    rd.use('sans', sizes.small + 1, colors.muted).text(f.label, x + 12, y + 10, {
      width: tileWidth - 20,
      lineBreak: false,
      ellipsis: true,
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
    const valueY = y + TILE_HEIGHT - 14 - size;
    const valueColor = f.tone === 'alert' ? colors.alert : colors.text;
    rd.use('sans-bold', size, valueColor).text(f.value, x + 12, valueY, { lineBreak: false });
    if (f.unit) {
      const vw = doc.widthOfString(f.value);
      rd.use('sans', unitSize, colors.muted).text(f.unit, x + 12 + vw + 4, valueY + size - unitSize - 1, {
        lineBreak: false,
      });
    }
  });
  rd.y = top + rows * (TILE_HEIGHT + TILE_GAP);
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
  const line1 = `本报告数据来源：查询时间 ${formatDateTime(p.queriedAt)}（北京时间），记录数 ${formatInteger(p.recordCount)} 条。`;
  const line2 = '输入数据 SHA-256：';
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
