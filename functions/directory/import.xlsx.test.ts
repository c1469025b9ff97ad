/**
 * The streaming XLSX reader on real files: written by exceljs (shared strings,
 * formulas, merges, dates) and by the project's own writer (inline strings), read
 * both ways and compared with what exceljs reads; then the limits, each on a file
 * made to break it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetCell } from '#domain/directory/import.ts';
import { writeXlsx, zip } from '#reports/xlsx/xlsx-writer.ts';
import { defaultXlsxLimits, isDateFormat, readFirstSheet } from './import.xlsx.ts';

type Rows = { row: number; cells: SheetCell[] }[];

/** What the reader before this one (exceljs, `eachRow` without empty rows) gave for the first sheet. */
async function viaExceljs(bytes: Buffer): Promise<{ rows: Rows; merges: unknown[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: Rows = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = r.getCell(c);
      const v = cell.value;
      if (cell.formula || cell.type === ExcelJS.ValueType.Formula)
        cells.push({ value: cell.text, formula: true });
      else if (v === null || v === undefined) cells.push({ value: null });
      else if (typeof v === 'object' && !(v instanceof Date)) {
        if ('richText' in v) cells.push({ value: v.richText.map((t) => t.text).join('') });
        else if ('text' in v) cells.push({ value: String(v.text) });
        else if ('error' in v) cells.push({ value: String(v.error) });
        else cells.push({ value: cell.text });
      } else cells.push({ value: v });
    }
    rows.push({ row: n, cells });
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((range) => {
    const [a, b] = range.split(':') as [string, string?];
    const tl = ws.getCell(a);
    const br = ws.getCell(b ?? a);
    return { top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
  });
  return { rows, merges };
}

/** Rows without trailing empty cells: exceljs pads every row to the widest, the stream reader does not. */
const trimmed = (rows: Rows) =>
  rows.map(({ row, cells }) => {
    const c = [...cells];
    while (c.length && c.at(-1)!.value === null && !c.at(-1)!.formula) c.pop();
    return { row, cells: c.map((x) => ({ ...x })) };
  });

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook of hand-written parts: the sheet XML (inside `<worksheet>`) and, optionally, the others. */
function handMade(
  sheetBody: string,
  opts: { strings?: string; styles?: string; workbookPr?: string; prefix?: string } = {},
): Buffer {
  const p = opts.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: [string, string][] = [
    [
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}">${opts.workbookPr ?? ''}<${p}sheets><${p}sheet name="表1" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (opts.strings
          ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
          : '') +
        (opts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="/xl/styles.xml"/>` : '') +
        '</Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', `<${p}worksheet ${ns}>${sheetBody}</${p}worksheet>`],
  ];
  if (opts.strings) parts.push(['xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${opts.strings}</sst>`]);
  if (opts.styles) parts.push(['xl/styles.xml', `<styleSheet xmlns="${MAIN}">${opts.styles}</styleSheet>`]);
  return zip(
    parts.map(([n, x]) => [n, Buffer.from(x, 'utf8')]),
    new Date('2026-11-01T00:00:00Z'),
  );
}

/** Offset of the central directory entry of `name` in a `zip()` archive. */
function centralEntry(bytes: Buffer, name: string): number {
  const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  for (let i = at; i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
    const len = bytes.readUInt16LE(i + 28);
    if (bytes.toString('utf8', i + 46, i + 46 + len) === name) return i;
  }
  throw new Error(`no entry ${name}`);
}

const code = (e: unknown) => (e as { code?: string }).code;
async function failure(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return { code: code(e), message: (e as Error).message };
  }
  throw new Error('expected a failure');
}

