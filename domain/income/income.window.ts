/**
 * Entry windows (录入期限): a period's village entry closes after the county's
 * deadline (the 6th of the following month, Asia/Shanghai), moved to the next
 * working day when the configuration says so and the day is a holiday or weekend;
 * the county may reopen it for a unit, each reopening recorded with who, why and
 * until when (register kind `entry-window`).
 */
import type { CountyConfig, Deadlines } from '../config/county-config.ts';
import { DomainError } from '../shared/errors.ts';
import { addMonths, periodParts, periodSchema, shanghaiDate, type Period } from '../shared/period.ts';
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

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (day: string) => isoDate(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/** Whether `day` (YYYY-MM-DD) is a working day under the county's calendar. */
export function isWorkingDay(day: string, config: CountyConfig): boolean {
  const cal = config.calendar;
  if (cal?.holidays.includes(day)) return false;
  if (cal?.workingWeekends.includes(day)) return true;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The last calendar day (Asia/Shanghai) of a stage of `period`'s cycle: the
 * configured day of the following month, moved past holidays when configured.
 */
export function stageDeadline(
  period: Period,
  stage: keyof Omit<Deadlines, 'moveOffHolidays'>,
  config: CountyConfig,
): string {
  const { year, month } = periodParts(addMonths(period, 1));
  let day = `${year}-${String(month).padStart(2, '0')}-${String(config.deadlines[stage]).padStart(2, '0')}`;
  if (config.deadlines.moveOffHolidays) {
    // A year's holidays never run 30 days in a row; the bound keeps a bad calendar from looping.
    for (let i = 0; i < 30 && !isWorkingDay(day, config); i++) day = nextDay(day);
  }
  return day;
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
  const deadline = stageDeadline(period, 'villageEntry', config);
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
