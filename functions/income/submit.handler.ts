/** POST /api/income: a village enters one household's monthly income. */
import { incomeEntrySchema } from '#domain/income/income.schema.ts';
import { submitIncome } from '#domain/income/income.submit.ts';
import { countyConfigFromEnv } from '../platform/county-config.ts';
import { httpRoute } from '../platform/http.ts';
import { incomeRepository } from '../store/income.repository.ts';
import { now } from '#functions/platform/clock.ts';

const config = countyConfigFromEnv();

export const handler = httpRoute('submitIncome', incomeEntrySchema, async ({ body, principal }) => {
  const { record, replayed } = await submitIncome(body, principal, {
    repo: incomeRepository,
    config,
    now: now(),
  });
  return { status: 201, body: { record }, headers: { 'x-idempotent-replay': String(replayed) } };
});
