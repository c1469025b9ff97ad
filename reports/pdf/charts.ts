import type { ReportDocument } from './document.ts';
import { colors, sizes } from './theme.ts';
import { fitLine } from './title-lines.ts';

/** One bar: a category and its value. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartSpec {
  title: string;
  data: readonly BarDatum[];
  /** Writes the values at the bars' ends and in the reference note. */
  format: (value: number) => string;
  /** Writes the axis ticks; defaults to `format`. */
  tickFormat?: (value: number) => string;
  /** Axis maximum; by default a round number at or above the largest value. */
  max?: number;
  /**
   * The values are counts: the axis ticks are distinct whole numbers (0, 1 for a
   * largest value of 1, never 0, 0.2, 0.4 … written as 0 0 0 1 1 1). By default,
   * when no `max` is given and every value is a whole number.
   */
  integer?: boolean;
  /** A dashed reference line (e.g. the county's overall rate); bars below it are drawn in orange. */
  reference?: { value: number; label: string };
  /** A sentence under the chart explaining what is shown. */
  note?: string;
}

export interface LinePoint {
  /** Axis label, e.g. `10月`. */
  label: string;
  /** `null` where there is no figure for that point: the line is broken there. */
  value: number | null;
}

export interface LineChartSpec {
  title: string;
  points: readonly LinePoint[];
  format: (value: number) => string;
  /** Axis range; by default 0 to a round number at or above the largest value. */
  min?: number;
  max?: number;
  /** Height of the plot area in points. */
  height?: number;
  note?: string;
}

const ROW = 21;
const BAR = 13;
const TICKS = 5;

/** A round number at or above `v`, for an axis end. */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= v - 1e-12) return step * magnitude;
  return 10 * magnitude;
}

function ticks(min: number, max: number): number[] {
  return Array.from({ length: TICKS + 1 }, (_, i) => min + ((max - min) * i) / TICKS);
}

/**
 * An axis for counts from 0: a whole-number step of 1, 2, 5, 10, 20, 25, 50 …
 * giving at most 5 intervals, and the axis end the first multiple of the step at
 * or above `largest` (at least one step). Every tick is a distinct integer.
 */
export function countAxis(largest: number): { max: number; ticks: number[] } {
  const target = Math.max(largest, 0) / TICKS;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(target, 1))));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => Number.isInteger(s) && s >= target - 1e-9) ??
    10 * magnitude;
  const max = Math.max(step, Math.ceil(largest / step - 1e-9) * step);
  return { max, ticks: Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step) };
}

function dashedLine(rd: ReportDocument, x1: number, y1: number, x2: number, y2: number, color: string): void {
  rd.doc
    .save()
    .moveTo(x1, y1)
    .lineTo(x2, y2)
    .lineWidth(1)
    .dash(3, { space: 2 })
    .strokeColor(color)
    .stroke()
    .undash()
    .restore();
}

/**
 * A horizontal bar chart, one bar per category with its value written at the
 * bar's end. Horizontal because Chinese place names are long and read best
 * on their own line; many bars continue on the next page under `…（续）`.
 */
export function drawBarChart(rd: ReportDocument, spec: BarChartSpec): void {
  const { doc } = rd;
  if (spec.data.length === 0) {
    rd.subheading(spec.title);
    rd.paragraph('暂无可显示的数据。', { color: colors.muted });
    return;
  }
  const largest = Math.max(0, ...spec.data.map((d) => d.value), spec.reference?.value ?? 0);
  const integer =
    spec.integer ??
    (spec.max === undefined &&
      spec.data.every((d) => Number.isInteger(d.value)) &&
      (spec.reference === undefined || Number.isInteger(spec.reference.value)));
  const counts = integer ? countAxis(spec.max ?? largest) : undefined;
  const max = counts?.max ?? spec.max ?? niceCeiling(largest);
  const axisTicks = counts?.ticks ?? ticks(0, max);
  rd.use('sans', sizes.table);
  const longestLabel = Math.max(0, ...spec.data.map((d) => doc.widthOfString(d.label)));
  const labelWidth = Math.min(Math.max(longestLabel + 10, 60), rd.width * 0.3);
  const valueWidth = Math.max(48, ...spec.data.map((d) => doc.widthOfString(spec.format(d.value)) + 8));
  const plotWidth = rd.width - labelWidth - valueWidth;
  const plotX = rd.left + labelWidth;
  const xOf = (v: number): number => plotX + (Math.max(0, Math.min(v, max)) / max) * plotWidth;
  const titleHeight = sizes.h2 * 1.6 + (spec.reference ? sizes.small * 1.8 : 0);
  const axisHeight = sizes.small * 2.2;

  let start = 0;
  let part = 0;
  while (start < spec.data.length) {
    if (rd.remaining < titleHeight + axisHeight + ROW * Math.min(3, spec.data.length - start)) rd.addPage();
    const fit = Math.max(1, Math.floor((rd.remaining - titleHeight - axisHeight) / ROW));
    const chunk = spec.data.slice(start, start + fit);
    rd.use('sans-bold', sizes.h2, colors.text).text(
      part === 0 ? spec.title : `${spec.title}（续）`,
      rd.left,
      rd.y,
      {
        width: rd.width,
      },
    );
    if (spec.reference) {
      rd.use('sans', sizes.small, colors.muted).text(
        `虚线为${spec.reference.label} ${spec.format(spec.reference.value)}，低于该水平的以橙色标示。`,
        rd.left,
        rd.y + 1,
        { width: rd.width },
      );
    }
    rd.gap(6);
    const top = rd.y;
    const plotHeight = chunk.length * ROW;
    // Grid lines and tick labels.
    for (const t of axisTicks) {
      const x = xOf(t);
      doc
        .save()
        .moveTo(x, top)
        .lineTo(x, top + plotHeight)
        .lineWidth(0.5)
        .strokeColor(colors.grid)
        .stroke()
        .restore();
      rd.use('sans', sizes.small, colors.muted).text(
        (spec.tickFormat ?? spec.format)(t),
        x - 30,
        top + plotHeight + 4,
        {
          width: 60,
          align: 'center',
          lineBreak: false,
        },
      );
    }
    chunk.forEach((d, i) => {
      const y = top + i * ROW;
      const below = spec.reference !== undefined && d.value < spec.reference.value;
      // One line, cut with `…` when too long: a wrapped label would run into the next bar's.
      rd.use('sans', sizes.table, colors.text);
      const label = fitLine(d.label, labelWidth - 9, (t) => doc.widthOfString(t));
      rd.use('sans', sizes.table, colors.text).text(label, rd.left, y + (ROW - sizes.table) / 2 - 1, {
        width: labelWidth - 8,
        align: 'right',
        lineBreak: false,
      });
      const barEnd = xOf(d.value);
      if (barEnd > plotX) {
        doc
          .save()
          .rect(plotX, y + (ROW - BAR) / 2, barEnd - plotX, BAR)
          .fill(below ? colors.warn : colors.primary)
          .restore();
      }
      rd.use('sans', sizes.small + 0.5, colors.text).text(
        spec.format(d.value),
        barEnd + 4,
        y + (ROW - sizes.small) / 2 - 1,
        {
          lineBreak: false,
        },
      );
    });
    doc
      .save()
      .moveTo(plotX, top)
      .lineTo(plotX, top + plotHeight)
      .lineWidth(0.8)
      .strokeColor(colors.muted)
      .stroke()
      .restore();
    if (spec.reference) {
      const x = xOf(spec.reference.value);
      dashedLine(rd, x, top - 3, x, top + plotHeight + 3, colors.alert);
    }
    rd.y = top + plotHeight + axisHeight;
    doc.x = rd.left;
    start += chunk.length;
    part += 1;
  }
  if (spec.note) rd.paragraph(spec.note, { size: sizes.small, color: colors.muted });
  rd.gap(8);
}

