/**
 * Sends an archived report to its recipients, each exactly once: claim, send,
 * mark. A failure is recorded with its reason and retried later with backoff (by
 * the retry sweep or any later run); the last failure tells the county office by
 * email and raises the `DeliveryFailed` metric.
 */
import type { DirectoryPerson } from '#domain/delivery/recipients.ts';
import { logger } from '../platform/clients.ts';
import { readArchivedFile, type ArchivedReport } from './archive.ts';
import { claimAlert, claimDelivery, markFailed, markSent } from '../store/deliveries.repository.ts';
import { sendEmail, type OutgoingEmail } from './email.ts';
import { issueEmailLink } from '../store/email-links.repository.ts';
import { emitCount } from '../platform/metrics.ts';
import {
  attachmentLimitBytes,
  deliveryFailedEmail,
  emailLinkSeconds,
  reportEmail,
  type ReportContent,
} from './report-email.ts';

export interface Recipient {
  name: string;
  email: string;
  /** Staff id and role, when the directory named the recipient: kept with an emailed link for the audit trail. */
  id?: string;
  role?: string;
}

export interface DeliveryOutcome {
  reportId: string;
  recipient: string;
  status: 'sent' | 'skipped' | 'failed' | 'abandoned';
  error?: string;
}

export interface DeliverOptions {
  now: Date;
  progress?: (message: string) => void;
  /** The files' bytes when the caller has just rendered them; otherwise read from the archive when needed. */
  files?: { pdf: Buffer; xlsx?: Buffer };
  /** Who to tell when a delivery is given up (read only then). */
  officeContacts: () => Promise<readonly DirectoryPerson[]>;
  /** Overrides the standard email (the retry sweep always uses the standard one). */
  compose?: (report: ArchivedReport, to: Recipient, content: ReportContent) => OutgoingEmail;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Attachments, or links when they would make the message too large for SES.
 * Attachments are read once, on the first claim. Links are made per recipient:
 * each is a link record naming whom it was sent to, so that a download through
 * it lands in the audit trail under that person (see `email-links.ts`).
 */
function contentLoader(
  report: ArchivedReport,
  opts: DeliverOptions,
): (to: Recipient) => Promise<ReportContent> {
  let pending: Promise<ReportContent> | undefined;
  const attachments = () => {
    pending ??= (async (): Promise<ReportContent> => {
      const pdf = opts.files?.pdf ?? (await readArchivedFile(report.pdf));
      const xlsx = report.xlsx ? (opts.files?.xlsx ?? (await readArchivedFile(report.xlsx))) : undefined;
      return { via: 'attachment', pdf, ...(xlsx ? { xlsx } : {}) };
    })();
    pending.catch(() => (pending = undefined));
    return pending;
  };
  const links = async (to: Recipient): Promise<ReportContent> => {
    const recipient = {
      name: to.name,
      email: to.email,
      ...(to.id ? { staffId: to.id } : {}),
      ...(to.role ? { role: to.role } : {}),
    };
    const link = { now: opts.now, seconds: emailLinkSeconds };
    const pdf = await issueEmailLink(report, 'pdf', recipient, link);
    const xlsx = report.xlsx ? await issueEmailLink(report, 'xlsx', recipient, link) : undefined;
    return { via: 'link', pdfUrl: pdf.url, ...(xlsx ? { xlsxUrl: xlsx.url } : {}), expiresAt: pdf.expiresAt };
  };
  const total = report.pdf.bytes + (report.xlsx?.bytes ?? 0);
  return total > attachmentLimitBytes() ? links : attachments;
}

export async function deliverReport(
  report: ArchivedReport,
  recipients: readonly Recipient[],
  opts: DeliverOptions,
): Promise<DeliveryOutcome[]> {
  const { now } = opts;
  const progress = opts.progress ?? (() => undefined);
  const county = report.countyCode;
  const content = contentLoader(report, opts);
  const out: DeliveryOutcome[] = [];
  for (const r of recipients) {
    const claim = await claimDelivery(county, report, r, now);
    if (!claim) {
      out.push({ reportId: report.reportId, recipient: r.email, status: 'skipped' });
      continue;
    }
    let c: ReportContent | undefined;
    try {
      c = await content(r);
      const mail = opts.compose ? opts.compose(report, r, c) : reportEmail(report, r, c);
      const messageId = await sendEmail(mail);
      await markSent(
        county,
        report.reportId,
        r.email,
        claim,
        { messageId, fileSha256: report.pdf.sha256, via: c.via },
        now,
      );
      out.push({ reportId: report.reportId, recipient: r.email, status: 'sent' });
      progress(`  已发送 ${r.name} <${r.email}>`);
    } catch (e) {
      const error = errorText(e);
      const marked = await markFailed(county, report.reportId, r.email, claim, error, now);
      if (marked?.status === 'abandoned') {
        out.push({ reportId: report.reportId, recipient: r.email, status: 'abandoned', error });
        progress(`  发送失败且不再重试 ${r.email}: ${error}`);
        await tellCountyOffice(report, { ...r, attempts: claim.attempts, error }, opts);
      } else {
        out.push({ reportId: report.reportId, recipient: r.email, status: 'failed', error });
        progress(
          `  发送失败 ${r.email}（${marked ? `将于 ${marked.nextAttemptAt} 后重试` : '已由其他任务接手'}）: ${error}`,
        );
      }
    }
  }
  return out;
}

/** Once per given-up delivery: the metric, an error log line, and an email to the county office (best effort). */
async function tellCountyOffice(
  report: ArchivedReport,
  failed: Recipient & { attempts: number; error: string },
  opts: DeliverOptions,
): Promise<void> {
  if (!(await claimAlert(report.countyCode, report.reportId, failed.email, opts.now))) return;
  emitCount('DeliveryFailed', {
    reportId: report.reportId,
    kind: report.kind,
    recipient: failed.email,
    error: failed.error,
  });
  logger.error('delivery given up', {
    reportId: report.reportId,
    recipient: failed.email,
    attempts: failed.attempts,
    error: failed.error,
  });
  for (const office of await opts.officeContacts()) {
    if (office.email.toLowerCase() === failed.email.toLowerCase()) continue;
    try {
      await sendEmail(deliveryFailedEmail(report, failed, office));
    } catch (e) {
      // The metric above is the signal that cannot be lost; this email is a courtesy.
      logger.error('could not tell the county office', {
        reportId: report.reportId,
        office: office.email,
        error: errorText(e),
      });
    }
  }
}
