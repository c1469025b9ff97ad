/**
 * The archive: every generated report stored in S3 unchanged, with a metadata
 * record (kind, period, scope, generation time, input hash, file SHA-256 and size,
 * the email's key figures) so an auditor can find it and prove it is the file that
 * was sent.
 *
 * There is one record per (kind, period, scope): its id names that slot and it is
 * written with a conditional put, after the files. A run that dies before the put
 * leaves only unreferenced files (S3 keys carry a per-run tag, so no file is ever
 * overwritten); a run that loses the race to another takes the winner's record, so
 * every recipient gets the same file. A re-run finds the record and generates
 * nothing new.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { envNames } from '#domain/system/resources.ts';
import { s3Client } from '../platform/clients.ts';
import { requireEnv } from '../platform/env.ts';
import { getReport, putReportRecord } from '../store/archive.repository.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

export type { ArchivedFile, ArchivedReport, ReportSummary } from '#domain/delivery/archive.schema.ts';
import type { ArchivedFile, ArchivedReport, ReportSummary } from '#domain/delivery/archive.schema.ts';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** The id of the report slot (kind, period, scope), e.g. `monthly-income.2026-10.T01`. */
export const reportIdOf = (kind: string, period: string, scope: string): string =>
  `${kind}.${period}.${scope}`;

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bucket = () => requireEnv(envNames.archiveBucket);

async function putFile(
  key: string,
  body: Buffer,
  contentType: string,
  filename: string,
): Promise<ArchivedFile> {
  const digest = sha256(body);
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      Body: body,
      ContentType: contentType,
      ChecksumSHA256: Buffer.from(digest, 'hex').toString('base64'),
      Metadata: { sha256: digest },
    }),
  );
  return { key, sha256: digest, bytes: body.length, contentType, filename };
}

export async function archiveReport(input: {
  countyCode: string;
  kind: string;
  period: string;
  scope: string;
  scopeLevel: 'county' | 'town';
  scopeLabel: string;
  title: string;
  generatedAt: Date;
  inputSha256: string;
  inputRecords: number;
  pages?: number;
  summary: ReportSummary;
  pdf: Buffer;
  xlsx?: Buffer;
}): Promise<{ report: ArchivedReport; created: boolean }> {
  const generatedAt = input.generatedAt.toISOString();
  const reportId = reportIdOf(input.kind, input.period, input.scope);
  const runTag = `${input.generatedAt.getTime().toString(36)}-${randomUUID().slice(0, 8)}`;
  const base = `${input.countyCode}/${input.kind}/${input.period}/${input.scope}/${runTag}`;
  const pdf = await putFile(`${base}.pdf`, input.pdf, 'application/pdf', `${input.title}.pdf`);
  const xlsx = input.xlsx
    ? await putFile(`${base}.xlsx`, input.xlsx, xlsxContentType, `${input.title}.xlsx`)
    : undefined;
  const report: ArchivedReport = {
    reportId,
    countyCode: input.countyCode,
    kind: input.kind,
    period: input.period,
    scope: input.scope,
    scopeLevel: input.scopeLevel,
    scopeLabel: input.scopeLabel,
    title: input.title,
    generatedAt,
    inputSha256: input.inputSha256,
    inputRecords: input.inputRecords,
    ...(input.pages === undefined ? {} : { pages: input.pages }),
    summary: input.summary,
    pdf,
    ...(xlsx ? { xlsx } : {}),
  };
  const created = await putReportRecord(report);
  if (created) return { report, created: true };
  // Lost the race to another run: its record (and files) are the slot's.
  const winner = await getReport(input.countyCode, reportId);
  if (!winner) throw new Error(`ARCHIVE.RECORD_MISSING: ${reportId} lost its slot but no record was found`);
  return { report: winner, created: false };
}

export async function readArchivedFile(file: ArchivedFile): Promise<Buffer> {
  const out = await s3Client().send(new GetObjectCommand({ Bucket: bucket(), Key: file.key }));
  if (!out.Body) throw new Error(`ARCHIVE.FILE_MISSING: ${file.key}`);
  return Buffer.from(await out.Body.transformToByteArray());
}

/** A presigned GET of an archived file, saved under its Chinese file name. */
export async function presignArchivedFile(
  file: ArchivedFile,
  expiresInSeconds: number,
  now = clockNow(),
): Promise<{ url: string; expiresAt: string }> {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const url = await getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: file.key,
      ResponseContentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      ResponseContentType: file.contentType,
    }),
    { expiresIn: expiresInSeconds },
  );
  return { url, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString() };
}

export {
  findReportsBySha,
  getReport,
  searchReports,
  type ReportFilter,
} from '../store/archive.repository.ts';