/**
 * A line chart of a series over time (e.g. 12 months), with each value
 * written above its point so the figures can be read without the axis.
 */
export function drawLineChart(rd: ReportDocument, spec: LineChartSpec): void {
  const { doc } = rd;
  const values = spec.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const min = spec.min ?? 0;
  const max = spec.max ?? niceCeiling(Math.max(min + 1e-9, ...values));
  const plotHeight = spec.height ?? 170;
  rd.use('sans', sizes.small);
  const axisLabelWidth = Math.max(...ticks(min, max).map((t) => doc.widthOfString(spec.format(t)))) + 8;
  const titleHeight = sizes.h2 * 1.6 + 14;
  const xLabelHeight = sizes.small * 2.4;
  rd.ensureSpace(titleHeight + plotHeight + xLabelHeight + 10);
  rd.use('sans-bold', sizes.h2, colors.text).text(spec.title, rd.left, rd.y, { width: rd.width });
  rd.gap(14);
  const top = rd.y;
  const plotX = rd.left + axisLabelWidth;
  const plotWidth = rd.width - axisLabelWidth - 10;
  const yOf = (v: number): number =>
    top + plotHeight - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plotHeight;
  const step = spec.points.length > 1 ? plotWidth / spec.points.length : plotWidth;
  const xOf = (i: number): number => plotX + step * (i + 0.5);

  for (const t of ticks(min, max)) {
    const y = yOf(t);
    doc
      .save()
      .moveTo(plotX, y)
      .lineTo(plotX + plotWidth, y)
      .lineWidth(0.5)
      .strokeColor(colors.grid)
      .stroke()
      .restore();
    rd.use('sans', sizes.small, colors.muted).text(spec.format(t), rd.left, y - sizes.small / 2 - 1, {
      width: axisLabelWidth - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  doc
    .save()
    .moveTo(plotX, top + plotHeight)
    .lineTo(plotX + plotWidth, top + plotHeight)
    .lineWidth(0.8)
    .strokeColor(colors.muted)
    .stroke()
    .restore();

  // The line, broken where a month has no figure.
  doc.save().lineWidth(2).strokeColor(colors.primary);
  let drawing = false;
  spec.points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOf(i), yOf(p.value));
    else doc.moveTo(xOf(i), yOf(p.value));
    drawing = true;
  });
  doc.stroke().restore();

  spec.points.forEach((p, i) => {
    const x = xOf(i);
    rd.use('sans', sizes.small, colors.muted).text(p.label, x - step / 2, top + plotHeight + 5, {
      width: step,
      align: 'center',
      lineBreak: false,
    });
    if (p.value === null) return;
    const y = yOf(p.value);
    doc.save().circle(x, y, 3).fillAndStroke('#FFFFFF', colors.primary).restore();
    rd.use('sans', sizes.small, colors.text).text(
      spec.format(p.value),
      x - step / 2 - 6,
      y - sizes.small - 6,
      {
        width: step + 12,
        align: 'center',
        lineBreak: false,
      },
    );
  });
  rd.y = top + plotHeight + xLabelHeight;
  doc.x = rd.left;
  if (spec.note) rd.paragraph(spec.note, { size: sizes.small, color: colors.muted });
  rd.gap(8);
}
