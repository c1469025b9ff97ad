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
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { envNames } from '#domain/system/resources.ts';
import { dynamo, s3Client } from '../platform/clients.ts';
import { requireEnv } from '../platform/env.ts';
import { keys } from '../store/keys.ts';
import { tableName } from '../store/table.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function toFile(v: unknown): ArchivedFile | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const f = v as Record<string, unknown>;
  return {
    key: str(f.key),
    sha256: str(f.sha256),
    bytes: Number(f.bytes ?? 0),
    contentType: str(f.contentType),
    filename: str(f.filename),
  };
}

/** Copies a stored record's own fields: no key attributes leave the adapter. */
function toReport(i: Record<string, unknown>): ArchivedReport {
  const summary = (i.summary ?? {}) as Partial<ReportSummary>;
  const xlsx = toFile(i.xlsx);
  return {
    reportId: str(i.reportId),
    countyCode: str(i.countyCode),
    kind: str(i.kind),
    period: str(i.period),
    scope: str(i.scope),
    scopeLevel: i.scopeLevel === 'town' ? 'town' : 'county',
    scopeLabel: str(i.scopeLabel),
    title: str(i.title),
    generatedAt: str(i.generatedAt),
    inputSha256: str(i.inputSha256),
    inputRecords: Number(i.inputRecords ?? 0),
    ...(typeof i.pages === 'number' ? { pages: i.pages } : {}),
    summary: {
      lines: Array.isArray(summary.lines) ? summary.lines.map(String) : [],
      action: str(summary.action),
    },
    pdf: toFile(i.pdf) ?? { key: '', sha256: '', bytes: 0, contentType: 'application/pdf', filename: '' },
    ...(xlsx ? { xlsx } : {}),
  };
}

export async function getReport(county: string, reportId: string): Promise<ArchivedReport | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.report(county, reportId), ConsistentRead: true }),
  );
  return out.Item ? toReport(out.Item) : undefined;
}

/**
 * Stores the files, then the metadata record (a record never points at a missing
 * file). Returns the slot's record and whether this call created it.
 */
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
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.report(input.countyCode, reportId),
          ...keys.reportsByPeriod(input.countyCode, input.period, input.kind, input.scope),
          ...keys.reportBySha(input.countyCode, pdf.sha256, reportId),
          ...report,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { report, created: true };
  } catch (e) {
    if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    const winner = await getReport(input.countyCode, reportId);
    if (!winner) throw e;
    return { report: winner, created: false };
  }
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

export interface ReportFilter {
  period?: string;
  kind?: string;
  /** A town id, or the county code for county-wide reports. */
  scope?: string;
  /** Text the title must contain. */
  text?: string;
  limit: number;
  cursor?: string;
}

const encodeCursor = (k: Record<string, unknown> | undefined) =>
  k ? Buffer.from(JSON.stringify(k), 'utf8').toString('base64url') : undefined;

function decodeCursor(c: string | undefined): Record<string, unknown> | undefined {
  if (!c) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The archive, newest period first, filtered by period (a key condition), kind,
 * scope and title text (filters). Reads page by page until `limit` match.
 */
export async function searchReports(
  county: string,
  f: ReportFilter,
): Promise<{ items: ArchivedReport[]; cursor?: string }> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':p': keys.reportsAll(county).gsi1pk };
  const filters: string[] = [];
  let condition = 'gsi1pk = :p';
  if (f.period) {
    condition += ' AND begins_with(gsi1sk, :period)';
    // A month also matches the day-slotted reports inside it (`2026-10-14#…`).
    values[':period'] = /^\d{4}-\d{2}$/.test(f.period) ? f.period : `${f.period}#`;
  }
  if (f.kind) {
    filters.push('#kind = :kind');
    names['#kind'] = 'kind';
    values[':kind'] = f.kind;
  }
  if (f.scope) {
    filters.push('#scope = :scope');
    names['#scope'] = 'scope';
    values[':scope'] = f.scope;
  }
  if (f.text) {
    filters.push('contains(title, :text)');
    values[':text'] = f.text;
  }
  const items: ArchivedReport[] = [];
  let start = decodeCursor(f.cursor);
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: Math.max(f.limit * 2, 50),
        ExclusiveStartKey: start,
      }),
    );
    const page = out.Items ?? [];
    const room = f.limit - items.length;
    items.push(...page.slice(0, room).map(toReport));
    start = out.LastEvaluatedKey;
    // The list filled up before the page ended: resume after the last report taken.
    if (page.length > room) {
      const last = items[items.length - 1]!;
      start = {
        ...keys.report(county, last.reportId),
        ...keys.reportsByPeriod(county, last.period, last.kind, last.scope),
      };
    }
  } while (start && items.length < f.limit);
  const cursor = encodeCursor(start);
  return { items, ...(cursor ? { cursor } : {}) };
}

/** Archived reports whose PDF has this SHA-256 (normally one). */
export async function findReportsBySha(county: string, sha: string): Promise<ArchivedReport[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.reportsWithSha(county, sha).gsi2pk },
    }),
  );
  return (out.Items ?? []).map(toReport);
}
