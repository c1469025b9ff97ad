/**
 * Reads an uploaded file into a `RawSheet`: XLSX through exceljs, CSV in UTF-8 or
 * GBK (detected). Only reading happens here; every judgement about the rows is
 * in `domain/directory/import.ts`.
 */
import ExcelJS from 'exceljs';
import { importColumns, type ImportKind, type RawSheet, type SheetCell } from '#domain/directory/import.ts';
import { ValidationError } from '#domain/shared/errors.ts';

/** How many rows from the top may hold a title before the header. */
const headerSearchRows = 10;

export type FileFormat = 'xlsx' | 'csv';

/** The format from the name, confirmed by the first bytes (XLSX is a ZIP: `PK`). */
export function formatOf(filename: string, bytes: Uint8Array): FileFormat {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) && zip) return 'xlsx';
  if (/\.(csv|txt)$/i.test(filename) && !zip) return 'csv';
  if (/\.xls$/i.test(filename)) {
    throw new ValidationError(
      [],
      'IMPORT.OLD_XLS',
      '不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
    );
  }
  throw new ValidationError([], 'IMPORT.BAD_FORMAT', '文件格式无法识别，请上传 .xlsx 或 .csv 文件');
}

/**
 * Text of a CSV file. Chinese offices' Excel saves CSV in GBK unless told
 * otherwise: a file that is not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180 fields: quotes, doubled quotes, newlines inside quotes; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The first row among the top ones that names a required column of `kind`. */
function findHeader(kind: ImportKind, rows: readonly string[][]): number {
  const wanted = importColumns[kind].filter((c) => c.required).map((c) => c.header);
  let best = 0;
  let bestHits = 0;
  rows.slice(0, headerSearchRows).forEach((cells, i) => {
    const hits = cells.filter((c) => wanted.includes(c.replace(/[\s*＊]/g, ''))).length;
    if (hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  });
  return best;
}

function csvSheet(kind: ImportKind, bytes: Uint8Array): RawSheet & { encoding: string } {
  const { text, encoding } = decodeCsv(bytes);
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const h = findHeader(kind, rows);
  return {
    encoding,
    headerRow: h + 1,
    header: (rows[h] ?? []).map((c) => c.trim()),
    rows: rows.slice(h + 1).map((cells, i) => ({
      row: h + 2 + i,
      // Excel would run a cell starting with `=` as a formula: treat it as one.
      cells: cells.map((c): SheetCell => (/^=/.test(c.trim()) ? { value: c, formula: true } : { value: c })),
    })),
    merges: [],
  };
}

/** A cell's plain value: rich text joined, hyperlinks by their text, errors as text. */
function xlsxCell(cell: ExcelJS.Cell): SheetCell {
  const v = cell.value;
  if (cell.formula || cell.type === ExcelJS.ValueType.Formula) {
    return { value: cell.text, formula: true };
  }
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('text' in v) return { value: String(v.text) };
    if ('formula' in v || 'sharedFormula' in v) return { value: cell.text, formula: true };
    if ('error' in v) return { value: String(v.error) };
    return { value: cell.text };
  }
  return { value: v };
}

async function xlsxSheet(kind: ImportKind, bytes: Uint8Array): Promise<RawSheet & { encoding: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError([], 'IMPORT.UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏或设置了密码');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ValidationError([], 'IMPORT.EMPTY', '文件中没有工作表');
  const width = ws.columnCount;
  const all: { row: number; cells: SheetCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(r.getCell(c)));
    all.push({ row: n, cells });
  });
  const texts = all
    .slice(0, headerSearchRows)
    .map((r) => r.cells.map((c) => (c.value === null ? '' : String(c.value))));
  const hi = findHeader(kind, texts);
  const header = all[hi];
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((range) => {
    const [a, b] = range.split(':') as [string, string?];
    const tl = ws.getCell(a);
    const br = ws.getCell(b ?? a);
    return { top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
  });
  return {
    encoding: 'xlsx',
    headerRow: header?.row ?? 1,
    header: (header?.cells ?? []).map((c) => (c.value === null ? '' : String(c.value).trim())),
    rows: all.slice(hi + 1),
    merges,
  };
}

/** Reads the first sheet of an XLSX file, or a CSV file, for `kind`. */
export async function readSheet(kind: ImportKind, filename: string, bytes: Uint8Array) {
  return formatOf(filename, bytes) === 'xlsx' ? xlsxSheet(kind, bytes) : csvSheet(kind, bytes);
}
