/**
 * What the API shows of archived reports and deliveries: fields copied explicitly,
 * storage keys left out.
 */
import { reportKindText } from '#domain/delivery/report-period.ts';
import type { ArchivedFile, ArchivedReport } from './archive.ts';
import type { DeliveryRecord, DeliveryStatus } from '../store/deliveries.repository.ts';
import type { EmailLink } from '#domain/delivery/email-link.ts';

const fileView = (f: ArchivedFile) => ({ filename: f.filename, sha256: f.sha256, bytes: f.bytes });

export function deliveryView(d: DeliveryRecord) {
  return {
    reportId: d.reportId,
    period: d.period,
    recipient: d.recipient,
    recipientName: d.recipientName,
    status: d.status,
    attempts: d.attempts,
    updatedAt: d.updatedAt,
    ...(d.sentAt ? { sentAt: d.sentAt } : {}),
    ...(d.via ? { via: d.via } : {}),
    ...(d.lastError ? { lastError: d.lastError } : {}),
    ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
  };
}

export function deliveryCounts(ds: readonly DeliveryRecord[]): Record<DeliveryStatus, number> {
  const c: Record<DeliveryStatus, number> = { sending: 0, sent: 0, failed: 0, abandoned: 0 };
  for (const d of ds) c[d.status] += 1;
  return c;
}

export function reportView(r: ArchivedReport, deliveries?: readonly DeliveryRecord[]) {
  return {
    reportId: r.reportId,
    kind: r.kind,
    kindLabel: reportKindText(r.kind, r.period),
    period: r.period,
    scope: r.scope,
    scopeLevel: r.scopeLevel,
    scopeLabel: r.scopeLabel,
    title: r.title,
    generatedAt: r.generatedAt,
    inputSha256: r.inputSha256,
    inputRecords: r.inputRecords,
    ...(r.pages === undefined ? {} : { pages: r.pages }),
    pdf: fileView(r.pdf),
    ...(r.xlsx ? { xlsx: fileView(r.xlsx) } : {}),
    ...(deliveries ? { deliveryCounts: deliveryCounts(deliveries) } : {}),
  };
}

/** A link sent by email, as an auditor sees it: for whom, which file, until when (never its secret). */
export function emailLinkView(l: EmailLink) {
  return {
    linkId: l.linkId,
    file: l.file,
    recipient: l.recipient.email,
    recipientName: l.recipient.name,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
  };
}
