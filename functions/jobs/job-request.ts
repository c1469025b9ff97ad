/**
 * What a job run covers, from what it was asked: the variant (which run of the
 * kind), the month and the day. One rule for the scheduler and `npm run job`:
 *
 * - the variant is the one asked for, else the firing schedule's, else the one
 *   the period implies (a month the monthly run, `2026-Q3` the quarterly one),
 *   else the kind's first schedule's;
 * - a period is honoured or refused: a run whose window is a week or a review day
 *   (weekly coverage, the 逢四研事 digest, the daily overdue letters, the retry
 *   sweep) refuses one, a monthly run refuses a quarter, and a quarterly run takes
 *   a quarter or a month (the quarter it falls in);
 * - a variant the kind has no schedule for is refused, never run as another.
 */
import {
  periodSchema,
  quarterMonths,
  quarterSchema,
  reportingPeriodAt,
  shanghaiDate,
} from '#domain/shared/period.ts';
import type { Period } from '#domain/shared/period.ts';
import { scheduleById, schedules, type JobKind, type JobVariant } from '#domain/system/schedules.ts';
import type { JobRequest } from './job.types.ts';

/** A job request that cannot be run as asked. */
export class JobRequestError extends Error {
  constructor(
    readonly code: 'JOB.BAD_PERIOD' | 'JOB.BAD_VARIANT' | 'JOB.PERIOD_NOT_USED' | 'JOB.UNKNOWN_SCHEDULE',
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'JobRequestError';
  }
}

/** What a variant's window is read from. */
type Window = 'month' | 'quarter' | 'day' | 'none';

const windowOfVariant: Record<JobVariant, Window> = {
  monthly: 'month',
  quarterly: 'quarter',
  // The letters about a month's deadlines name that month.
  'village-entry-overdue': 'month',
  'town-review-overdue': 'month',
  // The nightly rule sweep checks the month's records.
  rules: 'month',
  weekly: 'day',
  'town-review': 'day',
  'items-overdue': 'day',
  sweep: 'none',
};

/** The variants a kind runs as: those its schedules name, first schedule first. */
export function variantsOf(job: JobKind): JobVariant[] {
  return [...new Set(schedules.filter((s) => s.job === job).map((s) => s.variant))];
}

export interface ResolvedJobRequest {
  variant: JobVariant;
  /** The month the run covers; for a quarterly run, the quarter's last month. */
  period: Period;
  date: string;
}

/** Resolves `req` at `now` into the variant, month and day the job runs with, or throws `JobRequestError`. */
export function resolveJobRequest(req: JobRequest, now: Date): ResolvedJobRequest {
  const schedule = req.scheduleId ? scheduleById(req.scheduleId) : undefined;
  if (req.scheduleId && !schedule)
    throw new JobRequestError('JOB.UNKNOWN_SCHEDULE', `no schedule "${req.scheduleId}"`);
  const given = req.period;
  const isQuarter = given !== undefined && quarterSchema.safeParse(given).success;
  if (given !== undefined && !isQuarter && !periodSchema.safeParse(given).success)
    throw new JobRequestError(
      'JOB.BAD_PERIOD',
      `period "${given}" is neither a month (2026-10) nor a quarter (2026-Q3)`,
    );

  const variants = variantsOf(req.job);
  const implied: JobVariant | undefined =
    given === undefined
      ? undefined
      : isQuarter
        ? 'quarterly'
        : variants.find((v) => windowOfVariant[v] === 'month' || windowOfVariant[v] === 'quarter');
  const variant = req.variant ?? schedule?.variant ?? implied ?? variants[0] ?? 'monthly';
  if (!variants.includes(variant)) {
    throw new JobRequestError(
      'JOB.BAD_VARIANT',
      `${req.job} has no ${variant} run${given ? ` for period ${given}` : ''} (it runs as ${variants.join(', ')})`,
    );
  }

  const window = windowOfVariant[variant];
  if (given !== undefined) {
    if (window === 'day' || window === 'none') {
      throw new JobRequestError(
        'JOB.PERIOD_NOT_USED',
        `${req.job} ${variant} ${window === 'day' ? 'covers days up to its date' : 'covers no period'}, so it cannot run for period ${given}; ` +
          `drop the period${variants.includes('monthly') ? ' or ask for the monthly variant' : ''}`,
      );
    }
    if (isQuarter && window === 'month')
      throw new JobRequestError(
        'JOB.BAD_PERIOD',
        `${req.job} ${variant} covers a month, not the quarter ${given}`,
      );
  }
  const period: Period = isQuarter ? quarterMonths(given)[2] : (given ?? reportingPeriodAt(now));
  return { variant, period, date: req.date ?? shanghaiDate(now) };
}
