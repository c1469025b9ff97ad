import { ConfigMissingError } from '../shared/errors.ts';
import * as z from '../shared/zod-mini.ts';

/**
 * Yearly configuration of a county: the monitoring threshold (防返贫监测范围) and
 * what counts as a sharp fall are set each year by policy, so they live here as
 * data, never in code.
 */
export const yearConfigSchema = z.object({
  /** Annual per-capita net income threshold in yuan, e.g. 7100 for 2023. */
  monitoringThreshold: z.number().check(z.positive()),
  /** Share of the previous month's net income whose loss counts as a sharp fall (0.3 = 30%). */
  sharpFallShare: z.number().check(z.gt(0), z.lt(1)),
  /** Households whose annualised per-capita income is within this share above the threshold are "just above". */
  nearThresholdBand: z.number().check(z.gte(0), z.lte(1)),
});
export type YearConfig = z.infer<typeof yearConfigSchema>;

export const deadlinesSchema = z.object({
  /** Day of month by which villages enter the previous month's income. */
  villageEntry: z.number().check(z.int(), z.gte(1), z.lte(28)),
  /** Day of month by which towns finish review. */
  townReview: z.number().check(z.int(), z.gte(1), z.lte(28)),
  /** Day of month by which the county monitoring centre compares. */
  countyComparison: z.number().check(z.int(), z.gte(1), z.lte(28)),
  /**
   * When true, a deadline falling on a day off (a weekend or public holiday of the
   * official calendar, with the county's `calendar` overrides; weekend days worked
   * instead count as working days) moves to the next working day. Optional so older
   * configurations still parse.
   */
  moveOffHolidays: z.optional(z.boolean()),
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

/**
 * The county's changes to the official working calendar. The public holidays and
 * the weekend days worked instead (调休) come from the State Council's yearly notice,
 * carried by the `chinese-days` package (see `domain/shared/work-calendar.ts`); a
 * county lists here only what differs for it: a local day off, or a day it works
 * although the official calendar rests. A day listed as off wins over one listed as
 * worked.
 */
export const workCalendarSchema = z.object({
  /** Days off the county adds to the official calendar. */
  holidays: z._default(z.array(z.iso.date()).check(z.maxLength(400)), []),
  /** Days the county works although the official calendar rests on them (weekend or holiday). */
  workingDays: z._default(z.array(z.iso.date()).check(z.maxLength(400)), []),
  /** Older name of `workingDays` (Saturdays or Sundays worked, 调休上班), still honoured. */
  workingWeekends: z._default(z.array(z.iso.date()).check(z.maxLength(100)), []),
});
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

/** How the monthly analysis spots suspicious records; defaults apply when absent. */
export const incomeChecksSchema = z.object({
  /** A per-capita figure this many robust deviations (MAD × 1.4826) from the village median is suspicious. */
  madLimit: z._default(z.number().check(z.positive()), 3.5),
  /** Villages with fewer records than this are not judged by their spread. */
  madMinRecords: z._default(z.number().check(z.int(), z.gte(3)), 5),
  /** A rise beyond this share of the previous month (1 = doubled) is a sudden jump. */
  jumpShare: z._default(z.number().check(z.positive()), 1),
});
export type IncomeChecks = z.infer<typeof incomeChecksSchema>;

export const countyConfigSchema = z.object({
  countyCode: z.string().check(z.regex(/^\d{6}$/, { error: '县级行政区划代码应为 6 位数字' })),
  countyName: z.string().check(z.minLength(2)),
  /** The office that signs reports and letters. */
  issuingOffice: z.string().check(z.minLength(2)),
  years: z.record(z.string().check(z.regex(/^\d{4}$/)), yearConfigSchema),
  deadlines: deadlinesSchema,
  calendar: z.optional(workCalendarSchema),
  incomeChecks: z.optional(incomeChecksSchema),
});
export type CountyConfig = z.infer<typeof countyConfigSchema>;

/** The year's settings; fails loudly when a year has not been configured. */
export function yearConfig(config: CountyConfig, year: number): YearConfig {
  const found = config.years[String(year)];
  if (!found)
    throw new ConfigMissingError(
      'CONFIG.YEAR_MISSING',
      `尚未配置${year}年的收入监测标准（防返贫监测线等），暂不能办理；请联系县乡村振兴局完成配置后再试`,
      { year, countyCode: config.countyCode },
    );
  return found;
}

/**
 * The synthetic demo county that `npm start` seeds. Nothing here names a real place.
 * (Marked pure so that a bundle which does not use it leaves the parse out of its cold start.)
 */
export const demoCountyConfig: CountyConfig = /* @__PURE__ */ countyConfigSchema.parse({
  countyCode: '610999',
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  // Illustrative thresholds, 200 yuan a year up from 7,500 in 2026, for every year the
  // demo may be run in (a real county enters each year's figure as it is published).
  years: Object.fromEntries(
    Array.from({ length: 80 }, (_, i) => 2020 + i).map((y) => [
      String(y),
      { monitoringThreshold: 7500 + (y - 2026) * 200, sharpFallShare: 0.3, nearThresholdBand: 0.1 },
    ]),
  ),
  deadlines: { villageEntry: 6, townReview: 7, countyComparison: 8, moveOffHolidays: true },
  // No overrides: the demo county keeps the official calendar (State Council notice, via
  // `chinese-days`) as it is. A county adds `calendar: { holidays, workingDays }` only for
  // what differs locally.
});
