import type { ArchivedReport } from '../delivery/archive.ts';
import { claimDelivery, markDelivery } from '../delivery/deliveries.ts';
import { sendEmail, type OutgoingEmail } from '../delivery/email.ts';
import type { StaffContact } from '../store/staff.repository.ts';
import type { JobResult, Progress } from './job.types.ts';

/**
 * Sends an archived report to each recipient exactly once: claim, send, mark.
 * A failure is recorded and reported; the next run of the job retries it.
 */
export async function deliverToAll(
  report: ArchivedReport,
  reportKey: string,
  recipients: readonly StaffContact[],
  compose: (r: StaffContact) => OutgoingEmail,
  now: Date,
  progress: Progress,
): Promise<JobResult['deliveries']> {
  const results: JobResult['deliveries'] = [];
  for (const r of recipients) {
    const claimed = await claimDelivery(report.countyCode, reportKey, r.email, now);
    if (!claimed) {
      results.push({ recipient: r.email, status: 'skipped' });
      continue;
    }
    try {
      const messageId = await sendEmail(compose(r));
      await markDelivery(
        report.countyCode,
        reportKey,
        r.email,
        { status: 'sent', reportId: report.reportId, fileSha256: report.pdf.sha256, messageId },
        now,
      );
      results.push({ recipient: r.email, status: 'sent' });
      progress(`  已发送 ${r.name} <${r.email}>`);
    } catch (e) {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      await markDelivery(report.countyCode, reportKey, r.email, { status: 'failed', error }, now);
      results.push({ recipient: r.email, status: 'failed', error });
      progress(`  发送失败 ${r.email}: ${error}`);
    }
  }
  return results;
}