describe('readFirstSheet: values as exceljs read them', () => {
  it('reads an exceljs workbook: shared and rich strings, numbers, dates, booleans, errors, formulas, links, merges, gaps', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('农户');
    wb.addWorksheet('第二张'); // only the first sheet is read
    ws.addRow(['柳树村农户信息表']);
    ws.addRow([]);
    ws.addRow(['户编号', '村/社区', '户主姓名', '户类别', '家庭人口', '登记日期', '在册', '备注']);
    ws.addRow(['H1', 'T01V001', '王建国', '脱贫户', 4, new Date(Date.UTC(2026, 9, 8)), true, 'a & b < c']);
    ws.addRow([
      'H2',
      'T01V001',
      '李秀英',
      '脱贫户',
      { formula: 'E4-2', result: 2 },
      null,
      false,
      { error: '#N/A' },
    ]);
    ws.addRow([
      'H3',
      { richText: [{ text: 'T01' }, { font: { bold: true }, text: 'V002' }] },
      { text: '赵大山', hyperlink: 'https://example.org/' },
      '一般农户',
      3.5,
      null,
      null,
      ' 前后有空格 ',
    ]);
    ws.getCell('E7').value = { sharedFormula: 'E5', result: 7 } as unknown as ExcelJS.CellValue;
    ws.getCell('A7').value = 'H4';
    ws.getCell('J7').value = '远处的单元格';
    ws.getRow(9).getCell(2).style = { font: { bold: true } }; // a styled empty cell: the row stays empty
    ws.getCell('A10').value = '';
    ws.getCell('I6').value = {
      richText: [{ text: '第' }, { font: { bold: true }, text: '二' }, { text: '段' }],
    };
    ws.mergeCells('B5:B6');
    ws.mergeCells('C6:D7');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const mine = await readFirstSheet(bytes);
    const theirs = await viaExceljs(bytes);
    expect(trimmed(mine.rows)).toEqual(trimmed(theirs.rows));
    expect(mine.merges).toEqual(theirs.merges);
    expect(mine.truncated).toBe(false);
    // And what that is, spelt out.
    expect(mine.rows.map((r) => r.row)).toEqual([1, 3, 4, 5, 6, 7, 10]);
    expect(mine.rows[2]!.cells.map((c) => c.value)).toEqual([
      'H1',
      'T01V001',
      '王建国',
      '脱贫户',
      4,
      new Date(Date.UTC(2026, 9, 8)),
      true,
      'a & b < c',
    ]);
    expect(mine.rows[3]!.cells[4]).toEqual({ value: '2', formula: true });
    expect(mine.rows[3]!.cells[7]).toEqual({ value: '#N/A' });
    // A merged range shows its top-left value in every cell (B5:B6, C6:D7), as exceljs did.
    expect(mine.rows[4]!.cells.slice(1, 4).map((c) => c.value)).toEqual(['T01V001', '赵大山', '赵大山']);
    expect(mine.rows[5]!.cells.slice(1, 4).map((c) => c.value)).toEqual([null, '赵大山', '赵大山']);
    expect(mine.rows[4]!.cells[8]).toEqual({ value: '第二段' });
    expect(mine.rows[5]!.cells[4]).toMatchObject({ formula: true });
    expect(mine.rows[5]!.cells[9]).toEqual({ value: '远处的单元格' });
    expect(mine.rows[6]!.cells).toEqual([{ value: '' }]);
  });

  it('reads the project writer’s workbooks: inline strings, numbers, booleans, dates in a custom format', async () => {
    const bytes = writeXlsx(
      [
        {
          name: '台账',
          columns: [
            { header: '户编号', width: 10 },
            { header: '人均纯收入', width: 10, numFmt: '#,##0.00' },
            { header: '填报日', width: 10 },
            { header: '核实', width: 6 },
            { header: '说明', width: 20 },
          ],
          rows: [
            ['H0000001', 12_345.67, new Date(Date.UTC(2026, 10, 28)), true, '第一行\n第二行'],
            ['H0000002', null, null, false, ''],
            ['H0000003', -0.5, new Date(Date.UTC(1999, 11, 31, 12)), null, '="不是公式"'],
          ],
        },
      ],
      { creator: '守望', created: new Date('2026-11-28T00:00:00Z') },
    );
    const mine = await readFirstSheet(bytes);
    expect(trimmed(mine.rows)).toEqual(trimmed((await viaExceljs(bytes)).rows));
    expect(mine.rows[1]!.cells.map((c) => c.value)).toEqual([
      'H0000001',
      12_345.67,
      new Date(Date.UTC(2026, 10, 28)),
      true,
      '第一行\n第二行',
    ]);
    expect(mine.rows[3]!.cells[2]!.value).toEqual(new Date(Date.UTC(1999, 11, 31, 12)));
  });

  it('reads what other writers do: prefixes, phonetic runs, escapes, entities, CDATA, 1904 dates, rows without numbers', async () => {
    const bytes = handMade(
      '<x:sheetData>' +
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:t>&#x738B;&#24314;&quot;国&apos;</x:t></x:is></x:c>' +
        '<x:c t="str"><x:v><![CDATA[<原样>]]></x:v></x:c><x:c s="2"><x:v>1.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="5"><x:c r="C5" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>' +
        '</x:sheetData><!-- 注释 --><x:mergeCells count="1"><x:mergeCell ref="A5:B5"/></x:mergeCells>',
      {
        prefix: 'x:',
        workbookPr: '<x:workbookPr date1904="1"/>',
        strings:
          '<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>' +
          '<si><t>第一行_x000D_第二行</t></si>',
        styles:
          '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs>',
      },
    );
    const { rows, merges } = await readFirstSheet(bytes);
    expect(rows).toEqual([
      {
        row: 1,
        cells: [{ value: '张三 ' }, { value: '第一行\r第二行' }, { value: new Date(Date.UTC(1904, 0, 1)) }],
      },
      {
        row: 2,
        cells: [{ value: '王建"国\'' }, { value: '<原样>' }, { value: 1.5 }, { value: true }],
      },
      { row: 5, cells: [{ value: null }, { value: null }, { value: '#DIV/0!' }] },
    ]);
    expect(merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 2 }]);
  });

  it('tells date formats as exceljs did', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss', 'mm-dd-yy'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '#,##0 "元"', '[Red]0.0%', '@', '0.00E+00', '"日期"0'])
      expect(isDateFormat(f)).toBe(false);
  });
});

