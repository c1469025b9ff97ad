import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '#domain/shared/format.ts';
import { drawBarChart, drawLineChart, niceCeiling } from '#reports/pdf/charts.ts';
import { drawCover, drawProvenance } from '#reports/pdf/cover.ts';
import { REPORT_MARGINS, ReportDocument } from '#reports/pdf/document.ts';
import { FONT_DIR_ENV, FONT_FILES, fontFilePaths, loadFonts } from '#reports/pdf/fonts.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';
import { drawTable } from '#reports/pdf/table.ts';
import { balancedLines } from '#reports/pdf/title-lines.ts';
import { pageInk, pdfText, qpdfCheck, squash, wordBoxes } from '#reports/testing/pdf-inspect.ts';

const newDoc = () =>
  new ReportDocument({
    title: '版式测试',
    author: '守望示范县乡村振兴局',
    createdAt: new Date('2026-11-08T01:30:00Z'),
    header: { left: '守望示范县乡村振兴局', right: '版式测试' },
    footer: 'page-of-total',
  });

describe('fonts', () => {
  it('resolves the four TTFs from the npm packages', () => {
    const paths = fontFilePaths({});
    expect(Object.keys(paths).sort()).toEqual(['sans', 'sans-bold', 'serif', 'serif-bold']);
    for (const p of Object.values(paths)) expect(existsSync(p), p).toBe(true);
    expect(FONT_FILES.map((f) => f.fileName)).toContain('NotoSansSC_400Regular.ttf');
  });

  it('reads them from SHOUWANG_FONT_DIR when set, and names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fonts-'));
    try {
      const real = fontFilePaths({});
      for (const f of FONT_FILES) await symlink(real[f.face], join(dir, f.fileName));
      const env = { [FONT_DIR_ENV]: dir };
      expect(fontFilePaths(env).serif).toBe(join(dir, 'NotoSerifSC_400Regular.ttf'));
      expect(loadFonts(env).sans.length).toBeGreaterThan(1_000_000);
      expect(() => loadFonts({ [FONT_DIR_ENV]: join(dir, 'nowhere') })).toThrow(
        /REPORT.FONT_MISSING.*NotoSansSC_400Regular/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('detail table', () => {
  it('wraps long text inside its cell, repeats the header and never leaves the text area', async () => {
    const rd = newDoc();
    const long = '因家庭主要劳动力突发疾病住院治疗，'.repeat(6);
    const huge = '长'.repeat(4000);
    const rows = Array.from({ length: 90 }, (_, i) => ({
      n: i + 1,
      name: i === 3 ? 'AVeryLongUnbrokenIdentifierWithoutSpaces'.repeat(3) : `户主${i + 1}`,
      note: i === 10 ? huge : i % 5 === 0 ? long : '正常',
      amount: 1234.5 * i,
    }));
    drawTable(rd, {
      caption: '测试表',
      columns: [
        { header: '序号', weight: 0.8, align: 'right', cell: (r) => String(r.n) },
        { header: '户主', weight: 1.5, cell: (r) => r.name },
        { header: '说明', weight: 4, cell: (r) => r.note },
        { header: '金额（元）', weight: 1.6, align: 'right', cell: (r) => r.amount.toFixed(2) },
      ],
      rows,
    });
    const { pdf, pages } = await rd.finish();
    expect(pages).toBeGreaterThan(2);
    const text = (await pdfText(pdf)).pages.map(squash);
    for (const p of text.slice(1)) expect(p).toMatch(/测试表（续）序号户主说明金额（元）/);
    // A cell too long for half a page is cut, not spilled over the footer.
    expect(text.join('')).toContain('…');
    const boxes = await wordBoxes(pdf);
    const right = 595.28 - REPORT_MARGINS.right + 1;
    for (const b of boxes) {
      expect(b.xMin, b.text).toBeGreaterThanOrEqual(REPORT_MARGINS.left - 1);
      expect(b.xMax, b.text).toBeLessThanOrEqual(right);
      expect(b.yMax, b.text).toBeLessThanOrEqual(b.pageHeight);
    }
    // Nothing but the page footer goes below the text area.
    const contentBottom = 841.89 - REPORT_MARGINS.bottom;
    for (const b of boxes.filter((x) => x.yMax > contentBottom + 1)) {
      expect(b.text).toMatch(/^(第|页|共|\d+)$/);
      expect(b.yMin).toBeGreaterThan(contentBottom + 10);
    }
    expect((await qpdfCheck(pdf)).code).toBe(0);
  });
});

describe('cover, charts and provenance', () => {
  it('draws a full first page, a bar chart over two pages and a 12-month line chart', async () => {
    const rd = newDoc();
    drawCover(rd, {
      title: '测试报告',
      subtitle: '2026年10月',
      facts: [{ label: '范围', value: '全县' }],
      keyFigures: [
        { label: '应录户数', value: '12,345', unit: '户' },
        { label: '录入率', value: '87.5%' },
        { label: '一个很长很长的数值', value: '123,456,789,012,345', unit: '户', tone: 'alert' },
      ],
    });
    drawProvenance(rd, {
      queriedAt: new Date('2026-11-08T01:00:00Z'),
      recordCount: 45000,
      inputSha256: 'a'.repeat(64),
    });
    rd.addPage();
    drawBarChart(rd, {
      title: '各村录入率',
      data: Array.from({ length: 45 }, (_, i) => ({ label: `第${i + 1}村`, value: (i % 10) / 10 + 0.05 })),
      format: (v) => formatPercent(v),
      max: 1,
      reference: { value: 0.5, label: '全县录入率' },
    });
    drawLineChart(rd, {
      title: '近 12 个月录入率',
      points: Array.from({ length: 12 }, (_, i) => ({
        label: `${i + 1}月`,
        value: i === 6 ? null : 0.6 + i * 0.03,
      })),
      format: (v) => formatPercent(v, 0),
      min: 0,
      max: 1,
    });
    const { pdf, pages } = await rd.finish();
    const text = (await pdfText(pdf)).pages.map(squash);
    expect(text[0]).toContain('123,456,789,012,345');
    expect(text[0]).toContain('记录数45,000条');
    expect(text[0]).toContain('a'.repeat(64));
    expect(text.join('')).toContain('各村录入率（续）');
    expect(text.join('')).toContain('第45村');
    expect(text.join('')).toContain('虚线为全县录入率50.0%');
    expect(text[pages - 1]).toContain('12月');
    for (const share of await pageInk(pdf)) expect(share).toBeGreaterThan(0.015);
  });

  it('refuses a provenance digest that is not SHA-256', () => {
    const rd = newDoc();
    expect(() => drawProvenance(rd, { queriedAt: new Date(), recordCount: 1, inputSha256: 'abc' })).toThrow(
      /REPORT.PROVENANCE_SHA256/,
    );
  });

  it('picks round axis ends', () => {
    expect([0, 0.87, 1, 7, 12, 380, 2600].map(niceCeiling)).toEqual([1, 1, 1, 10, 20, 500, 5000]);
  });
});

describe('balancedLines', () => {
  const widthOf = (s: string) => [...s].length * 10;
  it('keeps short titles on one line', () => {
    expect(balancedLines('关于按时录入的提醒函', 200, widthOf)).toEqual(['关于按时录入的提醒函']);
  });
  it('breaks between words into lines of similar length', () => {
    const lines = balancedLines('关于按时完成10月农户收入信息录入和核实工作的提醒函', 200, widthOf);
    expect(lines.join('')).toBe('关于按时完成10月农户收入信息录入和核实工作的提醒函');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(200);
    expect(lines.some((l) => l.endsWith('核') || l.startsWith('实'))).toBe(false);
  });
});

describe('maskPersonalNumbers', () => {
  it('is the domain rule for free text (domain/org/mask.test.ts): ID and phone numbers masked, other figures left', () => {
    expect(maskPersonalNumbers('身份证61012319900101123X，电话 139-1234-5678')).toBe(
      '身份证610***********123X，电话 139****5678',
    );
    expect(maskPersonalNumbers('座机0912-3456789')).toBe('座机0912***6789');
    expect(maskPersonalNumbers('住院12天，花费8650元，2026年10月')).toBe('住院12天，花费8650元，2026年10月');
  });
});

describe('personal numbers in free text', () => {
  it('are masked in every paragraph and table cell the document prints, even in a cell cut short', async () => {
    const rd = newDoc();
    const card = '6222021234567890123';
    rd.paragraph(`户主反映工资卡${card}未到账，联系电话13912345678，花费5690元（2026-10-08）。`);
    drawTable(rd, {
      columns: [
        { header: '说明', weight: 1, cell: (r: { note: string }) => r.note },
        { header: '金额', weight: 1, align: 'right', cell: () => '5690' },
      ],
      // Far too long for a row: the ellipsis cuts it, wherever the cut falls no digits of a card are left over.
      rows: [{ note: '卡号 6217 0000 1234 5678；'.repeat(60) }, { note: '座机0917-1234567' }],
    });
    const raw = (await pdfText((await rd.finish()).pdf)).text;
    expect(raw).not.toMatch(/\d{5,}/);
    expect(raw).not.toContain('0000');
    const text = squash(raw);
    expect(text).toContain('…');
    for (const masked of ['6222***********0123', '139****5678', '6217********5678', '0917***4567'])
      expect(text).toContain(masked);
    expect(text).toContain('5690元（2026-10-08）');
  });
});
