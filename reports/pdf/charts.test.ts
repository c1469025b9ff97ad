/**
 * Axes of counts: the data-quality chart once read `0 0 0 1 1 1` (ticks at 0.2
 * steps written as whole numbers). Checked on the axis arithmetic and on the
 * tick labels as printed.
 */
import { describe, expect, it } from 'vitest';
import { formatInteger } from '#domain/shared/format.ts';
import { countAxis, drawBarChart } from '#reports/pdf/charts.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { wordBoxes } from '#reports/testing/pdf-inspect.ts';

const newDoc = () =>
  new ReportDocument({
    title: '图表测试',
    author: '守望示范县乡村振兴局',
    createdAt: new Date('2026-11-08T01:30:00Z'),
    header: { left: '守望示范县乡村振兴局', right: '图表测试' },
    footer: 'page-of-total',
  });

/** The axis labels under a chart whose values are written `N 条`: the bare numbers on the page. */
async function tickLabels(values: readonly number[], opts: { integer?: boolean } = {}): Promise<string[]> {
  const rd = newDoc();
  drawBarChart(rd, {
    title: '各镇（街道）发现错误数',
    data: values.map((value, i) => ({ label: `第${i + 1}镇`, value })),
    format: (v) => `${formatInteger(v)} 条`,
    tickFormat: (v) => formatInteger(v),
    ...opts,
  });
  const boxes = await wordBoxes((await rd.finish()).pdf);
  const bars = boxes.filter((b) => b.text === '条');
  const below = Math.max(...bars.map((b) => b.yMax));
  // Tick labels sit just under the last bar (the page number, further down, is not one), left to right.
  return boxes
    .filter((b) => /^[\d,.]+$/.test(b.text) && b.yMin > below && b.yMin < below + 30)
    .sort((a, b) => a.xMin - b.xMin)
    .map((b) => b.text);
}

describe('count axes', () => {
  it('has distinct whole-number ticks from 0 for every small and large maximum', () => {
    for (let largest = 0; largest <= 300; largest++) {
      const { max, ticks } = countAxis(largest);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBe(max);
      expect(max).toBeGreaterThanOrEqual(Math.max(largest, 1));
      expect(ticks.length, `largest ${largest}`).toBeGreaterThanOrEqual(2);
      expect(ticks.length, `largest ${largest}`).toBeLessThanOrEqual(6);
      for (const t of ticks) expect(Number.isInteger(t), `largest ${largest}: ${t}`).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
    expect(countAxis(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(12).ticks).toEqual([0, 5, 10, 15]);
  });

  it('prints 0 and 1, once each, for counts of at most one', async () => {
    expect(await tickLabels([1, 0])).toEqual(['0', '1']);
    expect(await tickLabels([0, 0])).toEqual(['0', '1']);
  });

  it('prints whole, distinct ticks for a few errors per town, by default and when asked', async () => {
    for (const labels of [await tickLabels([3, 1, 2]), await tickLabels([7, 2], { integer: true })]) {
      expect(new Set(labels).size).toBe(labels.length);
      for (const l of labels) expect(l).toMatch(/^\d+$/);
      expect(labels[0]).toBe('0');
    }
    expect(await tickLabels([7, 2])).toEqual(['0', '2', '4', '6', '8']);
  });

  it('cuts a bar label too long for its column instead of wrapping it into the next bar', async () => {
    const rd = newDoc();
    const long = '守望示范县红林镇与南坡镇联合易地扶贫搬迁集中安置区社区党群服务中心第二网格';
    drawBarChart(rd, {
      title: '各村录入率',
      data: [
        { label: long, value: 0.5 },
        { label: '北湾村', value: 0.9 },
      ],
      format: (v) => `${Math.round(v * 100)}%`,
      max: 1,
    });
    const boxes = await wordBoxes((await rd.finish()).pdf);
    const label = boxes.find((b) => b.text.startsWith('守望示范县红林镇'));
    expect(label?.text).toMatch(/…$/);
    const next = boxes.find((b) => b.text === '北湾村')!;
    expect(label!.yMax).toBeLessThanOrEqual(next.yMin + 1);
  });
});
