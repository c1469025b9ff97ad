/**
 * Masking of personal data for anyone who does not need it in full: emailed
 * reports, lists shown outside the household's own village, exports to leaders.
 * Masks keep enough to tell people apart and to match a number someone reads out.
 */

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * `610***********1234`: the province and prefecture digits and the last four
 * (sequence and check character) stay; birth date and county are hidden.
 * Other lengths keep the same first 3 and last 4 when long enough, else all stars.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length < 8) return stars(s.length);
  return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4);
}

/**
 * `138****5678` for an 11-digit mobile number; other numbers (landlines with an
 * area code) keep their last four digits and hide the rest of the subscriber part.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim().replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return stars(s.length);
  if (/^0\d{2,3}\d{7,8}$/.test(s)) {
    // Three-digit area codes are Beijing (010) and the 02x cities; all others have four.
    const area = /^(010|02\d)/.test(s) ? 3 : 4;
    return s.slice(0, area) + stars(s.length - area - 4) + s.slice(-4);
  }
  return stars(s.length - 4) + s.slice(-4);
}

/** `张*`, `欧**`: the surname's first character stays, every other character is a star. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(chars.length);
  return (chars[0] as string) + stars(chars.length - 1);
}

/**
 * Full-width forms (`１３９`, `－`, `（`, `Ｘ`) as their ASCII twins, and wide or
 * non-breaking spaces as a plain space: Chinese input methods type them, and a
 * number typed in full-width digits is the same number. Every replacement is one
 * UTF-16 unit for one, so positions in the result are positions in the original.
 */
const asciiShadow = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u3000]/g, ' ');

/*
 * The numbers free text may carry, tried in this order at each position (one
 * regular expression, so a number is taken whole by the first kind that fits):
 * - resident ID: 18 characters, the last may be X, or grouped 6-8-4;
 * - mobile: 11 digits from 13x–19x, optionally after +86, grouped 3-4-4 or not;
 * - landline: area code (010, 02x or 0xxx, optionally in brackets) and 7–8 digits;
 * - bank card: 13–19 digits, contiguous or in groups of 3 or more (4-4-4-4, 6-13…)
 *   with one kind of separator; 15-digit IDs of the old format fall here too.
 * A number counts only on its own: not glued to letters or digits (hashes,
 * identifiers), not joined by a hyphen to a code (`DE-<uuid>`), not the integer
 * or decimal part of an amount. Dates (2026-10-08), amounts (5690, 12,345.60) and
 * counts never reach 13 digits nor match a phone, so they stay as written.
 */
const BEFORE = String.raw`(?<![0-9A-Za-z]|[0-9A-Za-z]-|\d\.)`;
const AFTER = String.raw`(?![0-9A-Za-z]|-[0-9A-Za-z]|\.\d)`;
const SEP = '[ -]';
const AREA = String.raw`0(?:10|2\d|[3-9]\d{2})`;
const PERSONAL_NUMBER = new RegExp(
  BEFORE +
    '(?:' +
    [
      String.raw`(?<id>\d{17}[\dXx]|\d{6}(?<idSep>${SEP})\d{8}\k<idSep>\d{3}[\dXx])`,
      String.raw`(?<mobile>(?<country>\+?86${SEP}?)?1[3-9]\d(?<mSep>${SEP}?)\d{4}\k<mSep>\d{4})`,
      String.raw`(?<landline>(?:\(${AREA}\)${SEP}?|${AREA}${SEP}?)\d{7,8})`,
      String.raw`(?<card>\d{13,19}|\d{4,6}(?<cSep>${SEP})\d{3,13}(?:\k<cSep>\d{3,13}){0,3})`,
    ].join('|') +
    ')' +
    AFTER,
  'g',
);

const digitsOf = (s: string): string => s.replace(/[^\dXx]/g, '');

/** `6222***********1234`: a card keeps its first and last four digits (the issuer and what a holder reads out). */
function maskCard(digits: string): string {
  return digits.slice(0, 4) + stars(digits.length - 8) + digits.slice(-4);
}

/**
 * Masks the personal numbers in free text (notes, causes, problem descriptions,
 * anything staff typed) wherever it leaves the system: PDFs, workbooks, exports
 * and email bodies. ID numbers, mobile and landline numbers get the masks of the
 * structured fields (`610***********1234`, `139****5678`, `0917***4567`); bank
 * cards keep their first and last four digits. Everything else is left exactly as
 * typed, dates and amounts included. Masking masked text changes nothing.
 */
export function maskFreeText(text: string): string {
  if (!/[\d\uFF10-\uFF19]/.test(text)) return text;
  const shadow = asciiShadow(text);
  let out = '';
  let last = 0;
  for (const m of shadow.matchAll(PERSONAL_NUMBER)) {
    const g = m.groups ?? {};
    const start = m.index;
    const found = m[0];
    let masked: string;
    if (g.id) masked = maskIdNumber(digitsOf(found));
    else if (g.mobile) {
      const country = g.country ?? '';
      masked = text.slice(start, start + country.length) + maskPhone(digitsOf(found.slice(country.length)));
    } else if (g.landline) masked = maskPhone(digitsOf(found));
    else {
      const digits = digitsOf(found);
      // Grouped runs are only cards at a card's length; others (two amounts in a row) stay.
      if (digits.length < 13 || digits.length > 19) continue;
      masked = maskCard(digits);
    }
    out += text.slice(last, start) + masked;
    last = start + found.length;
  }
  return last === 0 ? text : out + text.slice(last);
}
