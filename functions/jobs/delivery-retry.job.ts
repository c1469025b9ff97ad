/**
 * The retry sweep: every few minutes, tries again the deliveries whose backoff has
 * passed (and takes over claims left by runs that died mid-send). Each is claimed
 * again before sending, so a sweep overlapping a job run sends nothing twice.
 */
import { countyOfficeContacts } from '#domain/delivery/recipients.ts';
import { getReport } from '../delivery/archive.ts';
import { deliverReport, type DeliveryOutcome } from '../delivery/deliver.ts';
import { listDueRetries } from '../store/deliveries.repository.ts';
import { listPeople } from '../store/recipients.repository.ts';
import type { JobContext, JobResult } from './job.types.ts';

export async function runDeliveryRetry(ctx: JobContext): Promise<JobResult> {
  const county = ctx.config.countyCode;
  const due = await listDueRetries(county, ctx.now);
  const deliveries: DeliveryOutcome[] = [];
  if (due.length) {
    ctx.progress(`到期重试的投递 ${due.length} 条`);
    const byReport = Map.groupBy(due, (d) => d.reportId);
    let people: ReturnType<typeof listPeople> | undefined;
    for (const [reportId, items] of byReport) {
      const report = await getReport(county, reportId);
      if (!report) continue;
      const recipients = items.map((d) => ({ name: d.recipientName || d.recipient, email: d.recipient }));
      deliveries.push(
        ...(await deliverReport(report, recipients, {
          now: ctx.now,
          progress: ctx.progress,
          officeContacts: async () => countyOfficeContacts(await (people ??= listPeople(county))),
        })),
      );
    }
  }
  return { job: 'delivery-retry', period: ctx.period, reports: [], deliveries, files: [] };
}
