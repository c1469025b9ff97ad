/**
 * The one answer to "is this day a working day?" (Asia/Shanghai calendar days,
 * YYYY-MM-DD) that every deadline, window, reminder, schedule and timeliness figure
 * is measured on:
 *
 * 1. the official calendar: the public holidays and the weekend days worked instead
 *    (调休上班) of the State Council's yearly notice (国务院办公厅关于部分节假日安排的通知),
 *    as carried by the maintained `chinese-days` package (its data only: the JSON it
 *    publishes, no code of it runs here);
 * 2. then the county's overrides (`CountyConfig.calendar`): days it adds as days off
 *    (`holidays`), and days it works although the official calendar rests
 *    (`workingDays`, or the older `workingWeekends`). A day the county lists as off
 *    wins over one it lists as worked.
 *
 * A year the package has no notice for (before 2004, or a year whose notice is not
 * out or not yet in the installed version) counts weekends only: Saturday and
 * Sunday off, every other day worked. Nothing fails for such a year; the county
 * adds the year's holidays as overrides until the package carries them, and
 * `officialCalendarCovers(year)` says whether it does.
 */
import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** What the county may change of the official calendar (the shape of `CountyConfig.calendar`). */
export interface WorkCalendarOverrides {
  /** Days off the county adds (a local holiday, a day the official calendar does not yet carry). */
  holidays?: readonly string[];
  /** Days the county works although the official calendar rests on them (weekends or holidays). */
  workingDays?: readonly string[];
  /** Weekend days worked (调休上班): the older name of `workingDays`, still honoured. */
  workingWeekends?: readonly string[];
}

// Read inside the functions only, never at the top level: a bundle that does not ask
// about working days (a form page importing a schema beside these) leaves the data out.
const holidaysOf = (): Readonly<Record<string, string>> => official.holidays;
const workdaysOf = (): Readonly<Record<string, string>> => official.workdays;
let coveredYears: ReadonlySet<number> | undefined;

/** Whether the official calendar carries the State Council's notice for `year`. */
export function officialCalendarCovers(year: number): boolean {
  coveredYears ??= new Set(Object.keys(holidaysOf()).map((d) => Number(d.slice(0, 4))));
  return coveredYears.has(year);
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Whether `day` is a working day by the official calendar alone (weekends only for a year it does not cover). */
export function isOfficialWorkingDay(day: string): boolean {
  if (day in holidaysOf()) return false;
  if (day in workdaysOf()) return true;
  const dow = weekday(day);
  return dow !== 0 && dow !== 6;
}

/** Whether `day` (YYYY-MM-DD) is a working day: the official calendar, then the county's overrides. */
export function isWorkingDay(day: string, overrides?: WorkCalendarOverrides): boolean {
  if (overrides?.holidays?.includes(day)) return false;
  if (overrides?.workingDays?.includes(day) || overrides?.workingWeekends?.includes(day)) return true;
  return isOfficialWorkingDay(day);
}

/** The calendar day after `day`. */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The longest run of days off looked through before giving up: no real holiday is
 * this long (the Spring Festival with its weekends is nine), so it only keeps an
 * override that marks a whole season off from looping.
 */
const MAX_DAYS_OFF = 30;

/** `day` itself when it is a working day, else the next working day after it. */
export function onOrNextWorkingDay(day: string, overrides?: WorkCalendarOverrides): string {
  let d = day;
  for (let i = 0; i < MAX_DAYS_OFF && !isWorkingDay(d, overrides); i++) d = nextDay(d);
  return d;
}

/** The first working day strictly after `day`. */
export const nextWorkingDay = (day: string, overrides?: WorkCalendarOverrides): string =>
  onOrNextWorkingDay(nextDay(day), overrides);
