import { reportingPeriodAt, periodSchema } from '#domain/shared/period.ts';
import type { CountyConfig } from '#domain/config/county-config.ts';
import { runMonthlyIncome } from './monthly-income.job.ts';
import type { JobRequest, JobResult, Progress } from './job.types.ts';

/** Dispatches a job request: the one entry both the scheduler and `npm run job` use. */
export async function runJob(
  req: JobRequest,
  deps: { config: CountyConfig; now: Date; progress?: Progress },
): Promise<JobResult> {
  const period = periodSchema.parse(req.period ?? reportingPeriodAt(deps.now));
  const progress = deps.progress ?? (() => undefined);
  switch (req.job) {
    case 'monthly-income':
      return runMonthlyIncome({ period, config: deps.config, now: deps.now, progress });
  }
}
