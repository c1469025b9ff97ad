import { formatDate } from '#domain/shared/format.ts';
import type { Lineage } from '#domain/shared/lineage.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { balancedLines } from '#reports/pdf/title-lines.ts';
import { colors, MM } from '#reports/pdf/theme.ts';
import type { RenderedReport } from '#reports/pdf/types.ts';

/** One thing the addressee must fix, and by when. */
export interface ReminderItem {
  /** What is overdue or missing, e.g. 下河村10月收入信息未录入5户. */
  description: string;
  /** `YYYY-MM-DD` (written as 2026年11月15日); any other text is printed as given. */
  dueBy: string;
}

/** What a reminder letter (提醒函件) says. */
export interface ReminderLetterInput {
  /** e.g. 守衔提〔2026〕7号 */
  docNumber: string;
  /** e.g. 守望示范县乡村振兴局: the red masthead and the signature. */
  issuingOffice: string;
  /** e.g. 关于按时录入10月收入信息的提醒函 */
  title: string;
  /** 主送机关 without the colon, e.g. 青石镇人民政府. */
  addressee: string;
  /** Opening paragraph. */
  intro: string;
  items: readonly ReminderItem[];
  /** Closing paragraph, e.g. 请于期限内整改到位，并将整改情况报我局。 */
  closing: string;
  issuedOn: Date;
  /** The records each item is about, printed as the annex 附件：数据溯源 with its SHA-256. */
  lineage?: Lineage;
}

