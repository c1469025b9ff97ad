/**
 * The day a deadline-bound job runs for a month, on the working calendar
 * (`work-calendar.ts`): its schedule fires every day of a window
 * (`ScheduleDef.deadlineBound`) and the job runs only on this day.
 *
 * - the letters about village entry and town review: the first working day after
 *   the (moved) deadline, at 00:30, so the deadline day is over;
 * - the monthly analysis: the first working day after the (moved) town-review
 *   deadline, and not before the (moved) county-comparison deadline, at 09:00, so
 *   every town's review is in;
 * - the quarterly material: the first working day after the monthly analysis of
 *   the quarter's last month.
 */
import type { CountyConfig } from '../config/county-config.ts';
import { stageDeadline, stageRunDay } from '../income/income.window.ts';
import type { Period } from '../shared/period.ts';
import { nextWorkingDay } from '../shared/work-calendar.ts';
import type { JobKind, JobVariant } from './schedules.ts';

/** The day the monthly income analysis of `period` runs. */
export function monthlyAnalysisDay(period: Period, config: CountyConfig): string {
  const afterReview = stageRunDay(period, 'townReview', config);
  const comparison = stageDeadline(period, 'countyComparison', config);
  return afterReview > comparison ? afterReview : comparison;
}

/**
 * The day the (job, variant) run about `period` (for the quarterly run, the
 * quarter's last month) is due, or undefined when the run is not bound to a
 * deadline of the income cycle.
 */
export function runDayOf(
  job: JobKind,
  variant: JobVariant,
  period: Period,
  config: CountyConfig,
): string | undefined {
  if (job === 'reminder-letters' && variant === 'village-entry-overdue')
    return stageRunDay(period, 'villageEntry', config);
  if (job === 'reminder-letters' && variant === 'town-review-overdue')
    return stageRunDay(period, 'townReview', config);
  if (job === 'monthly-income' && variant === 'monthly') return monthlyAnalysisDay(period, config);
  if (job === 'income-quarterly' && variant === 'quarterly')
    return nextWorkingDay(monthlyAnalysisDay(period, config), config.calendar);
  return undefined;
}
