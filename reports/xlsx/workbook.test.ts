import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { smallAnalysis } from '#reports/testing/income-fixtures.ts';
import { buildWorkbook, monthlyIncomeWorkbook, neutraliseFormula } from '#reports/xlsx/workbook.ts';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('neutraliseFormula', () => {
  it('prefixes text a spreadsheet would run', () => {
    for (const s of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['王秀兰', '1+1', 'a=b', '']) expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('buildWorkbook', () => {
  it('writes plain text where a formula was typed, keeps numbers as numbers, freezes the header', async () => {
    const buffer = await buildWorkbook([
      {
        name: '测试/表[1]',
        columns: [
          { header: '姓名', key: 'name' },
          { header: '备注', key: 'note', width: 30 },
          { header: '金额（元）', key: 'amount', numFmt: '#,##0.00' },
        ],
        rows: [
          { name: '王秀兰', note: '=1+1', amount: 1234.5 },
          { name: '李建国', note: '@SUM(A1)', amount: -20 },
          { name: '=HYPERLINK("http://x","点我")', note: '-3', amount: 0 },
        ],
      },
    ]);
    const wb = await read(buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe('测试_表_1_');
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '备注', '金额（元）']);
    expect(ws.getCell('B2').value).toBe("'=1+1");
    expect(ws.getCell('B3').value).toBe("'@SUM(A1)");
    expect(ws.getCell('A4').value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(ws.getCell('B4').value).toBe("'-3");
    expect(ws.getCell('C2').value).toBe(1234.5);
    expect(ws.getCell('C3').value).toBe(-20);
    // No cell anywhere holds a formula.
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('personal numbers in text cells', () => {
  it('are masked in every text cell, while amounts, dates and numbers stay as they were', async () => {
    const buffer = await buildWorkbook([
      {
        name: '说明',
        columns: [
          { header: '说明', key: 'note', width: 40 },
          { header: '日期', key: 'day' },
          { header: '金额', key: 'amount', numFmt: '#,##0.00' },
        ],
        rows: [
          { note: '工资卡6222 0212 3456 7890 123未到账，花费5690元', day: '2026-10-08', amount: 5690 },
          { note: '=HYPERLINK("x")13912345678', day: new Date('2026-10-08T00:00:00Z'), amount: 12.5 },
          { note: '身份证61012319900101123X', day: '2026年10月8日', amount: 0 },
        ],
      },
    ]);
    const ws = (await read(buffer)).worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('工资卡6222***********0123未到账，花费5690元');
    expect(ws.getCell('A3').value).toBe('\'=HYPERLINK("x")139****5678');
    expect(ws.getCell('A4').value).toBe('身份证610***********123X');
    expect(ws.getCell('B2').value).toBe('2026-10-08');
    expect(ws.getCell('B4').value).toBe('2026年10月8日');
    expect(ws.getCell('C2').value).toBe(5690);
  });
});

describe('monthlyIncomeWorkbook', () => {
  it('holds the detail rows of the income report', async () => {
    const wb = await read(await monthlyIncomeWorkbook(smallAnalysis));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['录入情况', '低于监测线', '收入骤降']);
    const [villages, below, falls] = wb.worksheets;
    expect(villages?.rowCount).toBe(1 + smallAnalysis.villages.length);
    expect(villages?.getRow(3).values).toEqual([undefined, '青石镇', '下河村', 20, 15, 12, 0.75]);
    expect(below?.getRow(2).values).toEqual([
      undefined,
      '青石镇',
      '下河村',
      '王秀兰',
      1350,
      5400,
      7500,
      2100,
    ]);
    expect(falls?.getCell('C2').value).toBe('张德顺');
    expect(falls?.getCell('G2').value).toBe('因病：户主住院手术，联系电话139****5678');
  });
});
