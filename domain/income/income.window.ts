/**
 * The windows of a month's income cycle (Asia/Shanghai): village entry (录入, by
 * the 6th of the following month), town review (镇级比对研判, by the 7th) and
 * county comparison (县级比对, by the 8th). Each closes after its day, moved to the
 * next working day when the configuration says so and the day is not a working
 * day of the official calendar (with the county's overrides, `work-calendar.ts`).
 * The county may reopen a period for a unit, each reopening recorded with who, why
 * and until when (register kind `entry-window`); a reopening opens the unit's
 * whole cycle again (entry, and the review and comparison of what is entered).
 *
 * The jobs bound to a deadline (the overdue letters, the monthly analysis) run on
 * the first working day after it (`stageRunDay`), wherever the deadline moved.
 */
import type { CountyConfig, Deadlines } from '../config/county-config.ts';
import { DomainError } from '../shared/errors.ts';
import { addMonths, periodParts, periodSchema, shanghaiDate, type Period } from '../shared/period.ts';
import {
  isWorkingDay as isCalendarWorkingDay,
  nextWorkingDay,
  onOrNextWorkingDay,
} from '../shared/work-calendar.ts';
import * as z from '../shared/zod-mini.ts';

export const ENTRY_WINDOW_KIND = 'entry-window';

/** Refused because the period's entry is closed for the unit. 409: the request was fine, the calendar is not. */
export class IncomePeriodClosedError extends DomainError {
  constructor(period: Period, deadline: string) {
    const [y, m] = period.split('-');
    super(
      'INCOME.PERIOD_CLOSED',
      `${y}年${Number(m)}月的收入录入已于 ${deadline} 截止；如确需补录或修改，请联系县乡村振兴局为本单位重新开放录入`,
      'conflict',
      [{ path: 'period', code: 'period_closed', message: `该月录入已于 ${deadline} 截止` }],
      { deadline },
    );
  }
}

/** Refused because the period's town review is closed for the record's town. */
export class IncomeReviewClosedError extends DomainError {
  constructor(period: Period, deadline: string) {
    const [y, m] = period.split('-');
    super(
      'INCOME.REVIEW_CLOSED',
      `${y}年${Number(m)}月的镇级比对研判已于 ${deadline} 截止；如确需审核或更正，请联系县乡村振兴局为本单位重新开放`,
      'conflict',
      [{ path: 'period', code: 'review_closed', message: `该月镇级比对研判已于 ${deadline} 截止` }],
      { deadline },
    );
  }
}

/** Refused because the period's county comparison is closed. */
export class IncomeComparisonClosedError extends DomainError {
  constructor(period: Period, deadline: string) {
    const [y, m] = period.split('-');
    super(
      'INCOME.COMPARISON_CLOSED',
      `${y}年${Number(m)}月的县级比对已于 ${deadline} 截止；如确需继续比对，请先为该镇（村）重新开放该月`,
      'conflict',
      [{ path: 'period', code: 'comparison_closed', message: `该月县级比对已于 ${deadline} 截止` }],
      { deadline },
    );
  }
}

/** Whether `day` (YYYY-MM-DD) is a working day: the official calendar with the county's overrides. */
export function isWorkingDay(day: string, config: CountyConfig): boolean {
  return isCalendarWorkingDay(day, config.calendar);
}

/** A stage of the monthly cycle, by its deadline's name in `CountyConfig.deadlines`. */
export type IncomeStage = keyof Omit<Deadlines, 'moveOffHolidays'>;

/**
 * The last calendar day (Asia/Shanghai) of a stage of `period`'s cycle: the
 * configured day of the following month, moved to the next working day when
 * configured and the day is not one.
 */
export function stageDeadline(period: Period, stage: IncomeStage, config: CountyConfig): string {
  const { year, month } = periodParts(addMonths(period, 1));
  const day = `${year}-${String(month).padStart(2, '0')}-${String(config.deadlines[stage]).padStart(2, '0')}`;
  return config.deadlines.moveOffHolidays ? onOrNextWorkingDay(day, config.calendar) : day;
}

