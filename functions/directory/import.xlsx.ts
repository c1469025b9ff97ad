/**
 * Reads the first worksheet of an uploaded XLSX as a stream: the parts are
 * inflated chunk by chunk (`import.zip.ts`) into an incremental tokenizer
 * (`import.xml.ts`), and the sheet's rows are taken as they go by, so neither the
 * sheet's XML nor anything past the row limit is ever held. Limits are enforced
 * while reading, each with its own code: a part's unpacked size (declared, then
 * actual), the rows (the reader stops and says the sheet goes on), the cells, and
 * the characters of one cell.
 *
 * The values are those the exceljs reader gave before it (the cell types Excel and
 * WPS write): shared and inline strings (rich text joined, phonetic runs left out,
 * `_xHHHH_` escapes decoded), numbers, booleans, errors as their text, dates for
 * numbers in a date format (1900 or 1904 date system), and formulas flagged with
 * their cached result as text.
 */
import type { RawSheet, SheetCell } from '#domain/directory/import.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { tokenize, type XmlHandler } from './import.xml.ts';
import { entryChunks, unreadable, zipEntries, type ZipEntry } from './import.zip.ts';

/** What the reader accepts; each limit is checked while reading, before it costs memory. */
export interface XlsxLimits {
  /** Rows with a value read; one more and the reader stops with `truncated`. */
  maxRows: number;
  /** Cells held in all: every row up to its last value. */
  maxCells: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Entries of the shared string table. */
  maxSharedStrings: number;
  /** Unpacked bytes of the worksheet part. */
  sheetBytes: number;
  /** Unpacked bytes of the shared string table. */
  sharedStringsBytes: number;
  /** Unpacked bytes of every other part read (workbook, relationships, styles). */
  otherPartBytes: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxRows: 100_010,
  maxCells: 5_000_000,
  maxCellChars: 32_767,
  maxSharedStrings: 2_000_000,
  sheetBytes: 256 * 1024 * 1024,
  sharedStringsBytes: 128 * 1024 * 1024,
  otherPartBytes: 16 * 1024 * 1024,
};

/** The first worksheet's rows with a value, its merged ranges, and whether rows were left unread. */
export interface XlsxSheetData {
  rows: RawSheet['rows'];
  merges: RawSheet['merges'];
  /** True when the sheet has more than `maxRows` rows with a value: the rest was not read. */
  truncated: boolean;
}

/** Excel's grid: 1,048,576 rows of 16,384 columns. */
const maxRowNumber = 1_048_576;
const maxColumnNumber = 16_384;

/** The cell of a gap before a row's last value (shared: cells are never changed after reading). */
const emptyCell: SheetCell = Object.freeze({ value: null });

const tooLong = (where: string, max: number) =>
  new ValidationError([], 'IMPORT.CELL_TOO_LONG', `${where}的内容超过 ${max} 个字符，请检查后再导入`);

/** `_x000D_` and the like: how SpreadsheetML writes characters XML cannot carry. */
const decodeEscapes = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/** `B12` → column 2 (1-based); undefined for anything else. */
function columnOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i > 0 && col <= maxColumnNumber ? col : undefined;
}

function cellAt(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const col = columnOf(m[1]!);
  const row = Number(m[2]);
  return col && row >= 1 && row <= maxRowNumber ? { row, col } : undefined;
}

/**
 * Whether a number format shows a date or a time, as exceljs decided it: once
 * quoted text and bracketed parts (`[Red]`, `[$-804]`) are removed, a date or
 * time placeholder is left.
 */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The built-in formats (no `numFmt` entry in the file) that show dates or times. */
const builtinDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Days since 1899-12-30 (1900 system) or 1904-01-01 as the instant it names, read as UTC. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

/** Handler base: text only while `capturing`, never done unless told. */
abstract class PartReader implements XmlHandler {
  done = false;
  get wantsText(): boolean {
    return false;
  }
  abstract open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(_name: string): void {}
  text(_text: string): void {}
}

interface Relationship {
  target: string;
  type: string;
}

class RelationshipsReader extends PartReader {
  readonly byId = new Map<string, Relationship>();
  open(name: string, a: Record<string, string>): void {
    if (name !== 'Relationship' || !a.Id || !a.Target) return;
    if (a.TargetMode === 'External') return;
    this.byId.set(a.Id, { target: a.Target, type: a.Type ?? '' });
  }
}

