/** POST /api/income/county-flags: the monitoring centre marks a record suspicious in a comparison round. */
import { flagIncomeByCounty } from '#domain/income/income.review.ts';
import { incomeCountyFlagSchema } from '#domain/income/income.schema.ts';
import { countyConfigFromEnv } from '../platform/county-config.ts';
import { httpRoute } from '../platform/http.ts';
import { incomeRepository } from '../store/income.repository.ts';
import { now } from '#functions/platform/clock.ts';

const config = countyConfigFromEnv();

export const handler = httpRoute(
  'flagIncomeByCounty',
  incomeCountyFlagSchema,
  async ({ body, principal }) => {
    const { record, replayed } = await flagIncomeByCounty(body, principal, {
      repo: incomeRepository,
      config,
      now: now(),
    });
    return { status: 200, body: { record }, headers: { 'x-idempotent-replay': String(replayed) } };
  },
);