/**
 * The day a job bound to a stage's deadline runs for `period`: the first working
 * day after the (moved) deadline. The overdue letters run then at 00:30, so the
 * deadline day is over; the monthly analysis runs at 09:00 on the day after the
 * town review (`townReview`), so it reads every town's review.
 */
export function stageRunDay(period: Period, stage: IncomeStage, config: CountyConfig): string {
  return nextWorkingDay(stageDeadline(period, stage, config), config.calendar);
}

/** A county reopening of a period's entry for one village or town. */
export const entryWindowSchema = z.strictObject({
  period: periodSchema,
  /** The village or town the entry is reopened for (a town reopens all its villages). */
  unitId: z
    .string({ error: '请选择村/社区或镇/街道' })
    .check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请从列表中选择单位' })),
  /** Last day (Asia/Shanghai) on which entry is open again. */
  until: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }),
  reason: z
    .string({ error: '请填写重新开放的原因' })
    .check(
      z.trim(),
      z.minLength(4, { error: '原因至少 4 个字' }),
      z.maxLength(300, { error: '原因不超过 300 字' }),
    ),
});
export type EntryWindow = z.infer<typeof entryWindowSchema>;

/** What the reopen form submits. */
export const entryWindowRequestSchema = z.extend(entryWindowSchema, {
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
});
export type EntryWindowRequest = z.infer<typeof entryWindowRequestSchema>;

/** The decision for one unit: open or not, and until which day. */
export interface EntryWindowState {
  open: boolean;
  deadline: string;
  /** Set when a reopening is what keeps the window open. */
  reopenedUntil?: string;
}

/**
 * Whether `period`'s village entry is open at `now` for a household of
 * `villageId` in `townId`, given the county's reopenings. A reopening counts from
 * its record on (the caller passes them all; any that covers today opens it).
 */
export function entryWindowState(
  period: Period,
  unit: { villageId: string; townId: string },
  now: Date,
  config: CountyConfig,
  reopenings: readonly EntryWindow[],
): EntryWindowState {
  return stageWindowState(period, 'villageEntry', unit, now, config, reopenings);
}

/** Whether `stage` of `period`'s cycle is open at `now` for the unit: until its deadline, or while a reopening covers it. */
export function stageWindowState(
  period: Period,
  stage: IncomeStage,
  unit: { villageId: string; townId: string },
  now: Date,
  config: CountyConfig,
  reopenings: readonly EntryWindow[],
): EntryWindowState {
  const deadline = stageDeadline(period, stage, config);
  const today = shanghaiDate(now);
  if (today <= deadline) return { open: true, deadline };
  const covering = reopenings
    .filter(
      (w) =>
        w.period === period && (w.unitId === unit.villageId || w.unitId === unit.townId) && today <= w.until,
    )
    .sort((a, b) => b.until.localeCompare(a.until))[0];
  return covering ? { open: true, deadline, reopenedUntil: covering.until } : { open: false, deadline };
}

export function assertEntryOpen(...args: Parameters<typeof entryWindowState>): void {
  const state = entryWindowState(...args);
  if (!state.open) throw new IncomePeriodClosedError(args[0], state.deadline);
}

/** Refuses a town review after the period's (moved) town-review deadline, as village entry is refused after its own. */
export function assertReviewOpen(...args: Parameters<typeof entryWindowState>): void {
  const [period, unit, now, config, reopenings] = args;
  const state = stageWindowState(period, 'townReview', unit, now, config, reopenings);
  if (!state.open) throw new IncomeReviewClosedError(period, state.deadline);
}

/** Refuses a county comparison round after the period's (moved) county-comparison deadline. */
export function assertComparisonOpen(...args: Parameters<typeof entryWindowState>): void {
  const [period, unit, now, config, reopenings] = args;
  const state = stageWindowState(period, 'countyComparison', unit, now, config, reopenings);
  if (!state.open) throw new IncomeComparisonClosedError(period, state.deadline);
}
