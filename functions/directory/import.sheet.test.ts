import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsv, formatOf, parseCsv, readSheet } from './import.sheet.ts';

/** GBK bytes of a short text: Node has a GBK decoder but no encoder, so the table is tiny and by hand. */
const gbk: Record<string, number[]> = {
  户: [0xbb, 0xa7],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  王: [0xcd, 0xf5],
};
const toGbk = (s: string) => Buffer.from([...s].flatMap((ch) => gbk[ch] ?? [ch.charCodeAt(0)]));

describe('CSV', () => {
  it('detects GBK when the bytes are not UTF-8, and reads UTF-8 with or without BOM', () => {
    const bytes = toGbk('户编号,王\r\n');
    expect(decodeCsv(bytes)).toEqual({ text: '户编号,王\r\n', encoding: 'gbk' });
    expect(decodeCsv(Buffer.from('户编号', 'utf8')).encoding).toBe('utf-8');
  });

  it('parses quotes, doubled quotes and newlines inside quotes', () => {
    expect(parseCsv('a,"b,1","c ""x""\nd"\r\n1,2,3')).toEqual([
      ['a', 'b,1', 'c "x"\nd'],
      ['1', '2', '3'],
    ]);
  });

  it('finds the header below a title row and marks `=` cells as formulas', async () => {
    const csv =
      '\uFEFF柳树村农户信息表,,\n户编号,村/社区,户主姓名,户类别,家庭人口\nH1,T01V001,王建国,脱贫户,=2+2\n';
    const s = await readSheet('households', 'a.csv', Buffer.from(csv, 'utf8'));
    expect(s.headerRow).toBe(2);
    expect(s.rows[0]).toMatchObject({ row: 3 });
    expect(s.rows[0]?.cells[4]).toEqual({ value: '=2+2', formula: true });
  });
});

describe('XLSX', () => {
  it('reads values, formulas and merged ranges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('农户');
    ws.addRow(['户编号', '村/社区', '户主姓名', '户类别', '家庭人口']);
    ws.addRow(['H1', 'T01V001', '王建国', '脱贫户', 4]);
    ws.addRow(['H2', 'T01V001', '李秀英', '脱贫户', { formula: 'E2-2', result: 2 }]);
    ws.addRow(['H3', 'T01V001', '赵大山', '一般农户', 3]);
    ws.mergeCells('B3:B4');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const s = await readSheet('households', '农户.xlsx', bytes);
    expect(s.header).toEqual(['户编号', '村/社区', '户主姓名', '户类别', '家庭人口']);
    expect(s.rows[0]?.cells.map((c) => c.value)).toEqual(['H1', 'T01V001', '王建国', '脱贫户', 4]);
    expect(s.rows[1]?.cells[4]).toMatchObject({ formula: true });
    expect(s.merges).toEqual([{ top: 3, left: 2, bottom: 4, right: 2 }]);
  });

  it('refuses old .xls and unknown formats with a clear code', () => {
    expect(() => formatOf('a.xls', Buffer.from([0xd0, 0xcf]))).toThrow(
      expect.objectContaining({ code: 'IMPORT.OLD_XLS' }),
    );
    expect(() => formatOf('a.pdf', Buffer.from('%PDF'))).toThrow(
      expect.objectContaining({ code: 'IMPORT.BAD_FORMAT' }),
    );
  });
});
