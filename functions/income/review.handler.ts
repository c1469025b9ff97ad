/** POST /api/income/review: town staff accept, correct (with a reason), flag or explain a record of their town. */
import { reviewIncome } from '#domain/income/income.review.ts';
import { incomeReviewSchema } from '#domain/income/income.schema.ts';
import { countyConfigFromEnv } from '../platform/county-config.ts';
import { httpRoute } from '../platform/http.ts';
import { incomeRepository } from '../store/income.repository.ts';
import { now } from '#functions/platform/clock.ts';

const config = countyConfigFromEnv();

export const handler = httpRoute('reviewIncome', incomeReviewSchema, async ({ body, principal }) => {
  const { record, replayed } = await reviewIncome(body, principal, {
    repo: incomeRepository,
    config,
    now: now(),
  });
  return { status: 200, body: { record }, headers: { 'x-idempotent-replay': String(replayed) } };
});
