/**
 * How a run's variant, month and day follow from what was asked: `npm run job --
 * visit-coverage --period 2026-10` once ran the weekly report and ignored the
 * month. A period is now honoured or refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { JobRequestError, resolveJobRequest, variantsOf } from './job-request.ts';
import type { JobRequest } from './job.types.ts';

// Monday 9 November 2026, 09:00 in Shanghai.
const now = new Date('2026-11-09T01:00:00Z');
const resolve = (req: JobRequest) => resolveJobRequest(req, now);
const refusal = (req: JobRequest): string => {
  try {
    resolve(req);
  } catch (e) {
    expect(e).toBeInstanceOf(JobRequestError);
    return (e as Error).message;
  }
  throw new Error(`not refused: ${JSON.stringify(req)}`);
};

describe('job requests', () => {
  it('runs the monthly report for a month given without a variant', () => {
    expect(resolve({ job: 'visit-coverage', period: '2026-10' })).toEqual({
      variant: 'monthly',
      period: '2026-10',
      date: '2026-11-09',
    });
    expect(resolve({ job: 'petition-summary', period: '2026-10' })).toMatchObject({
      variant: 'monthly',
      period: '2026-10',
    });
    expect(resolve({ job: 'data-quality', period: '2026-09' })).toMatchObject({ variant: 'monthly' });
    expect(resolve({ job: 'monthly-income', period: '2026-09' })).toMatchObject({ variant: 'monthly' });
  });

  it('runs the quarterly report for a quarter, as the quarter’s last month', () => {
    expect(resolve({ job: 'petition-summary', period: '2026-Q3' })).toMatchObject({
      variant: 'quarterly',
      period: '2026-09',
    });
    expect(resolve({ job: 'income-quarterly', period: '2026-Q4' })).toMatchObject({
      variant: 'quarterly',
      period: '2026-12',
    });
    // A month asks the quarterly run for the quarter it falls in.
    expect(resolve({ job: 'income-quarterly', period: '2026-08' })).toMatchObject({
      variant: 'quarterly',
      period: '2026-08',
    });
    expect(resolve({ job: 'petition-summary', period: '2026-10', variant: 'quarterly' })).toMatchObject({
      variant: 'quarterly',
      period: '2026-10',
    });
  });

  it('keeps the schedule’s or the kind’s first run when no period is given', () => {
    expect(resolve({ job: 'visit-coverage' })).toEqual({
      variant: 'weekly',
      period: '2026-10',
      date: '2026-11-09',
    });
    expect(resolve({ job: 'petition-summary', date: '2026-11-14' })).toMatchObject({
      variant: 'town-review',
      date: '2026-11-14',
    });
    expect(resolve({ job: 'visit-coverage', scheduleId: 'visit-coverage-monthly' })).toMatchObject({
      variant: 'monthly',
    });
    expect(resolve({ job: 'monthly-income' })).toMatchObject({ variant: 'monthly', period: '2026-10' });
    expect(variantsOf('petition-summary')).toEqual(['town-review', 'monthly', 'quarterly']);
  });

  it('refuses a period the run would ignore, a quarter for a monthly run and a variant the kind has not', () => {
    expect(refusal({ job: 'visit-coverage', variant: 'weekly', period: '2026-10' })).toMatch(
      /^JOB.PERIOD_NOT_USED: .*weekly.*2026-10.*monthly/,
    );
    expect(refusal({ job: 'petition-summary', variant: 'town-review', period: '2026-10' })).toMatch(
      /^JOB.PERIOD_NOT_USED/,
    );
    expect(refusal({ job: 'reminder-letters', variant: 'items-overdue', period: '2026-10' })).toMatch(
      /^JOB.PERIOD_NOT_USED/,
    );
    expect(refusal({ job: 'delivery-retry', period: '2026-10' })).toMatch(/^JOB.PERIOD_NOT_USED/);
    expect(refusal({ job: 'petition-summary', variant: 'monthly', period: '2026-Q3' })).toMatch(
      /^JOB.BAD_PERIOD/,
    );
    expect(refusal({ job: 'visit-coverage', period: '2026-Q3' })).toMatch(/^JOB.BAD_VARIANT: .*quarterly/);
    expect(refusal({ job: 'monthly-income', period: '2026-Q3' })).toMatch(/^JOB.BAD_VARIANT/);
    expect(refusal({ job: 'visit-coverage', variant: 'quarterly' })).toMatch(/^JOB.BAD_VARIANT/);
    expect(refusal({ job: 'monthly-income', period: '2026-13' })).toMatch(/^JOB.BAD_PERIOD/);
    expect(refusal({ job: 'monthly-income', period: '2026-Q5' })).toMatch(/^JOB.BAD_PERIOD/);
    expect(refusal({ job: 'monthly-income', scheduleId: 'no-such-schedule' })).toMatch(
      /^JOB.UNKNOWN_SCHEDULE/,
    );
  });
});
