import * as z from '../shared/zod-mini.ts';

/**
 * Citizen identity numbers (公民身份号码) as defined by GB 11643-1999: six digits of
 * administrative-region code (GB/T 2260), eight digits of birth date (YYYYMMDD),
 * three digits of sequence (odd for men, even for women) and one check character
 * computed with ISO 7064 MOD 11-2. Data-quality checks, imports and forms all use
 * these functions, so a number is judged the same way everywhere.
 */

/** Weights of the 17 body digits: 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each remainder of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of GB/T 2260 region codes in use (provinces, autonomous regions,
 * municipalities, Taiwan, Hong Kong, Macao). A typo in the province is a common
 * entry mistake that the check digit alone may not catch.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

/** Earliest birth date accepted: older records are almost surely entry errors. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Stable codes of the ways an ID number can be wrong. */
export const idNumberProblemCodes = [
  'ID.LENGTH',
  'ID.FORMAT',
  'ID.REGION',
  'ID.BIRTH_DATE',
  'ID.CHECK_DIGIT',
] as const;
export type IdNumberProblemCode = (typeof idNumberProblemCodes)[number];

export interface IdNumberProblem {
  code: IdNumberProblemCode;
  /** Chinese message for the person at the form or reading the error list. */
  message: string;
}

/** The check character (`0`-`9` or `X`) for the first 17 digits of an ID number. */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] as string;
}

/** Trims and upper-cases a lower-case `x` check character, the way people often type it. */
export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** `YYYYMMDD` to `YYYY-MM-DD` when it names a real calendar day, else undefined. */
function calendarDate(yyyymmdd: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 1990-02-30 over to 1990-03-02; a real date survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Today's date in Asia/Shanghai, where the numbers are issued and checked. */
function todayInShanghai(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The first problem found with an ID number (already normalised), or undefined
 * when it is valid. `now` decides which birth dates lie in the future.
 */
export function idNumberProblem(id: string, now: Date = new Date()): IdNumberProblem | undefined {
  if (id.length !== 18) return { code: 'ID.LENGTH', message: `身份证号码应为 18 位，当前为 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { code: 'ID.FORMAT', message: '身份证号码前 17 位应为数字，最后一位为数字或 X' };
  }
  if (!PROVINCE_CODES.has(id.slice(0, 2)))
    return { code: 'ID.REGION', message: '身份证号码前 6 位行政区划代码无效' };
  const birth = calendarDate(id.slice(6, 14));
  if (!birth) return { code: 'ID.BIRTH_DATE', message: '身份证号码中的出生日期不是有效日期' };
  if (birth < EARLIEST_BIRTH_DATE)
    return { code: 'ID.BIRTH_DATE', message: '身份证号码中的出生日期早于 1900 年，请核实' };
  if (birth > todayInShanghai(now))
    return { code: 'ID.BIRTH_DATE', message: '身份证号码中的出生日期晚于今天，请核实' };
  if (idCheckChar(id.slice(0, 17)) !== id[17])
    return { code: 'ID.CHECK_DIGIT', message: '身份证号码校验位错误，请逐位核对' };
  return undefined;
}

/** Whether `raw` (trimmed, any case) is a valid ID number today. */
export function isValidIdNumber(raw: string, now: Date = new Date()): boolean {
  return idNumberProblem(normaliseIdNumber(raw), now) === undefined;
}

/**
 * An ID number as forms and imports accept it: trimmed, `x` upper-cased, then checked
 * for length, region, a real birth date and the check digit. The issue carries the
 * stable code in `params.code`.
 */
export const idNumberSchema = z.string({ error: '请填写身份证号码' }).check(
  z.trim(),
  z.toUpperCase(),
  z.superRefine((id, ctx) => {
    const problem = idNumberProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  }),
);
export type IdNumber = z.infer<typeof idNumberSchema>;

export type Sex = 'male' | 'female';
export const sexLabels: Record<Sex, string> = { male: '男', female: '女' };

/** Birth date `YYYY-MM-DD` of a valid (normalised) ID number. */
export function birthDateOf(id: string): string {
  const date = calendarDate(id.slice(6, 14));
  if (id.length !== 18 || !date) throw new RangeError('not a valid ID number');
  return date;
}

/** Sex from the sequence code: odd for men, even for women. */
export function sexOf(id: string): Sex {
  if (id.length !== 18) throw new RangeError('not a valid ID number');
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Age in whole years on `onDate` (`YYYY-MM-DD`). */
export function ageOn(id: string, onDate: string): number {
  const birth = birthDateOf(id);
  const years = Number(onDate.slice(0, 4)) - Number(birth.slice(0, 4));
  return onDate.slice(5) >= birth.slice(5) ? years : years - 1;
}

/**
 * Builds a valid ID number, for synthetic data and tests. `seq` (0–999) is the
 * sequence code; its parity decides the sex, so callers choose an odd `seq` for a man.
 */
export function makeIdNumber(region: string, birthDate: string, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError('region must be 6 digits');
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError('seq must be an integer 0–999');
  const ymd = birthDate.replaceAll('-', '');
  if (!calendarDate(ymd)) throw new RangeError(`not a calendar date: ${birthDate}`);
  const body = `${region}${ymd}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}