class WorkbookReader extends PartReader {
  date1904 = false;
  firstSheetRel: string | undefined;
  private inSheets = false;
  open(name: string, a: Record<string, string>, selfClosing: boolean): void {
    if (name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    else if (name === 'sheets') this.inSheets = !selfClosing;
    else if (name === 'sheet' && this.inSheets && this.firstSheetRel === undefined)
      this.firstSheetRel = a.id ?? '';
  }
  override close(name: string): void {
    if (name === 'sheets') this.inSheets = false;
  }
}

class StylesReader extends PartReader {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private section: 'numFmts' | 'cellXfs' | undefined;
  open(name: string, a: Record<string, string>, selfClosing: boolean): void {
    if ((name === 'numFmts' || name === 'cellXfs') && !selfClosing) this.section = name;
    else if (name === 'numFmt' && this.section === 'numFmts')
      this.formats.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (name === 'xf' && this.section === 'cellXfs') this.xfFormats.push(Number(a.numFmtId ?? 0));
  }
  override close(name: string): void {
    if (name === this.section) this.section = undefined;
  }
  /** For each cell style (`s` of a cell), whether its number format is a date. */
  dateStyles(): boolean[] {
    return this.xfFormats.map((id) => {
      const code = this.formats.get(id);
      return code !== undefined ? isDateFormat(code) : builtinDateFormats.has(id);
    });
  }
}

/**
 * Collects the text of a string item (`<si>`) or an inline string (`<is>`): its
 * `<t>` directly or the `<t>` of each rich-text run (`<r>`), phonetic runs
 * (`<rPh>`) left out.
 */
class RichTextCollector {
  private runs: string[] = [];
  /** The text being read, while inside a `<t>`. */
  private current: string | undefined;
  private inRun = false;
  private phonetic = 0;
  /** Whether any rich-text run was read. */
  rich = false;
  constructor(
    private readonly maxChars: number,
    private readonly where: () => string,
    /**
     * Whether `_xHHHH_` escapes are decoded in a `<t>` outside runs too: they are in
     * the shared string table, not in an inline string (as exceljs read them).
     */
    private readonly decodePlain: boolean,
  ) {}
  get inText(): boolean {
    return this.current !== undefined;
  }
  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 'r') this.inRun = this.rich = true;
    else if (name === 't' && this.phonetic === 0) this.current = '';
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 'r') this.inRun = false;
    else if (name === 't' && this.current !== undefined) {
      this.runs.push(this.inRun || this.decodePlain ? decodeEscapes(this.current) : this.current);
      this.current = undefined;
    }
  }
  text(t: string): void {
    if (this.current === undefined) return;
    this.current += t;
    // A raw `_xHHHH_` escape is 7 characters for one: the limit applies once decoded, bounded here.
    if (this.current.length > this.maxChars * 7) throw tooLong(this.where(), this.maxChars);
  }
  take(): string {
    const s = this.runs.length === 1 ? this.runs[0]! : this.runs.join('');
    this.runs = [];
    this.current = undefined;
    this.inRun = this.rich = false;
    this.phonetic = 0;
    if (s.length > this.maxChars) throw tooLong(this.where(), this.maxChars);
    return s;
  }
}

class SharedStringsReader extends PartReader {
  readonly strings: string[] = [];
  private inItem = false;
  private readonly collector: RichTextCollector;
  constructor(private readonly limits: XlsxLimits) {
    super();
    this.collector = new RichTextCollector(limits.maxCellChars, () => '文件中有单元格', true);
  }
  override get wantsText(): boolean {
    return this.collector.inText;
  }
  open(name: string): void {
    if (name === 'si') this.inItem = true;
    else if (this.inItem) this.collector.open(name);
  }
  override close(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= this.limits.maxSharedStrings) {
        throw new ValidationError(
          [],
          'IMPORT.TOO_LARGE_UNPACKED',
          `文件中的文字条目过多（超过 ${this.limits.maxSharedStrings} 条），请分成几个文件导入`,
        );
      }
      this.strings.push(this.collector.take());
      this.inItem = false;
    } else if (this.inItem) this.collector.close(name);
  }
  override text(t: string): void {
    this.collector.text(t);
  }
}

const columnName = (col: number) => {
  let letters = '';
  for (let x = col; x > 0; x = Math.floor((x - 1) / 26))
    letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return letters;
};

const tooManyCells = (limit: number) =>
  new ValidationError(
    [],
    'IMPORT.TOO_MANY_CELLS',
    `工作表中的单元格过多（超过 ${limit / 10_000} 万个），请删去不需要导入的列，或分成几个文件导入`,
  );

/** The worksheet: rows and cells as they stream by, merged ranges at the end. */
class SheetReader extends PartReader {
  readonly rows: RawSheet['rows'] = [];
  readonly merges: RawSheet['merges'] = [];
  truncated = false;
  private inData = false;
  private rowNo = 0;
  private cells: SheetCell[] | undefined;
  private cellCount = 0;
  private sorted = true;
  // The cell being read.
  private col = 0;
  private type = 'n';
  private style = 0;
  private value: string | undefined;
  private inValue = false;
  /** `<f>` seen, with text or a `t` attribute (a shared formula's other cells have no text). */
  private formula = false;
  private inFormula = false;
  private readonly inline: RichTextCollector;
  private inInline = false;
  private hasInline = false;

