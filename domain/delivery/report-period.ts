/**
 * How an archived report's kind and period read to staff, in the email subject and
 * on the archive pages. The archive slot's period says which run it was (see the
 * jobs): a month, a quarter (`2026-Q3`) or a day, where a weekly coverage report's
 * day is its week's Monday and a petition digest's day is the review day.
 */
import { reportKindLabels, reportKindSchema } from '../org/staff.schema.ts';
import { slotPeriodLabel } from '../shared/period.ts';

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const isMonth = (s: string) => /^\d{4}-\d{2}$/.test(s);

/** `2026-11-02` plus `days`, as `YYYY-MM-DD`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2026年11月2日至11月8日`; the year is written again only when the week crosses into the next one. */
export function weekLabel(monday: string): string {
  const sunday = addDays(monday, 6);
  const end = slotPeriodLabel(sunday);
  return `${slotPeriodLabel(monday)}至${sunday.slice(0, 4) === monday.slice(0, 4) ? end.replace(/^\d+年/, '') : end}`;
}

/**
 * The report's name for a slot: its kind's label, with 周报 or 月报 for visit
 * coverage (weekly and monthly reports share the kind). An unknown kind is shown
 * as itself, so an old archive record still lists.
 */
export function reportKindText(kind: string, period: string): string {
  const k = reportKindSchema.safeParse(kind);
  if (!k.success) return kind;
  const label = reportKindLabels[k.data];
  if (k.data === 'visit-coverage') {
    if (isDay(period)) return `${label}周报`;
    if (isMonth(period)) return `${label}月报`;
  }
  return label;
}

/** The period a report covers, as staff read it: `2026年10月`, `2026年第三季度`, `2026年11月14日`, or a week. */
export function reportPeriodText(kind: string, period: string): string {
  if (kind === 'visit-coverage' && isDay(period)) return weekLabel(period);
  return slotPeriodLabel(period);
}
