import { z } from '../shared/zod.ts';

/**
 * Yearly configuration of a county: the monitoring threshold (防返贫监测范围) and
 * what counts as a sharp fall are set each year by policy, so they live here as
 * data, never in code.
 */
export const yearConfigSchema = z.object({
  /** Annual per-capita net income threshold in yuan, e.g. 7100 for 2023. */
  monitoringThreshold: z.number().positive(),
  /** Share of the previous month's net income whose loss counts as a sharp fall (0.3 = 30%). */
  sharpFallShare: z.number().gt(0).lt(1),
  /** Households whose annualised per-capita income is within this share above the threshold are "just above". */
  nearThresholdBand: z.number().min(0).max(1),
});
export type YearConfig = z.infer<typeof yearConfigSchema>;

export const deadlinesSchema = z.object({
  /** Day of month by which villages enter the previous month's income. */
  villageEntry: z.number().int().min(1).max(28),
  /** Day of month by which towns finish review. */
  townReview: z.number().int().min(1).max(28),
  /** Day of month by which the county monitoring centre compares. */
  countyComparison: z.number().int().min(1).max(28),
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

export const countyConfigSchema = z.object({
  countyCode: z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为 6 位数字' }),
  countyName: z.string().min(2),
  /** The office that signs reports and letters. */
  issuingOffice: z.string().min(2),
  years: z.record(z.string().regex(/^\d{4}$/), yearConfigSchema),
  deadlines: deadlinesSchema,
});
export type CountyConfig = z.infer<typeof countyConfigSchema>;

/** The year's settings; fails loudly when a year has not been configured. */
export function yearConfig(config: CountyConfig, year: number): YearConfig {
  const found = config.years[String(year)];
  if (!found) throw new Error(`CONFIG.YEAR_MISSING: no yearly configuration for ${year} in county ${config.countyCode}`);
  return found;
}

/** The synthetic demo county that `npm start` seeds. Nothing here names a real place. */
export const demoCountyConfig: CountyConfig = countyConfigSchema.parse({
  countyCode: '610999',
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  years: {
    '2025': { monitoringThreshold: 7300, sharpFallShare: 0.3, nearThresholdBand: 0.1 },
    '2026': { monitoringThreshold: 7500, sharpFallShare: 0.3, nearThresholdBand: 0.1 },
    '2027': { monitoringThreshold: 7700, sharpFallShare: 0.3, nearThresholdBand: 0.1 },
  },
  deadlines: { villageEntry: 6, townReview: 7, countyComparison: 8 },
});