  constructor(
    private readonly limits: XlsxLimits,
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
  ) {
    super();
    this.inline = new RichTextCollector(limits.maxCellChars, () => this.where(), false);
  }

  private where(): string {
    return `单元格 ${columnName(this.col)}${this.rowNo} `;
  }

  override get wantsText(): boolean {
    return this.inValue || this.inFormula || this.inline.inText;
  }

  open(name: string, a: Record<string, string>, selfClosing: boolean): void {
    if (name === 'sheetData') {
      this.inData = !selfClosing;
      return;
    }
    if (name === 'mergeCell') {
      const [from, to] = (a.ref ?? '').split(':');
      const tl = cellAt(from ?? '');
      const br = cellAt(to ?? from ?? '');
      if (!tl || !br) throw unreadable();
      this.merges.push({
        top: Math.min(tl.row, br.row),
        left: Math.min(tl.col, br.col),
        bottom: Math.max(tl.row, br.row),
        right: Math.max(tl.col, br.col),
      });
      return;
    }
    if (!this.inData) return;
    switch (name) {
      case 'row': {
        const r = a.r === undefined ? this.rowNo + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1 || r > maxRowNumber) throw unreadable();
        if (r <= this.rowNo) this.sorted = false;
        this.rowNo = r;
        this.cells = [];
        this.col = 0;
        return;
      }
      case 'c': {
        if (!this.cells) throw unreadable();
        const col = a.r === undefined ? this.col + 1 : columnOf(a.r);
        if (col === undefined || col > maxColumnNumber) throw unreadable();
        this.col = col;
        this.type = a.t ?? 'n';
        this.style = a.s === undefined ? 0 : Number(a.s);
        this.value = undefined;
        this.formula = false;
        this.hasInline = false;
        return;
      }
      case 'v':
        this.inValue = true;
        return;
      case 'f':
        if (a.t !== undefined) this.formula = true;
        this.inFormula = true;
        return;
      case 'is':
        this.inInline = this.hasInline = true;
        return;
      default:
        if (this.inInline) this.inline.open(name);
    }
  }

  override text(t: string): void {
    if (this.inValue) {
      this.value = this.value === undefined ? t : this.value + t;
      if (this.value.length > this.limits.maxCellChars) throw tooLong(this.where(), this.limits.maxCellChars);
    } else if (this.inFormula) {
      if (t !== '') this.formula = true;
    } else this.inline.text(t);
  }

  /** The cell just closed, as exceljs read it: undefined for an empty one. */
  private cell(): SheetCell | undefined {
    const v = this.value;
    const dated = (n: number) => (this.dateStyles[this.style] ? excelDate(n, this.date1904) : n);
    if (this.formula) {
      // The cached result, as text; exceljs gave '' for a falsy result.
      let result: unknown;
      if (v) {
        if (this.type === 'str') result = v;
        else if (this.type === 'b') result = parseInt(v, 10) !== 0;
        else if (this.type === 'e') result = { error: v };
        else result = dated(parseFloat(v));
      }
      if (this.hasInline) this.inline.take();
      return { value: result ? String(result) : '', formula: true };
    }
    if (this.hasInline && this.type === 'inlineStr') {
      const rich = this.inline.rich;
      const text = this.inline.take();
      return text !== '' || rich ? { value: text } : undefined;
    }
    if (this.hasInline) this.inline.take();
    if (v === undefined || v === '') return undefined;
    switch (this.type) {
      case 's': {
        const s = this.strings[parseInt(v, 10)];
        if (s === undefined) throw unreadable();
        return { value: s };
      }
      case 'str':
      case 'inlineStr':
      case 'e':
        return { value: v };
      case 'b':
        return { value: parseInt(v, 10) !== 0 };
      default:
        return { value: dated(parseFloat(v)) };
    }
  }

  /** Puts `cell` in column `col` of `cells`, the gaps before it empty; counts the cells held. */
  private place(cells: SheetCell[], col: number, cell: SheetCell): void {
    if (col > cells.length) {
      this.cellCount += col - cells.length;
      if (this.cellCount > this.limits.maxCells) throw tooManyCells(this.limits.maxCells);
      while (cells.length < col - 1) cells.push(emptyCell);
      cells.push(cell);
    } else cells[col - 1] = cell;
  }

  /** A row with a value: kept, or the sheet is over the row limit and reading stops. */
  private keep(row: number, cells: SheetCell[]): boolean {
    if (this.rows.length >= this.limits.maxRows) {
      this.truncated = true;
      this.done = true;
      return false;
    }
    this.rows.push({ row, cells });
    return true;
  }

  override close(name: string): void {
    if (name === 'sheetData') {
      this.inData = false;
      return;
    }
    if (!this.inData) return;
    if (name === 'v') this.inValue = false;
    else if (name === 'f') this.inFormula = false;
    else if (name === 'is') this.inInline = false;
    else if (name === 'c') {
      const cell = this.cell();
      if (cell && this.cells) this.place(this.cells, this.col, cell);
    } else if (name === 'row') {
      const cells = this.cells;
      this.cells = undefined;
      if (cells?.length) this.keep(this.rowNo, cells);
    } else if (this.inInline) this.inline.close(name);
  }

  /**
   * After the last row: as exceljs did, every cell of a merged range shows the value
   * of its top-left cell, and every row a range covers is there, even if the file
   * has no cell in it.
   */
  finish(): void {
    if (this.truncated) return;
    if (!this.sorted) this.rows.sort((x, y) => x.row - y.row);
    if (!this.merges.length) return;
    const byRow = new Map(this.rows.map((r) => [r.row, r]));
    for (const m of this.merges) {
      // Checked before filling: a range over a whole sheet must not fill memory first.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > this.limits.maxCells - this.cellCount)
        throw tooManyCells(this.limits.maxCells);
      const master = byRow.get(m.top)?.cells[m.left - 1] ?? emptyCell;
      for (let r = m.top; r <= m.bottom; r++) {
        let row = byRow.get(r);
        if (!row) {
          if (!this.keep(r, [])) return;
          row = this.rows.at(-1)!;
          byRow.set(r, row);
          this.sorted = false;
        }
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.place(row.cells, c, master);
        }
      }
    }
    if (!this.sorted) this.rows.sort((x, y) => x.row - y.row);
  }
}

