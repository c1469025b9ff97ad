import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePetitions } from '#domain/petitions/petition.analysis.ts';
import { octoberInput } from '#domain/petitions/testing/petition-fixtures.ts';
import type { RenderedReport } from '#reports/pdf/types.ts';
import { testMeta } from '#reports/testing/income-fixtures.ts';
import { pageInk, pdfFonts, pdfText, qpdfCheck, squash } from '#reports/testing/pdf-inspect.ts';
import { petitionSummaryWorkbook, renderPetitionSummary } from './petition-summary.report.ts';

/** A page with only the running header and footer inks about 0.8% at 30 dpi. */
const BLANK_PAGE_INK = 0.015;

describe('petition summary, October fixture', () => {
  const analysis = analysePetitions(octoberInput);
  let report: RenderedReport;
  let pages: string[];
  let all: string;
  beforeAll(async () => {
    report = await renderPetitionSummary(analysis, testMeta, { periodLabel: '2026年10月' });
    const text = await pdfText(report.pdf);
    pages = text.pages.map(squash);
    all = squash(text.text);
    if (process.env.PETITION_PNG_DIR) {
      fs.mkdirSync(process.env.PETITION_PNG_DIR, { recursive: true });
      fs.writeFileSync(path.join(process.env.PETITION_PNG_DIR, 'petition-summary.pdf'), report.pdf);
    }
  });

  it('opens with title, window and the hand-computed key figures', () => {
    const first = pages[0] ?? '';
    expect(first).toContain('信访舆情汇总');
    expect(first).toContain('2026年10月1日至2026年10月31日');
    // 5 received; 2 of 5 resolved = 40.0%; 2 of 3 concluded on time = 66.7%; 1 of 2 callbacks satisfied; 2 overdue; 2 opinion items.
    for (const f of [
      '受理信访件5件',
      '办结率（解决）40.0%',
      '按期办结率66.7%',
      '回访满意率50.0%',
      '逾期未办结2件',
      '网络舆情2条',
    ])
      expect(first).toContain(f);
    expect(first).toContain(testMeta.provenance.inputSha256);
  });

  it('shows counts by channel, mode, category and town', () => {
    expect(all).toContain('来访渠道窗口来访240.0%');
    expect(all).toContain('办理方式交办240.0%');
    expect(all).toContain('涉及“一收入两不愁三保障”及饮水安全的4件');
    // 东岭镇: received 3, concluded 2, resolved 2, on time 1, overdue 1, callbacks 2, satisfied 50.0%.
    expect(all).toContain('东岭镇32211250.0%');
    expect(all).toContain('西川镇21011—'.replace('—', '0—'));
  });

  it('lists overdue petitions masked, most overdue first', () => {
    expect(all).toContain('东岭镇柳树村赵**029****5678基本医疗即办—2026-09-2635');
    expect(all).toContain('西川镇石门村刘**139****1111其他限期办西川镇政府2026-10-2011');
    expect(all.indexOf('赵**')).toBeLessThan(all.indexOf('刘**'));
    expect(all).not.toContain('13900001111');
    expect(all).not.toContain('刘长河');
  });

  it('reports callbacks and public opinion', () => {
    expect(all).toContain('回访信访群众2人2次，表示满意1次，满意率50.0%');
    expect(all).toContain('发现网络舆情2条，已在官方平台回复1条，正在核查1条；回访舆情当事人2人3次');
  });

  it('numbers pages, has no blank page, passes qpdf and embeds subset fonts', async () => {
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${report.pages}页`));
    const ink = await pageInk(report.pdf);
    expect(ink).toHaveLength(report.pages);
    for (const share of ink) expect(share).toBeGreaterThan(BLANK_PAGE_INK);
    expect((await qpdfCheck(report.pdf)).code).toBe(0);
    const fonts = await pdfFonts(report.pdf);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true });
  });

  it('renders an empty period without NaN', async () => {
    const empty = analysePetitions({
      ...octoberInput,
      from: '2026-01-01',
      to: '2026-01-31',
      asOf: '2026-01-31',
      petitions: [],
      opinions: [],
    });
    const r = await renderPetitionSummary(empty, testMeta, { periodLabel: '2026年1月' });
    const t = squash((await pdfText(r.pdf)).text);
    expect(t).toContain('受理信访件0件');
    expect(t).toContain('没有逾期未办结的信访件');
    expect(t).not.toContain('NaN');
  });

  it('yields an XLSX with towns, masked overdue rows and categories', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await petitionSummaryWorkbook(analysis)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各镇办理情况', '逾期未办结', '按类别', '数据溯源']);
    const overdue = JSON.stringify(wb.getWorksheet('逾期未办结')!.getSheetValues());
    expect(overdue).toContain('029****5678');
    expect(overdue).not.toContain('02912345678');
  });
});
