/**
 * Runs the shared schedules locally with croner, in Asia/Shanghai, by invoking the
 * scheduled-job function exactly as EventBridge Scheduler does in AWS.
 */
import { Cron } from 'croner';
import { schedules, scheduleTimeZone } from '#domain/system/schedules.ts';

export function startScheduler(log: (m: string) => void = console.log): { stop(): void; next(): string[] } {
  const crons = schedules.map(
    (s) =>
      new Cron(s.cron, { timezone: scheduleTimeZone, protect: true, name: s.id }, async () => {
        log(`[schedule] ${s.id}: ${s.description}`);
        try {
          const { handler } = await import('../functions/jobs/run-job.handler.ts');
          const result = await handler({ job: s.job, scheduleId: s.id });
          log(
            result.notDue
              ? `[schedule] ${s.id} ${result.notDue.code}: due on ${result.notDue.dueOn}`
              : `[schedule] ${s.id} done: ${result.reports.length} report(s), ${result.deliveries.length} delivery(ies)`,
          );
        } catch (e) {
          log(`[schedule] ${s.id} failed: ${(e as Error).message}`);
        }
      }),
  );
  return {
    stop: () => crons.forEach((c) => c.stop()),
    next: () => crons.map((c, i) => `${schedules[i]!.id} → ${c.nextRun()?.toISOString() ?? '—'}`),
  };
}