/** GB/T 9704 text block: 156 × 225 mm, 37 mm from the top and 28 mm from the left edge. */
const LETTER_MARGINS = {
  top: 37 * MM,
  left: 28 * MM,
  right: (210 - 28 - 156) * MM,
  bottom: (297 - 37 - 225) * MM,
};
/** 3号 (16pt) body with 22 lines to the 225 mm block. */
const BODY = 16;
const LINE_PITCH = (225 * MM) / 22;
const TITLE = 22;
const MASTHEAD = 30;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese ordinal for the first level of an official document's list: 一、二、…二十、. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError('LETTER.ORDINAL: 1 to 99');
  if (n <= 10) return NUMERALS[n - 1] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones === 0 ? '' : NUMERALS[ones - 1]}`;
}

const dueText = (dueBy: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(dueBy) ? formatDate(dueBy) : dueBy);

/** Item text: `一、…，请于2026年11月15日前整改到位。` */
export function reminderItemText(item: ReminderItem, index: number): string {
  const description = item.description.trim().replace(/[。；;，,]+$/u, '');
  return `${chineseOrdinal(index + 1)}、${description}，请于${dueText(item.dueBy)}前整改到位。`;
}

/**
 * Renders a reminder letter laid out after GB/T 9704-2012's letter format
 * (信函格式): the issuing office in red over a red double rule, the document
 * number under it on the right, the title centred, the addressee, body
 * paragraphs indented two characters, the numbered items with their due
 * dates, the office and date at the bottom right, and page numbers `— N —`
 * from the second page on (the standard leaves a letter's first page unnumbered).
 */
export async function renderReminderLetter(input: ReminderLetterInput): Promise<RenderedReport> {
  if (input.items.length === 0)
    throw new RangeError('LETTER.NO_ITEMS: a reminder letter lists at least one item');
  const rd = new ReportDocument({
    title: input.title,
    author: input.issuingOffice,
    createdAt: input.issuedOn,
    subject: `${input.docNumber} ${input.title}`,
    footer: 'official',
    unnumberedFirstPage: true,
    margins: LETTER_MARGINS,
  });
  const { doc } = rd;
  rd.use('serif', BODY);
  const lineGap = Math.max(0, LINE_PITCH - doc.currentLineHeight(true));
  const ch = BODY; // one character width in the body face

  // Masthead: office name in red, 30 mm from the top edge, shrunk to fit the block if long.
  let mastSize = MASTHEAD;
  rd.use('serif-bold', mastSize, colors.officialRed);
  while (mastSize > 18 && doc.widthOfString(input.issuingOffice, { characterSpacing: 2 }) > rd.width) {
    mastSize -= 1;
    doc.fontSize(mastSize);
  }
  const mastY = 30 * MM;
  doc.text(input.issuingOffice, rd.left, mastY, {
    width: rd.width,
    align: 'center',
    characterSpacing: 2,
    lineBreak: false,
  });
  const ruleY = mastY + doc.currentLineHeight() + 4 * MM;
  doubleRule(rd, ruleY, 'thick-over-thin');
  doubleRule(rd, doc.page.height - 20 * MM, 'thin-over-thick');

  // Document number under the rule, one character in from the right.
  rd.use('serif', BODY, colors.text).text(input.docNumber, rd.left, ruleY + 4 * MM, {
    width: rd.width - ch,
    align: 'right',
    lineBreak: false,
  });
  rd.y = ruleY + 4 * MM + LINE_PITCH * 3;

  // Title: two lines below the number, centred, broken between words into lines of similar length.
  rd.use('serif-bold', TITLE, colors.text);
  const titleWidth = rd.width - 2 * ch;
  for (const line of balancedLines(input.title, titleWidth, (t) => doc.widthOfString(t))) {
    doc.text(line, rd.left + ch, rd.y, { width: titleWidth, align: 'center', lineGap: TITLE * 0.35 });
  }
  rd.gap(LINE_PITCH * 0.9);

  const para = (text: string, indent: number): void =>
    rd.paragraph(text, { face: 'serif', size: BODY, indent, lineGap, after: 0, align: 'justify' });
  para(`${input.addressee}：`, 0);
  para(input.intro, 2 * ch);
  input.items.forEach((item, i) => para(reminderItemText(item, i), 2 * ch));
  // The signature never stands alone on a page: the closing paragraph goes with it.
  const closingHeight = rd.measure(input.closing, 'serif', BODY, rd.width, lineGap, 2 * ch);
  rd.ensureSpace(closingHeight + LINE_PITCH * 3);
  para(input.closing, 2 * ch);

  // Signature: one blank line below the text; office two characters in from
  // the right, the date under it starting two characters further right.
  const date = formatDate(input.issuedOn);
  rd.use('serif', BODY);
  const officeWidth = doc.widthOfString(input.issuingOffice);
  const dateWidth = doc.widthOfString(date);
  rd.gap(LINE_PITCH);
  const right = rd.left + rd.width;
  const officeX = Math.max(rd.left, right - 2 * ch - officeWidth);
  const dateX = Math.min(officeX + 2 * ch, right - dateWidth);
  const y = rd.y;
  doc.text(input.issuingOffice, officeX, y, { lineBreak: false });
  doc.text(date, dateX, y + LINE_PITCH, { lineBreak: false });
  rd.y = y + 2 * LINE_PITCH;
  doc.x = rd.left;
  return finishReport(rd, input.lineage ? { lineage: input.lineage } : {}, {
    hasWorkbook: false,
    heading: '附件：数据溯源',
  });
}

/** The red double rule of the letter format: 170 mm long, centred on the page. */
function doubleRule(rd: ReportDocument, y: number, order: 'thick-over-thin' | 'thin-over-thick'): void {
  const { doc } = rd;
  const length = 170 * MM;
  const x = (doc.page.width - length) / 2;
  const [upper, lower] = order === 'thick-over-thin' ? [2, 0.6] : [0.6, 2];
  doc.save().strokeColor(colors.officialRed);
  doc
    .moveTo(x, y)
    .lineTo(x + length, y)
    .lineWidth(upper)
    .stroke();
  doc
    .moveTo(x, y + 3)
    .lineTo(x + length, y + 3)
    .lineWidth(lower)
    .stroke();
  doc.restore();
}
