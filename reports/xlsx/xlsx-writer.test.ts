import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetters, writeXlsx, zip } from './xlsx-writer.ts';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Reads a ZIP's central directory back: name → inflated content. */
function unzip(buffer: Buffer): Map<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26);
    out.set(name, inflateRawSync(buffer.subarray(dataAt, dataAt + size)).toString('utf8'));
    at += 46 + nameLength;
  }
  return out;
}

const created = new Date('2026-11-01T02:00:00Z');

describe('columnLetters', () => {
  it('counts like Excel', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('zip', () => {
  it('writes entries another reader finds, with UTF-8 names and their contents', () => {
    const files = unzip(
      zip(
        [
          ['a.txt', Buffer.from('一二三'.repeat(1000))],
          ['目录/b.xml', Buffer.from('<x/>')],
        ],
        created,
      ),
    );
    expect([...files.keys()]).toEqual(['a.txt', '目录/b.xml']);
    expect(files.get('a.txt')).toBe('一二三'.repeat(1000));
    expect(files.get('目录/b.xml')).toBe('<x/>');
  });
});

describe('writeXlsx', () => {
  const sheets = [
    {
      name: '台账',
      columns: [
        { header: '姓名', width: 12 },
        { header: '金额（元）', width: 14, numFmt: '#,##0.00' },
        { header: '比例', width: 8, numFmt: '0.0%' },
        { header: '日期', width: 12 },
        { header: '已核实', width: 8 },
      ],
      rows: [
        ['王秀兰 & <李> "家"', 1234.5, 0.25, new Date('2026-10-31T00:00:00Z'), true],
        ['  前后有空格  ', -20, null, undefined, false],
        ['控制字符\u0000\u0007在此', Number.NaN, Number.POSITIVE_INFINITY, new Date('invalid'), null],
      ],
    },
    { name: "第二'表", columns: [{ header: '说明', width: 40 }], rows: [['x'.repeat(40_000)]] },
  ];

  it('is read back cell by cell, with number formats, a frozen header and a filter', async () => {
    const wb = await read(writeXlsx(sheets, { creator: '守望 测试', created }));
    expect(wb.creator).toBe('守望 测试');
    expect(wb.created.toISOString()).toBe(created.toISOString());
    const [ws, second] = wb.worksheets;
    if (!ws || !second) throw new Error('sheets missing');
    expect(ws.name).toBe('台账');
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '金额（元）', '比例', '日期', '已核实']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('王秀兰 & <李> "家"');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect((ws.getCell('D2').value as Date).toISOString()).toBe('2026-10-31T00:00:00.000Z');
    expect(ws.getCell('E2').value).toBe(true);
    expect(ws.getCell('A3').value).toBe('  前后有空格  ');
    expect(ws.getCell('E3').value).toBe(false);
    expect(ws.getCell('C3').value).toBeNull();
    // Characters XML cannot hold are replaced; non-finite numbers and invalid dates are left empty.
    expect(ws.getCell('A4').value).toBe('控制字符\uFFFD\uFFFD在此');
    expect(ws.getCell('B4').value).toBeNull();
    expect(ws.getCell('C4').value).toBeNull();
    expect(ws.getCell('D4').value).toBeNull();
    expect(ws.getColumn(1).width).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:E1');
    expect(second.name).toBe("第二'表");
    // Excel's limit on a cell's text.
    expect((second.getCell('A2').value as string).length).toBe(32_767);
  });

  it('gives the same bytes for the same input', () => {
    expect(
      writeXlsx(sheets, { creator: 'a', created }).equals(writeXlsx(sheets, { creator: 'a', created })),
    ).toBe(true);
  });

  it('declares every part it writes and quotes the filter range of an awkward sheet name', () => {
    const parts = unzip(writeXlsx(sheets, { creator: 'a', created }));
    const types = parts.get('[Content_Types].xml') ?? '';
    for (const name of parts.keys())
      if (name.endsWith('.xml') && name !== '[Content_Types].xml') expect(types).toContain(`/${name}`);
    expect(parts.get('xl/workbook.xml')).toContain("'第二''表'!$A$1:$A$1");
  });
});
