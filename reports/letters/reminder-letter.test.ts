import { beforeAll, describe, expect, it } from 'vitest';
import { chineseOrdinal, reminderItemText, renderReminderLetter } from '#reports/letters/reminder-letter.ts';
import type { RenderedReport } from '#reports/pdf/types.ts';
import { reminderLetter } from '#reports/testing/letter-fixtures.ts';
import { pageInk, pdfFonts, pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';

describe('chineseOrdinal and item text', () => {
  it('counts the way official documents do', () => {
    expect([1, 2, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
    expect(() => chineseOrdinal(0)).toThrow(RangeError);
  });
  it('writes the due date in Chinese and ends the sentence once', () => {
    expect(reminderItemText({ description: '下河村5户未录入。', dueBy: '2026-11-15' }, 0)).toBe(
      '一、下河村5户未录入，请于2026年11月15日前整改到位。',
    );
    expect(reminderItemText({ description: '补齐台账', dueBy: '本月底' }, 1)).toBe(
      '二、补齐台账，请于本月底前整改到位。',
    );
  });
});

describe('reminder letter', () => {
  let letter: RenderedReport;
  let pages: string[];
  beforeAll(async () => {
    letter = await renderReminderLetter(reminderLetter());
    pages = (await pdfText(letter.pdf)).pages.map(squash);
  });

  it('carries masthead, number, title, addressee, items and signature in order', () => {
    const all = pages.join('');
    const order = [
      '守望示范县乡村振兴局',
      '守衔提〔2026〕7号',
      '关于按时完成10月农户收入信息录入和核实工作的提醒函',
      '青石镇人民政府：',
      '根据县收入分析研判制度',
      '一、下河村10月收入信息尚有5户未录入，请于2026年11月15日前整改到位。',
      '二、南沟村3户收入骤降农户未填写下降原因，请于2026年11月15日前整改到位。',
      '三、柳树坪村2户年化人均纯收入低于监测线，尚未开展入户核实，请于2026年11月20日前整改到位。',
      '特此函告。',
      '守望示范县乡村振兴局2026年11月8日',
    ];
    let at = -1;
    for (const part of order) {
      const found = all.indexOf(part, at + 1);
      expect(found, part).toBeGreaterThan(at);
      at = found;
    }
  });

  it('keeps the closing paragraph with the signature', () => {
    const last = pages[pages.length - 1] ?? '';
    expect(last).toContain('特此函告。守望示范县乡村振兴局2026年11月8日');
  });

  it('embeds Noto Serif SC as a subset, passes qpdf and has no blank page', async () => {
    const fonts = await pdfFonts(letter.pdf);
    expect(fonts.some((f) => /^[A-Z]{6}\+NotoSerifSC-Regular$/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /^[A-Z]{6}\+NotoSerifSC-Bold$/.test(f.name))).toBe(true);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true });
    expect((await qpdfCheck(letter.pdf)).code).toBe(0);
    for (const share of await pageInk(letter.pdf)) expect(share).toBeGreaterThan(0.015);
  });

  it('numbers pages — N — from the second page, leaving the first unnumbered', async () => {
    const long = await renderReminderLetter(reminderLetter(14));
    expect(long.pages).toBeGreaterThanOrEqual(3);
    const longPages = (await pdfText(long.pdf)).pages.map(squash);
    expect(longPages[0]).not.toMatch(/—1—/);
    for (let n = 2; n <= long.pages; n++) expect(longPages[n - 1]).toContain(`—${n}—`);
    expect(longPages.join('')).toContain('十四、');
  });

  it('refuses a letter without items', async () => {
    await expect(renderReminderLetter({ ...reminderLetter(), items: [] })).rejects.toThrow(/LETTER.NO_ITEMS/);
  });
});
