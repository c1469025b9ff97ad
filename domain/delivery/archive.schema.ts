/** What auditors may ask of the archive: the query schemas the API and the pages share. */
import { reportKindSchema, type ReportKind } from '../org/staff.schema.ts';
import { periodSchema, quarterSchema } from '../shared/period.ts';
import * as z from '../shared/zod-mini.ts';

const optionalText = (max: number, message: string) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, { error: message }))),
    z.transform((v: string | undefined) => (v ? v : undefined)),
  );

/**
 * The period an auditor searches by: a month (`2026-10`, which also finds the
 * reports filed under a day of that month: weekly coverage, reminder letters,
 * review-day digests), a quarter (`2026-Q4`) or a single day (`2026-10-14`).
 */
export const archivePeriodSchema = z.union([periodSchema, quarterSchema, z.iso.date()], {
  error: '期间格式应为 2026-10（月）、2026-Q4（季度）或 2026-10-14（日）',
});

export const archiveQuerySchema = z.object({
  period: z.preprocess((v) => (v === '' ? undefined : v), z.optional(archivePeriodSchema)),
  kind: z.pipe(
    z.optional(z.union([z.literal(''), reportKindSchema])),
    z.transform((v: '' | ReportKind | undefined) => (v ? v : undefined)),
  ),
  /** A town id, or the county code for county-wide reports. */
  scope: optionalText(20, '单位代码过长'),
  q: optionalText(50, '标题关键词不超过 50 个字'),
  cursor: optionalText(2000, '分页参数无效'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});
export type ArchiveQuery = z.infer<typeof archiveQuerySchema>;

export const sha256Schema = z.pipe(
  z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: 'SHA-256 应为 64 位十六进制字符' })),
  z.transform((v: string) => v.toLowerCase()),
);

export const archiveFileSchema = z.enum(['pdf', 'xlsx'], { error: '文件类型应为 pdf 或 xlsx' });
export type ArchiveFileKind = z.infer<typeof archiveFileSchema>;

export const downloadQuerySchema = z.object({ file: z._default(archiveFileSchema, 'pdf') });

const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const auditQuerySchema = z.object({
  from: z.optional(day),
  to: z.optional(day),
  format: z._default(z.enum(['json', 'xlsx']), 'json'),
});

/** How an archived file was downloaded: from the archive pages, or through a link in a report email. */
export const downloadViaSchema = z.enum(['archive', 'email-link']);
export type DownloadVia = z.infer<typeof downloadViaSchema>;

/** Chinese names of the ways, for the audit trail's pages and workbook. */
export const downloadViaLabels: Record<DownloadVia, string> = {
  archive: '存档下载',
  'email-link': '邮件链接',
};

/**
 * One download of an archived file: who, what, when, by which way. For a link in
 * an email, "who" is the recipient the link was made for (the user id is their
 * staff id, or their address when the directory did not name them), with the link's id.
 */
export interface DownloadAuditEntry {
  id: string;
  at: string;
  userId: string;
  userName: string;
  role: string;
  reportId: string;
  title: string;
  file: ArchiveFileKind;
  sha256: string;
  sourceIp: string;
  via: DownloadVia;
  /** The address the link was sent to (email links only). */
  email?: string;
  /** The link followed (email links only). */
  linkId?: string;
}

/** How long an auditor's download link works. */
export const downloadLinkSeconds = 5 * 60;

/** An archived file (PDF or XLSX) as the archive record names it. */
export interface ArchivedFile {
  key: string;
  sha256: string;
  bytes: number;
  contentType: string;
  filename: string;
}

/** What the email says besides the greeting: the key figures and what to do. */
export interface ReportSummary {
  lines: string[];
  action: string;
}

export interface ArchivedReport {
  reportId: string;
  countyCode: string;
  kind: string;
  period: string;
  /** The county code, or the town id for a town's report. */
  scope: string;
  scopeLevel: 'county' | 'town';
  scopeLabel: string;
  title: string;
  generatedAt: string;
  inputSha256: string;
  inputRecords: number;
  pages?: number;
  summary: ReportSummary;
  pdf: ArchivedFile;
  xlsx?: ArchivedFile;
}
