import * as z from './zod.ts';

/** A calendar month, `YYYY-MM`. Income is entered per month. */
export const periodSchema = z
  .string({ error: '请选择月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-10' });
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
export const sameMonthLastYear = (p: Period): Period => addMonths(p, -12);

/** `2026年10月` */
export function periodLabel(period: Period): string {
  const { year, month } = periodParts(period);
  return `${year}年${month}月`;
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
