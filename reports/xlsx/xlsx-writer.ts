/**
 * A small XLSX writer: the few parts of SpreadsheetML that a data export needs
 * (sheets of plain values, column widths and number formats, a bold frozen
 * header with a filter, document properties), zipped with Node's own zlib.
 *
 * Why not a spreadsheet library: the one we read uploads with weighs about 1 MB
 * once bundled, and every export function would carry it to write a few XML
 * files. Writing is kept here; reading uploads stays with the library, since it
 * has to cope with whatever Excel and WPS produce.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A cell as the writer sees it: text, number, boolean, date or empty. */
export type XlsxCell = string | number | boolean | Date | null | undefined;

/** One column: header text, width in characters, optional Excel number format. */
export interface XlsxColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/** One sheet: its (already safe) name, columns and rows of cells in column order. */
export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxCell[])[];
}

/** Document properties written to `docProps/core.xml`. */
export interface XlsxProperties {
  creator: string;
  created: Date;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses text cells longer than this. */
const MAX_CELL_TEXT = 32_767;
/** Custom number formats start at this id; lower ids are Excel's built-in ones. */
const FIRST_CUSTOM_NUMFMT = 164;
const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Characters XML 1.0 cannot carry (controls other than tab, newline and carriage
 * return, lone surrogates, U+FFFE/U+FFFF): replaced, since one of them in a cell
 * would make the whole file unreadable.
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `0 → A`, `25 → Z`, `26 → AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Days since 1899-12-30 (Excel's 1900 date system), in UTC as the date's instant. */
function excelSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** Cell formats: 0 default, 1 header, then one per distinct number format. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>',
  ];
  private readonly xfOf = new Map<string, number>();

  /** The cell-format index for a number format. */
  xf(numFmt: string): number {
    const known = this.xfOf.get(numFmt);
    if (known !== undefined) return known;
    let id = this.formats.get(numFmt);
    if (id === undefined) {
      id = FIRST_CUSTOM_NUMFMT + this.formats.size;
      this.formats.set(numFmt, id);
    }
    const xf = this.xfs.length;
    this.xfs.push(`<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    this.xfOf.set(numFmt, xf);
    return xf;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join('');
    const font = (bold: boolean) =>
      `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function cellXml(ref: string, value: XlsxCell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : `<c r="${ref}"${s}><v>${excelSerial(value)}</v></c>`;
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet, styles: Styles): string {
  const cols = sheet.columns;
  const last = cols.length ? columnLetters(cols.length - 1) : 'A';
  const colStyle = cols.map((c) => (c.numFmt ? styles.xf(c.numFmt) : 0));
  const dateStyle = styles.xf(DATE_FORMAT);
  const letters = cols.map((_, i) => columnLetters(i));
  const parts: string[] = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="A1:${last}${sheet.rows.length + 1}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (cols.length)
    parts.push(
      `<cols>${cols
        .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
        .join('')}</cols>`,
    );
  parts.push('<sheetData>');
  parts.push(`<row r="1">${cols.map((c, i) => cellXml(`${letters[i]}1`, c.header, 1)).join('')}</row>`);
  sheet.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    for (let i = 0; i < cols.length; i++) {
      const v = row[i];
      const style = v instanceof Date && !cols[i]!.numFmt ? dateStyle : colStyle[i]!;
      cells += cellXml(`${letters[i]}${n}`, v, style);
    }
    parts.push(`<row r="${n}">${cells}</row>`);
  });
  parts.push('</sheetData>');
  if (cols.length) parts.push(`<autoFilter ref="A1:${last}1"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** Sheet name quoted for a formula reference (`'表 1'!$A$1`). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The parts of the package, path → XML. */
function packageParts(sheets: readonly XlsxSheet[], props: XlsxProperties): [string, string][] {
  const styles = new Styles();
  const sheetParts = sheets.map((s, i): [string, string] => [
    `xl/worksheets/sheet${i + 1}.xml`,
    sheetXml(s, styles),
  ]);
  const created = props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const filters = sheets
    .map((s, i) =>
      s.columns.length
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(
            `${quotedSheet(s.name)}!$A$1:$${columnLetters(s.columns.length - 1)}$1`,
          )}</definedName>`
        : '',
    )
    .join('');
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(props.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(props.creator)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
    ],
    [
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Shouwang</Application></Properties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets
          .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets>' +
        (filters ? `<definedNames>${filters}</definedNames>` : '') +
        '</workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ...sheetParts,
    ['xl/styles.xml', styles.xml()],
  ];
}

/** MS-DOS date and time fields of a ZIP entry. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A ZIP archive of deflated entries with UTF-8 names (no ZIP64: each part is far below 4 GB). */
export function zip(files: readonly [string, Buffer][], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The XLSX file of `sheets`; the same input gives the same bytes. */
export function writeXlsx(sheets: readonly XlsxSheet[], props: XlsxProperties): Buffer {
  return zip(
    packageParts(sheets, props).map(([name, xml]) => [name, Buffer.from(xml, 'utf8')]),
    props.created,
  );
}
