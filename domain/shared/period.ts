import * as z from './zod-mini.ts';

/** A calendar month, `YYYY-MM`. Income is entered per month. */
export const periodSchema = z
  .string({ error: '请选择月份' })
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-10' }));
export type Period = z.infer<typeof periodSchema>;

export function periodParts(period: Period): { year: number; month: number } {
  const [y, m] = period.split('-');
  return { year: Number(y), month: Number(m) };
}

export function makePeriod(year: number, month: number): Period {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(period: Period, n: number): Period {
  const { year, month } = periodParts(period);
  return makePeriod(year, month + n);
}

export const previousPeriod = (p: Period): Period => addMonths(p, -1);

/** The last calendar day of a month (`2026-02` → `2026-02-28`). */
export function lastDayOfPeriod(period: Period): string {
  const { year, month } = periodParts(period);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
export const sameMonthLastYear = (p: Period): Period => addMonths(p, -12);

/** `2026年10月` */
export function periodLabel(period: Period): string {
  const { year, month } = periodParts(period);
  return `${year}年${month}月`;
}

/**
 * A calendar quarter, `YYYY-Qn`: the archive slot of quarterly reports and what
 * `npm run job -- … --period 2026-Q3` asks for.
 */
export const quarterSchema = z
  .string({ error: '请选择季度' })
  .check(z.regex(/^\d{4}-Q[1-4]$/, { error: '季度格式应为 YYYY-Qn，例如 2026-Q3' }));
export type Quarter = z.infer<typeof quarterSchema>;

const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const isQuarter = (s: string) => /^\d{4}-Q[1-4]$/.test(s);
const isDay = (s: string) => /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s);

/** The quarter a month falls in: `2026-08` → `2026-Q3`. */
export function quarterOf(period: Period): Quarter {
  const { year, month } = periodParts(period);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** The three months of a quarter, oldest first: `2026-Q3` → `2026-07`, `2026-08`, `2026-09`. */
export function quarterMonths(quarter: Quarter): [Period, Period, Period] {
  const year = Number(quarter.slice(0, 4));
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [makePeriod(year, first), makePeriod(year, first + 1), makePeriod(year, first + 2)];
}

const quarterWords = ['一', '二', '三', '四'] as const;

/** `2026-Q3` → `2026年第三季度`, the way an official document names a quarter. */
export function quarterLabel(quarter: Quarter): string {
  if (!isQuarter(quarter)) throw new RangeError(`PERIOD.NOT_A_QUARTER: ${quarter}`);
  return `${quarter.slice(0, 4)}年第${quarterWords[Number(quarter.slice(6)) - 1] ?? ''}季度`;
}

/** `2026-11-04` → `2026年11月4日`. */
export function dayLabel(date: string): string {
  if (!isDay(date)) throw new RangeError(`PERIOD.NOT_A_DAY: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/**
 * How an archive slot's period reads to staff: a month `2026-10` → `2026年10月`,
 * a quarter `2026-Q3` → `2026年第三季度`, a day `2026-11-14` → `2026年11月14日`.
 * Anything else is a programming error and throws, rather than print `NaN`.
 */
export function slotPeriodLabel(slot: string): string {
  if (isMonth(slot)) return periodLabel(slot);
  if (isQuarter(slot)) return quarterLabel(slot);
  if (isDay(slot)) return dayLabel(slot);
  throw new RangeError(`PERIOD.UNKNOWN_SLOT: "${slot}" is neither YYYY-MM, YYYY-Qn nor YYYY-MM-DD`);
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The period whose data a job running at `at` works on: the previous month in Asia/Shanghai. */
export function reportingPeriodAt(at: Date): Period {
  const [y, m] = shanghaiDate(at).split('-').map(Number) as [number, number];
  return makePeriod(y, m - 1);
}

/** Formats an instant as `2026-11-08 09:30` in Asia/Shanghai, the way staff read times. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
