/** Runs the logic rules now over a month's records (the same run the nightly job makes). */
import { periodSchema, reportingPeriodAt } from '#domain/shared/period.ts';
import * as z from '#domain/shared/zod.ts';
import { httpRoute } from '../platform/http.ts';
import { runRuleSweep } from './rule-sweep.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

const ruleRunSchema = z.strictObject({ period: z.optional(periodSchema) });

export const handler = httpRoute('runQualityRules', ruleRunSchema, async ({ body, principal }) => {
  const now = clockNow();
  const result = await runRuleSweep({
    countyCode: principal.countyCode,
    period: body.period ?? reportingPeriodAt(now),
    now,
    who: principal,
  });
  return { status: 200, body: result };
});
