/**
 * The scheduled-job function: EventBridge Scheduler invokes it with `{ job, scheduleId }`
 * (and `period`, `date` or `variant` when re-run by hand). Returns a summary without the
 * file bytes. Failed deliveries are not a failed run: they are recorded and retried by
 * the retry sweep.
 */
import * as z from '#domain/shared/zod.ts';
import { jobKinds, jobVariants } from '#domain/system/schedules.ts';
import { periodSchema, quarterSchema } from '#domain/shared/period.ts';
import { logger } from '../platform/clients.ts';
import { countyConfigFromEnv } from '../platform/county-config.ts';
import { runJob } from './run.ts';
import { now } from '#functions/platform/clock.ts';

const config = countyConfigFromEnv();

const jobEventSchema = z.object({
  job: z.enum(jobKinds),
  period: z.union([periodSchema, quarterSchema]).optional(),
  date: z.iso.date().optional(),
  variant: z.enum(jobVariants).optional(),
  scheduleId: z.string().optional(),
});

export const handler = async (event: unknown) => {
  const req = jobEventSchema.parse(event);
  const result = await runJob(req, {
    config,
    now: now(),
    progress: (m) => logger.info(m, { job: req.job }),
  });
  const failed = result.deliveries.filter((d) => d.status === 'failed' || d.status === 'abandoned');
  if (failed.length) logger.warn('deliveries failed', { job: req.job, failed });
  return { ...result, files: result.files.map((f) => ({ filename: f.filename, bytes: f.content.length })) };
};
