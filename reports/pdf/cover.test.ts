/**
 * The cover page and the running header under long names: a long title, a long
 * scope, labels longer than their column or tile. Checked on the words' boxes
 * (`pdftotext -bbox`: no text drawn over text, nothing past the margins) and on
 * the page rendered to pixels (`pdftoppm`: no ink in the side margins).
 * `SHOUWANG_COVER_PNG=DIR` also writes the pages as PNG to look at.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawCover, drawProvenance, type KeyFigure } from '#reports/pdf/cover.ts';
import { REPORT_MARGINS, ReportDocument } from '#reports/pdf/document.ts';
import {
  inkIn,
  overlappingWords,
  pdfText,
  renderPages,
  squash,
  wordBoxes,
  type WordBox,
} from '#reports/testing/pdf-inspect.ts';

const A4 = { width: 595.28, height: 841.89 };
const DPI = 60;
const longTitle = '关于守望示范县2026年第三季度防止返贫动态监测和帮扶工作收入分析研判会议材料（汇编）';
const longScope =
  '守望示范县红林镇与南坡镇联合易地扶贫搬迁集中安置区社区党群服务中心（第二网格、第三网格、第四网格）';
const longOffice = '守望示范县乡村振兴局（守望示范县防止返贫动态监测和帮扶工作领导小组办公室）';
const longLabel = '驻村过夜达标率（联镇县级领导、县直部门负责人）';
const veryLongLabel =
  '联系省级重点帮扶村的县级领导每月到村次数达标率（含联镇县级领导、县直部门负责人、驻村第一书记）';

function figures(n: number): KeyFigure[] {
  const all: KeyFigure[] = [
    { label: '应走访对象', value: '531', unit: '个' },
    { label: longLabel, value: '0.0%', tone: 'alert' },
    { label: '信息员配备达标率', value: '100.0%', tone: 'good' },
    { label: veryLongLabel, value: '12', unit: '人' },
    { label: '整改率', value: '—' },
    { label: '一个很长很长的数值', value: '123,456,789,012,345', unit: '户', tone: 'alert' },
  ];
  return all.slice(0, n);
}

async function longCover(tiles: number, pngDir?: string) {
  const rd = new ReportDocument({
    title: '版式测试',
    author: '守望示范县乡村振兴局',
    createdAt: new Date('2026-11-08T01:30:00Z'),
    header: { left: longOffice, right: `2026年11月2日至11月8日 ${longTitle}` },
    footer: 'page-of-total',
  });
  drawCover(rd, {
    title: longTitle,
    subtitle: `${longScope}2026年第三季度（逢四研事）`,
    facts: [
      { label: '范　　围', value: longScope },
      { label: '办理状态截至', value: '2026年10月31日' },
      { label: '逾期判定日', value: '2026年10月31日' },
      { label: '生成时间', value: '2026年11月14日 09:00（北京时间）' },
      { label: '编制单位', value: longOffice },
    ],
    keyFigures: figures(tiles),
  });
  drawProvenance(rd, {
    queriedAt: new Date('2026-11-08T01:00:00Z'),
    recordCount: 3,
    inputSha256: 'a'.repeat(64),
  });
  const { pdf } = await rd.finish();
  const boxes = (await wordBoxes(pdf)).filter((b) => b.page === 1);
  const text = squash((await pdfText(pdf)).pages[0] ?? '');
  const [page] = await renderPages(pdf, { dpi: DPI, first: 1, last: 1, ...(pngDir ? { pngDir } : {}) });
  return { boxes, text, page: page! };
}

const describeBoxes = (pairs: [WordBox, WordBox][]) => pairs.map(([a, b]) => `“${a.text}” over “${b.text}”`);

describe('cover page with long names', () => {
  for (const tiles of [6, 4]) {
    it(`wraps a long title, scope and labels without drawing text over text (${tiles} key figures)`, async () => {
      const pngDir = process.env.SHOUWANG_COVER_PNG;
      if (pngDir) mkdirSync(pngDir, { recursive: true });
      const { boxes, text, page } = await longCover(tiles, pngDir);
      expect(describeBoxes(overlappingWords(boxes))).toEqual([]);

      // Everything is printed, wrapped rather than cut: title, scope, the office.
      expect(text).toContain(squash(longTitle));
      expect(text).toContain(squash(longScope));
      expect(text).toContain(squash(longOffice));
      // A label wider than its column stays on one line, so it cannot run into the next fact.
      expect(boxes.map((b) => b.text)).toContain('办理状态截至');
      // A tile label wraps to two lines; one longer still is cut with an ellipsis, not spilled.
      expect(text).toContain(squash(longLabel));
      if (tiles > 3) {
        expect(text).not.toContain(squash(veryLongLabel));
        expect(text).toMatch(/联系省级重点帮扶村[^…]*…/);
      }

      // Nothing leaves the text area: by the words' boxes and by the rendered pixels.
      const right = A4.width - REPORT_MARGINS.right;
      for (const b of boxes) {
        expect(b.xMin, b.text).toBeGreaterThanOrEqual(REPORT_MARGINS.left - 1);
        expect(b.xMax, b.text).toBeLessThanOrEqual(right + 1);
      }
      const body = { yMin: REPORT_MARGINS.top - 40, yMax: A4.height - REPORT_MARGINS.bottom + 40 };
      expect(inkIn(page, DPI, { xMin: 0, xMax: REPORT_MARGINS.left - 3, ...body })).toBe(0);
      expect(inkIn(page, DPI, { xMin: right + 3, xMax: A4.width, ...body })).toBe(0);
      // And the page is not blank where the cover is.
      expect(
        inkIn(page, DPI, { xMin: REPORT_MARGINS.left, xMax: right, yMin: 80, yMax: 400 }),
      ).toBeGreaterThan(500);
    });
  }

  it('keeps the running header on one line each side, cutting the longer text', async () => {
    const { boxes } = await longCover(6);
    const header = boxes.filter((b) => b.yMax < REPORT_MARGINS.top - 12);
    expect(header.length).toBeGreaterThan(0);
    const lineTop = header[0]!.yMin;
    for (const b of header) expect(Math.abs(b.yMin - lineTop), b.text).toBeLessThan(1);
    expect(header.some((b) => b.text.endsWith('…'))).toBe(true);
    expect(describeBoxes(overlappingWords(header))).toEqual([]);
  });
});
