/**
 * The archive's metadata records (one per report slot) in DynamoDB: found by id,
 * by period (newest first, with filters) and by the PDF's SHA-256. The files
 * themselves are in S3 (`functions/delivery/archive.ts`).
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchivedFile, ArchivedReport, ReportSummary } from '#domain/delivery/archive.schema.ts';
import { dynamo } from '../platform/clients.ts';
import { isConditionFailure } from './dynamo.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

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
/**
 * Writes a slot's record unless the slot has one (the commit point of archiving).
 * Returns whether this call wrote it.
 */
export async function putReportRecord(report: ArchivedReport): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.report(report.countyCode, report.reportId),
          ...keys.reportsByPeriod(report.countyCode, report.period, report.kind, report.scope),
          ...keys.reportBySha(report.countyCode, report.pdf.sha256, report.reportId),
          ...report,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    return false;
  }
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
