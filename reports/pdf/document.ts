import PDFDocument from 'pdfkit';
import { maskFreeText } from '#domain/org/mask.ts';
import { registerFonts, type FontFace } from './fonts.ts';
import { colors, MM, sizes } from './theme.ts';
import { fitLine } from './title-lines.ts';
import type { RenderedReport } from './types.ts';

/** Page margins in points. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How page numbers are written at the foot of each page. */
export type FooterStyle =
  /** `第 N 页 共 M 页`, centred: reports. */
  | 'page-of-total'
  /** `— N —`, odd pages right and even pages left (GB/T 9704): official letters. */
  | 'official';

export interface ReportDocumentOptions {
  /** Document title for the PDF's metadata. */
  title: string;
  /** Author for the PDF's metadata: the issuing office. */
  author: string;
  /** Also the PDF's creation date, so metadata says when the report was made, not when the bytes were written. */
  createdAt: Date;
  /** Running header: left and right texts above a thin rule. Omitted on letters. */
  header?: { left: string; right: string };
  footer: FooterStyle;
  /** Leave the first page unnumbered, as GB/T 9704 asks of letters (信函格式). */
  unnumberedFirstPage?: boolean;
  margins?: Margins;
  /** Subject/keywords for the PDF's metadata. */
  subject?: string;
}

/** A4 with margins that leave room for the running header and the footer. */
export const REPORT_MARGINS: Margins = { top: 66, bottom: 58, left: 44, right: 44 };

/** Options for a run of text. */
export interface TextStyle {
  face?: FontFace;
  size?: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in points. */
  indent?: number;
  /** Extra space between lines in points. */
  lineGap?: number;
  /** Space after the paragraph in points. */
  after?: number;
}

/**
 * Makes every text the document draws or measures go through `maskFreeText`, so a
 * personal number typed into a note cannot reach a PDF, whichever helper (table,
 * paragraph, cover, chart, letter) or report draws it. Measuring masks too, so the
 * layout is computed for the text that is printed.
 */
function maskTextOf(doc: PDFKit.PDFDocument): void {
  const mask = (t: unknown): unknown => (typeof t === 'string' ? maskFreeText(t) : t);
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const heightOfString = doc.heightOfString.bind(doc) as (...args: unknown[]) => number;
  doc.text = ((t: unknown, ...rest: unknown[]) => text(mask(t), ...rest)) as typeof doc.text;
  doc.heightOfString = ((t: unknown, ...rest: unknown[]) =>
    heightOfString(mask(t), ...rest)) as typeof doc.heightOfString;
}

/**
 * A pdfkit document with the page furniture our reports share (running header,
 * page numbers, fonts) and a cursor the layout helpers move down the page.
 * Pages are buffered so that `第 N 页 共 M 页` can be written once the count is known.
 */
