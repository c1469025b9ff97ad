/**
 * GET /api/archive/links/{token}: the download link of a report email. A valid
 * link's download is written to the audit trail (who: the recipient it was made
 * for; via: email-link), then the browser is sent on (302) to a presigned URL
 * valid for minutes. An altered, unknown or expired link gets a Chinese error
 * (a page in a browser) and records nothing.
 */
import { downloadLinkSeconds } from '#domain/delivery/archive.schema.ts';
import { EmailLinkInvalidError, emailLinkTokenSchema, usableEmailLink } from '#domain/delivery/email-link.ts';
import { getReport, presignArchivedFile } from '../delivery/archive.ts';
import { recordDownload } from '../store/audit.repository.ts';
import { findEmailLink } from '../store/email-links.repository.ts';
import { now as clockNow } from '../platform/clock.ts';
import { publicRoute } from '../platform/http.ts';

export const handler = publicRoute('followEmailLink', async ({ params, event }) => {
  const token = emailLinkTokenSchema.safeParse(params.token ?? '');
  if (!token.success) throw new EmailLinkInvalidError();
  const { countyCode, secret } = token.data;
  const now = clockNow();
  const link = usableEmailLink(await findEmailLink(countyCode, secret), now);
  const report = await getReport(countyCode, link.reportId);
  const target = link.file === 'pdf' ? report?.pdf : report?.xlsx;
  // The archive is immutable; a file other than the one the link was made for is never served.
  if (!report || !target || target.sha256 !== link.sha256) throw new EmailLinkInvalidError();
  await recordDownload(countyCode, {
    at: now.toISOString(),
    userId: link.recipient.staffId ?? link.recipient.email,
    userName: link.recipient.name,
    role: link.recipient.role ?? '',
    reportId: report.reportId,
    title: report.title,
    file: link.file,
    sha256: target.sha256,
    sourceIp: event.requestContext?.http?.sourceIp ?? '',
    via: 'email-link',
    email: link.recipient.email,
    linkId: link.linkId,
  });
  const { url } = await presignArchivedFile(target, downloadLinkSeconds, now);
  return { status: 302, body: null, redirect: url };
});