describe('readFirstSheet: limits, enforced while reading', () => {
  const row = (n: number) =>
    `<row r="${n}"><c r="A${n}"><v>${n}</v></c><c r="B${n}" t="inlineStr"><is><t>户</t></is></c></row>`;

  it('stops at the row limit and says the sheet goes on, without reading further (the rest is not even XML)', async () => {
    const body = Array.from({ length: 300 }, (_, i) => row(i + 1)).join('');
    const bytes = handMade(`<sheetData>${body}<<<<not xml at all`);
    const r = await readFirstSheet(bytes, { maxRows: 120 });
    expect(r.truncated).toBe(true);
    expect(r.rows).toHaveLength(120);
    expect(r.rows.at(-1)).toEqual({ row: 120, cells: [{ value: 120 }, { value: '户' }] });
    // Read to the end, the same file is unreadable.
    expect((await failure(readFirstSheet(bytes, { maxRows: 1000 }))).code).toBe('IMPORT.UNREADABLE');
  });

  it('refuses a sheet of 1,048,576 rows early, at the default limit', async () => {
    const parts: string[] = ['<sheetData>'];
    for (let n = 1; n <= 1_048_576; n++) parts.push(`<row r="${n}"><c r="A${n}"><v>1</v></c></row>`);
    parts.push('</sheetData>');
    const bytes = handMade(parts.join(''));
    const r = await readFirstSheet(bytes);
    expect(r.truncated).toBe(true);
    expect(r.rows).toHaveLength(defaultXlsxLimits.maxRows);
    expect(r.rows.at(-1)!.row).toBe(defaultXlsxLimits.maxRows);
  }, 60_000);

  it('refuses a part whose declared size is over its limit before inflating anything', async () => {
    const bytes = handMade(`<sheetData>${row(1)}</sheetData>`);
    // Claim 1 GB unpacked for the sheet: refused on the directory alone.
    bytes.writeUInt32LE(1024 * 1024 * 1024, centralEntry(bytes, 'xl/worksheets/sheet1.xml') + 24);
    expect(await failure(readFirstSheet(bytes))).toEqual({
      code: 'IMPORT.TOO_LARGE_UNPACKED',
      message: '文件解压后过大（工作表超过 256 MB 的上限），请删去不需要的内容或分成几个文件导入',
    });
  });

  it('refuses a part the moment it inflates to more than it declared (a zip bomb that lies)', async () => {
    // 64 MB of spaces inside the sheet, declared as 1 KB.
    const bomb = Buffer.concat([
      Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`),
      Buffer.alloc(64 * 1024 * 1024, 0x20),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const good = handMade('<sheetData/>');
    // The same parts with the bomb as the sheet.
    const bytes = zip(
      [
        ...(await partsOf(good)).filter(([n]) => n !== 'xl/worksheets/sheet1.xml'),
        ['xl/worksheets/sheet1.xml', bomb],
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(bytes.length).toBeLessThan(200 * 1024);
    bytes.writeUInt32LE(1024, centralEntry(bytes, 'xl/worksheets/sheet1.xml') + 24);
    expect(code(await failure(readFirstSheet(bytes)))).toBe('IMPORT.UNREADABLE');
    // Declared honestly, the same bytes are over a smaller limit.
    const honest = zip(
      [
        ...(await partsOf(good)).filter(([n]) => n !== 'xl/worksheets/sheet1.xml'),
        ['xl/worksheets/sheet1.xml', bomb],
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(code(await failure(readFirstSheet(honest, { sheetBytes: 16 * 1024 * 1024 })))).toBe(
      'IMPORT.TOO_LARGE_UNPACKED',
    );
  });

  it('refuses too many cells, too long a cell, too many shared strings', async () => {
    const wide = handMade(
      `<sheetData>${Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="Z${i + 1}"><v>1</v></c></row>`).join('')}</sheetData>`,
    );
    expect((await readFirstSheet(wide, { maxCells: 26 * 50 })).rows).toHaveLength(50);
    expect(code(await failure(readFirstSheet(wide, { maxCells: 26 * 50 - 1 })))).toBe(
      'IMPORT.TOO_MANY_CELLS',
    );

    const long = handMade(
      `<sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>${'长'.repeat(32_768)}</t></is></c></row></sheetData>`,
    );
    expect(await failure(readFirstSheet(long))).toEqual({
      code: 'IMPORT.CELL_TOO_LONG',
      message: '单元格 B3 的内容超过 32767 个字符，请检查后再导入',
    });
    const longShared = handMade('<sheetData/>', { strings: `<si><t>${'x'.repeat(40_000)}</t></si>` });
    expect(code(await failure(readFirstSheet(longShared)))).toBe('IMPORT.CELL_TOO_LONG');

    const strings = handMade('<sheetData/>', { strings: '<si><t>a</t></si>'.repeat(11) });
    expect(code(await failure(readFirstSheet(strings, { maxSharedStrings: 10 })))).toBe(
      'IMPORT.TOO_LARGE_UNPACKED',
    );
  });

  it('refuses what is not a readable workbook, with the old reader’s code', async () => {
    const ok = handMade(`<sheetData>${row(1)}</sheetData>`);
    const cases: [string, Buffer][] = [
      ['not a zip', Buffer.from('PK but nothing more')],
      ['cut short', ok.subarray(0, ok.length - 30)],
      [
        'a DOCTYPE',
        withSheetXml(
          `<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
        ),
      ],
      ['tags that do not nest', handMade('<sheetData><row r="1"></sheetData></row>')],
      [
        'a shared string that is not there',
        handMade('<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>'),
      ],
      [
        'an unknown entity',
        handMade(
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData>',
        ),
      ],
      [
        'a row beyond Excel’s grid',
        handMade('<sheetData><row r="1048577"><c><v>1</v></c></row></sheetData>'),
      ],
    ];
    for (const [what, bytes] of cases) {
      expect(code(await failure(readFirstSheet(bytes))), what).toBe('IMPORT.UNREADABLE');
    }
    const encrypted = Buffer.from(ok);
    const at = centralEntry(encrypted, 'xl/worksheets/sheet1.xml');
    encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    expect(code(await failure(readFirstSheet(encrypted)))).toBe('IMPORT.UNREADABLE');

    const noSheets = zip(
      [
        ...(await partsOf(ok)).filter(([n]) => n !== 'xl/workbook.xml'),
        ['xl/workbook.xml', Buffer.from(`<workbook xmlns="${MAIN}"><sheets/></workbook>`)],
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(await failure(readFirstSheet(noSheets))).toEqual({
      code: 'IMPORT.EMPTY',
      message: '文件中没有工作表',
    });
  });
});

/** A workbook whose sheet part is `xml` exactly (prolog included). */
function withSheetXml(xml: string): Buffer {
  return zip(
    [
      [
        '_rels/.rels',
        Buffer.from(
          `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
      [
        'xl/workbook.xml',
        Buffer.from(
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        Buffer.from(
          `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
      ['xl/worksheets/sheet1.xml', Buffer.from(xml)],
    ],
    new Date('2026-11-01T00:00:00Z'),
  );
}

/** The parts of a small archive, unpacked (for rebuilding it with one part changed). */
async function partsOf(bytes: Buffer): Promise<[string, Buffer][]> {
  const { inflateRawSync } = await import('node:zlib');
  const out: [string, Buffer][] = [];
  for (let i = 0; (i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i)) >= 0;) {
    const size = bytes.readUInt32LE(i + 18);
    const nameLen = bytes.readUInt16LE(i + 26);
    const extra = bytes.readUInt16LE(i + 28);
    const name = bytes.toString('utf8', i + 30, i + 30 + nameLen);
    const start = i + 30 + nameLen + extra;
    out.push([name, inflateRawSync(bytes.subarray(start, start + size))]);
    i = start + size;
  }
  return out;
}