export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private finished = false;

  constructor(private readonly options: ReportDocumentOptions) {
    const margins = options.margins ?? REPORT_MARGINS;
    this.doc = new PDFDocument({
      size: 'A4',
      margins,
      bufferPages: true,
      autoFirstPage: true,
      lang: 'zh-CN',
      displayTitle: true,
      // No default Helvetica: a standard font would be listed as not embedded.
      font: null as unknown as string,
      info: {
        Title: options.title,
        Author: options.author,
        Creator: 'Shouwang',
        CreationDate: options.createdAt,
        ...(options.subject ? { Subject: options.subject } : {}),
      },
    });
    registerFonts(this.doc);
    maskTextOf(this.doc);
    this.doc.font('sans').fontSize(sizes.body).fillColor(colors.text);
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** Left edge of the text area. */
  get left(): number {
    return this.doc.page.margins.left;
  }
  /** Width of the text area. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  /** Top of the text area. */
  get top(): number {
    return this.doc.page.margins.top;
  }
  /** Lowest y that content may reach. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  /** Height of the whole text area of a page. */
  get pageBodyHeight(): number {
    return this.bottom - this.top;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }
  /** Space left on the current page below the cursor. */
  get remaining(): number {
    return this.bottom - this.doc.y;
  }

  /** Starts a new page and puts the cursor at its top. */
  addPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` points still fit below the cursor. Returns whether a page was added. */
  ensureSpace(height: number): boolean {
    if (this.remaining >= height || this.doc.y <= this.top + 0.5) return false;
    this.addPage();
    return true;
  }

  /** Sets face, size and colour for what is drawn next. */
  use(face: FontFace, size: number, color: string = colors.text): PDFKit.PDFDocument {
    return this.doc.font(face).fontSize(size).fillColor(color);
  }

  /** Height `text` takes in `width` with the given face and size. */
  measure(text: string, face: FontFace, size: number, width: number, lineGap = 0, indent = 0): number {
    this.doc.font(face).fontSize(size);
    return this.doc.heightOfString(text, { width, lineGap, indent });
  }

  /** Moves the cursor down. */
  gap(points: number): void {
    this.doc.y += points;
  }

  /** A numbered section heading with a coloured bar, kept together with the first lines that follow. */
  heading(text: string): void {
    this.ensureSpace(sizes.h1 * 2 + 90);
    if (this.doc.y > this.top + 1) this.gap(10);
    const y = this.doc.y;
    const h = this.measure(text, 'sans-bold', sizes.h1, this.width - 12);
    this.doc
      .save()
      .rect(this.left, y + 2, 4, h - 4)
      .fill(colors.primary)
      .restore();
    this.use('sans-bold', sizes.h1, colors.primary).text(text, this.left + 12, y, { width: this.width - 12 });
    this.doc.x = this.left;
    this.gap(6);
  }

  /** A smaller heading, e.g. above a chart or table. */
  subheading(text: string): void {
    this.ensureSpace(sizes.h2 * 2 + 60);
    this.use('sans-bold', sizes.h2, colors.text).text(text, this.left, this.doc.y, { width: this.width });
    this.gap(4);
  }

  /** A paragraph that flows across pages if it must. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? sizes.body;
    this.use(style.face ?? 'sans', size, style.color ?? colors.text).text(text, this.left, this.doc.y, {
      width: this.width,
      align: style.align ?? 'left',
      indent: style.indent ?? 0,
      lineGap: style.lineGap ?? size * 0.45,
    });
    this.doc.x = this.left;
    this.gap(style.after ?? size * 0.5);
  }

  /**
   * Writes the running header and page numbers on every page, ends the
   * document and returns its bytes. Call once, after all content.
   */
  async finish(): Promise<RenderedReport> {
    if (this.finished) throw new Error('REPORT.ALREADY_FINISHED: finish() called twice');
    this.finished = true;
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const pageNumber = i - range.start + 1;
      // Writing in the margin would make pdfkit start a new page; lift the limit while we do.
      const bottomMargin = this.doc.page.margins.bottom;
      const contentBottom = this.bottom;
      this.doc.page.margins.bottom = 0;
      if (this.options.header) this.drawHeader(this.options.header);
      if (!(pageNumber === 1 && this.options.unnumberedFirstPage))
        this.drawFooter(pageNumber, range.count, contentBottom);
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    const pdf = await this.done;
    return { pdf, pages: range.count };
  }

  private drawHeader(header: { left: string; right: string }): void {
    const { doc } = this;
    const y = this.top - 30;
    this.use('sans', sizes.small, colors.muted);
    // One line each, cut with `…` when too long (pdfkit would wrap them over the rule):
    // the left text takes at most half, the right one the rest.
    const widthOf = (s: string) => doc.widthOfString(s);
    const gap = sizes.small * 1.5;
    const left = fitLine(header.left, this.width / 2 - gap / 2, widthOf);
    const rightWidth = this.width - widthOf(left) - gap;
    doc.text(left, this.left, y, { lineBreak: false });
    doc.text(fitLine(header.right, rightWidth - 1, widthOf), this.left + this.width - rightWidth, y, {
      width: rightWidth,
      align: 'right',
      lineBreak: false,
    });
    doc
      .save()
      .moveTo(this.left, this.top - 12)
      .lineTo(this.left + this.width, this.top - 12)
      .lineWidth(0.6)
      .strokeColor(colors.rule)
      .stroke()
      .restore();
  }

  private drawFooter(pageNumber: number, pageCount: number, contentBottom: number): void {
    const { doc } = this;
    if (this.options.footer === 'page-of-total') {
      const y = contentBottom + 22;
      this.use('sans', sizes.small, colors.muted).text(
        `第 ${pageNumber} 页 共 ${pageCount} 页`,
        this.left,
        y,
        {
          width: this.width,
          align: 'center',
          lineBreak: false,
        },
      );
      return;
    }
    // GB/T 9704: 4号 (14pt) Song-style numerals with a dash either side, 7 mm
    // below the text block; odd pages one character in from the right, even
    // pages one character in from the left.
    const size = 14;
    const y = contentBottom + 7 * MM;
    const label = `— ${pageNumber} —`;
    const inset = size;
    this.use('serif', size, colors.text);
    if (pageNumber % 2 === 1) {
      doc.text(label, this.left, y, { width: this.width - inset, align: 'right', lineBreak: false });
    } else {
      doc.text(label, this.left + inset, y, { width: this.width - inset, align: 'left', lineBreak: false });
    }
  }
}
