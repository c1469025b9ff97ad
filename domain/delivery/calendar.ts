/**
 * What a scheduled run covers, from the moment it fires (Asia/Shanghai): the month
 * for monthly reports, the week before for weekly ones, the quarter before for
 * quarterly ones.
 */
import {
  quarterLabel,
  quarterMonths,
  quarterOf,
  reportingPeriodAt,
  shanghaiDate,
  type Period,
} from '../shared/period.ts';

/** The month a monthly job firing at `at` reports on: the previous one. */
export const monthCovered = (at: Date): Period => reportingPeriodAt(at);

/** The Monday-to-Sunday week before the one `at` falls in, as Shanghai dates. */
export function previousWeek(at: Date): { from: string; to: string } {
  const today = new Date(`${shanghaiDate(at)}T00:00:00Z`);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - (sinceMonday + 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** The quarter before the one `at` falls in: its label and its three months. */
export function previousQuarter(at: Date): { label: string; months: [Period, Period, Period] } {
  const quarter = quarterOf(reportingPeriodAt(at));
  return { label: quarterLabel(quarter), months: quarterMonths(quarter) };
}
