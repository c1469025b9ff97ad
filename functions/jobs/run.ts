/**
 * The job registry: the one entry both the scheduler (through `functions/run-job`)
 * and `npm run job` use. One `case` per job kind; a kind the calendar declares
 * whose job has not landed yet fails with `JOB.NOT_IMPLEMENTED`.
 */
import type { CountyConfig } from '#domain/config/county-config.ts';
import { periodLabel } from '#domain/shared/period.ts';
import { runDayOf } from '#domain/system/run-days.ts';
import { scheduleById, type JobKind } from '#domain/system/schedules.ts';
import { runDataQuality } from './data-quality.job.ts';
import { runDeliveryRetry } from './delivery-retry.job.ts';
import { runReminderLetters } from './reminder-letters.job.ts';
import type { JobContext, JobHooks, JobRequest, JobResult, Progress } from './job.types.ts';
import { runMonthlyIncome } from './monthly-income.job.ts';
import { runPetitionSummary } from './petition-summary.job.ts';
import { runIncomeQuarterly } from './income-quarterly.job.ts';
import { resolveJobRequest } from './job-request.ts';
import { runVisitCoverage } from './visit-coverage.job.ts';

/** A job kind declared in the calendar whose job does not exist yet. */
export class JobNotImplementedError extends Error {
  readonly code = 'JOB.NOT_IMPLEMENTED';
  constructor(readonly job: JobKind) {
    super(`JOB.NOT_IMPLEMENTED: job kind "${job}" is declared in the calendar but has no job yet`);
    this.name = 'JobNotImplementedError';
  }
}

export async function runJob(
  req: JobRequest,
  deps: { config: CountyConfig; now: Date; progress?: Progress; hooks?: JobHooks },
): Promise<JobResult> {
  // Which run, month and day: a period or variant that cannot be honoured throws `JobRequestError`.
  const { period, date, variant } = resolveJobRequest(req, deps.now);
  const ctx: JobContext = {
    period,
    date,
    variant,
    config: deps.config,
    now: deps.now,
    progress: deps.progress ?? (() => undefined),
    hooks: deps.hooks ?? {},
  };
  // A deadline-bound schedule fires every day of its window; the working calendar says which day is the run's.
  const schedule = req.scheduleId ? scheduleById(req.scheduleId) : undefined;
  if (schedule?.deadlineBound && req.period === undefined && req.date === undefined) {
    const dueOn = runDayOf(req.job, variant, period, deps.config);
    if (dueOn !== undefined && dueOn !== date) {
      const message = `${schedule.id}：今日（${date}）不是${periodLabel(period)}的运行日，按工作日历应于 ${dueOn} 运行；本次不生成、不归档、不发送`;
      ctx.progress(message);
      return {
        job: req.job,
        period,
        reports: [],
        deliveries: [],
        files: [],
        notDue: { code: 'JOB.NOT_DUE_TODAY', date, dueOn, message },
      };
    }
  }
  switch (req.job) {
    case 'monthly-income':
      return runMonthlyIncome(ctx);
    case 'delivery-retry':
      return runDeliveryRetry(ctx);
    case 'data-quality':
      return runDataQuality(ctx);
    case 'reminder-letters':
      return runReminderLetters(ctx);
    case 'visit-coverage':
      return runVisitCoverage(ctx);
    case 'petition-summary':
      return runPetitionSummary(ctx);
    case 'income-quarterly':
      return runIncomeQuarterly(ctx);
  }
}
