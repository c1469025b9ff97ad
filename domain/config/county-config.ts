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
   * When true, a deadline falling on a weekend or public holiday (see `calendar`)
   * moves to the next working day. Optional so older configurations still parse.
   */
  moveOffHolidays: z.optional(z.boolean()),
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

/**
 * The working calendar the deadlines are measured against: public holidays and the
 * weekend days worked instead (调休), published by the State Council each year, so
 * they are data, never code.
 */
export const workCalendarSchema = z.object({
  holidays: z._default(z.array(z.iso.date()).check(z.maxLength(400)), []),
  /** Saturdays or Sundays that are working days (调休上班). */
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
  // 2026 holidays as the demo county configured them (illustrative, not an official list).
  calendar: {
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
});
