/**
 * What the archive's routes answer (see `archive.routes.ts`): archived reports as
 * auditors see them (fields copied explicitly, storage keys left out), deliveries
 * to each recipient, and the download audit trail.
 */
import type { ApiOf, RedirectReply } from '../system/reply.ts';
import type { ArchivedReport, ArchiveFileKind, DownloadAuditEntry } from './archive.schema.ts';
import type { archiveRoutes } from './archive.routes.ts';

export type DeliveryStatusName = 'sending' | 'sent' | 'failed' | 'abandoned';

/** An archived file as the pages show it: name, fingerprint and size. */
export interface ArchivedFileItem {
  filename: string;
  sha256: string;
  bytes: number;
}

/** An archived report (the PDF and its workbook), with the count of deliveries by state when asked. */
export interface ReportItem extends Pick<
  ArchivedReport,
  | 'reportId'
  | 'kind'
  | 'period'
  | 'scope'
  | 'scopeLevel'
  | 'scopeLabel'
  | 'title'
  | 'generatedAt'
  | 'inputSha256'
  | 'inputRecords'
  | 'pages'
> {
  kindLabel: string;
  pdf: ArchivedFileItem;
  xlsx?: ArchivedFileItem;
  deliveryCounts?: Record<DeliveryStatusName, number>;
}

/** A report's delivery to one recipient. */
export interface DeliveryItem {
  reportId: string;
  period: string;
  recipient: string;
  recipientName: string;
  status: DeliveryStatusName;
  attempts: number;
  updatedAt: string;
  sentAt?: string;
  via?: 'attachment' | 'link';
  lastError?: string;
  nextAttemptAt?: string;
}

/** A download link sent by email: for whom, which file, until when (never its secret). */
export interface EmailLinkItem {
  linkId: string;
  file: ArchiveFileKind;
  recipient: string;
  recipientName: string;
  createdAt: string;
  expiresAt: string;
}

/** The download audit trail, as a list, or (`format=xlsx`) as a workbook in base64. */
export type DownloadAuditReply =
  { items: DownloadAuditEntry[] } | { filename: string; contentType: string; content: string; count: number };

export type ArchiveApi = ApiOf<
  (typeof archiveRoutes)[number]['id'],
  {
    searchArchive: { items: ReportItem[]; cursor?: string };
    getArchivedReport: { report: ReportItem; deliveries: DeliveryItem[]; emailLinks: EmailLinkItem[] };
    /** A presigned link valid for minutes; the download is in the audit trail before it is made. */
    downloadArchivedReport: { url: string; expiresAt: string; filename: string; sha256: string };
    followEmailLink: RedirectReply;
    verifyArchivedReport: {
      sha256: string;
      archived: boolean;
      matches: { report: ReportItem; sentTo: DeliveryItem[] }[];
    };
    listArchiveDownloads: DownloadAuditReply;
    listDeliveries: { period: string; items: (DeliveryItem & { title: string })[] };
  }
>;
