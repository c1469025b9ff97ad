/**
 * Reads an uploaded file into a `RawSheet`: XLSX with the streaming reader
 * (`import.xlsx.ts`), CSV in UTF-8 or GBK (detected). Both stop once a file has
 * more rows than one import may hold. Only reading happens here; every judgement
 * about the rows is in `domain/directory/import.ts`.
 */
import {
  importColumns,
  maxImportRows,
  type ImportKind,
  type RawSheet,
  type SheetCell,
} from '#domain/directory/import.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { readFirstSheet } from './import.xlsx.ts';

/** How many rows from the top may hold a title before the header. */
const headerSearchRows = 10;

/**
 * Rows with a value read at most: the header may sit anywhere in the top rows,
 * and one row more than that tells the check the file is over the limit.
 */
const maxRowsRead = headerSearchRows + maxImportRows;

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

/** RFC 4180 records one by one: quotes, doubled quotes, newlines inside quotes; CRLF or LF. */
export function* csvRecords(text: string): Generator<string[]> {
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
      yield row;
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield row;
  }
}

/** Every record of a CSV text (see {@link csvRecords}). */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
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
  // Blank lines below the top rows are dropped as they are read (the check skips them
  // anyway, and a file of empty lines would otherwise fill memory); rows keep their numbers.
  const read: { row: number; cells: string[] }[] = [];
  let filled = 0;
  let truncated = false;
  let n = 0;
  for (const cells of csvRecords(text.replace(/^\uFEFF/, ''))) {
    n++;
    const blank = cells.every((c) => c === '');
    if (!blank && ++filled > maxRowsRead) {
      truncated = true;
      break;
    }
    if (!blank || n <= headerSearchRows) read.push({ row: n, cells });
  }
  const top = read.filter((r) => r.row <= headerSearchRows);
  const h = findHeader(
    kind,
    top.map((r) => r.cells),
  );
  const headerRow = top[h]?.row ?? 1;
  return {
    encoding,
    headerRow,
    header: (top[h]?.cells ?? []).map((c) => c.trim()),
    rows: read
      .filter((r) => r.row > headerRow)
      .map(({ row, cells }) => ({
        row,
        // Excel would run a cell starting with `=` as a formula: treat it as one.
        cells: cells.map((c): SheetCell =>
          /^=/.test(c.trim()) ? { value: c, formula: true } : { value: c },
        ),
      })),
    merges: [],
    ...(truncated ? { truncated } : {}),
  };
}

async function xlsxSheet(kind: ImportKind, bytes: Uint8Array): Promise<RawSheet & { encoding: string }> {
  const { rows: all, merges, truncated } = await readFirstSheet(bytes, { maxRows: maxRowsRead });
  const texts = all
    .slice(0, headerSearchRows)
    .map((r) => r.cells.map((c) => (c.value === null ? '' : String(c.value))));
  const hi = findHeader(kind, texts);
  const header = all[hi];
  return {
    encoding: 'xlsx',
    headerRow: header?.row ?? 1,
    header: (header?.cells ?? []).map((c) => (c.value === null ? '' : String(c.value).trim())),
    rows: all.slice(hi + 1),
    merges,
    ...(truncated ? { truncated } : {}),
  };
}

/** Reads the first sheet of an XLSX file, or a CSV file, for `kind`. */
export async function readSheet(kind: ImportKind, filename: string, bytes: Uint8Array) {
  return formatOf(filename, bytes) === 'xlsx' ? xlsxSheet(kind, bytes) : csvSheet(kind, bytes);
}