/** `target` of a relationship of the part at `from`, as a path inside the archive. */
function resolvePath(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

/**
 * Reads the first worksheet of an XLSX file. Throws `IMPORT.UNREADABLE` (not a
 * workbook, damaged, encrypted), `IMPORT.EMPTY` (no worksheet),
 * `IMPORT.TOO_LARGE_UNPACKED`, `IMPORT.TOO_MANY_CELLS` or `IMPORT.CELL_TOO_LONG`;
 * more rows than `maxRows` are not an error here but `truncated`, for the check
 * to report with the other row-count problems.
 */
export async function readFirstSheet(
  bytes: Uint8Array,
  limitsGiven: Partial<XlsxLimits> = {},
): Promise<XlsxSheetData> {
  const limits = { ...defaultXlsxLimits, ...limitsGiven };
  const entries = zipEntries(bytes);
  const entry = (path: string): ZipEntry | undefined => entries.get(path.toLowerCase());
  const read = async <H extends PartReader>(path: string, handler: H, limit: number, what: string) => {
    const e = entry(path);
    if (!e) throw unreadable();
    await tokenize(entryChunks(bytes, e, limit, what), handler);
    return handler;
  };
  const other = limits.otherPartBytes;

  const rootRels = entry('_rels/.rels')
    ? await read('_rels/.rels', new RelationshipsReader(), other, '工作簿结构')
    : undefined;
  const office = [...(rootRels?.byId.values() ?? [])].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office ? resolvePath('', office.target) : 'xl/workbook.xml';
  const workbook = await read(workbookPath, new WorkbookReader(), other, '工作簿结构');
  if (workbook.firstSheetRel === undefined) throw new ValidationError([], 'IMPORT.EMPTY', '文件中没有工作表');
  const rels = await read(relsOf(workbookPath), new RelationshipsReader(), other, '工作簿结构');
  const sheetRel = rels.byId.get(workbook.firstSheetRel);
  if (!sheetRel) throw unreadable();
  const partOf = (kind: string) => {
    const r = [...rels.byId.values()].find((x) => x.type.endsWith(`/${kind}`));
    return r ? resolvePath(workbookPath, r.target) : undefined;
  };

  const stylesPath = partOf('styles');
  const dateStyles =
    stylesPath && entry(stylesPath)
      ? (await read(stylesPath, new StylesReader(), other, '样式表')).dateStyles()
      : [];
  const stringsPath = partOf('sharedStrings');
  const strings =
    stringsPath && entry(stringsPath)
      ? (await read(stringsPath, new SharedStringsReader(limits), limits.sharedStringsBytes, '文字表'))
          .strings
      : [];
  const sheet = await read(
    resolvePath(workbookPath, sheetRel.target),
    new SheetReader(limits, strings, dateStyles, workbook.date1904),
    limits.sheetBytes,
    '工作表',
  );
  sheet.finish();
  return { rows: sheet.rows, merges: sheet.merges, truncated: sheet.truncated };
}
