/**
 * The audit trail of archive downloads: one immutable item per download, written
 * before the download link is handed out, whether to a signed-in archive reader
 * or to the recipient following the link of a report email.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DownloadAuditEntry } from '#domain/delivery/archive.schema.ts';
import { dynamo } from '../platform/clients.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';
import { tableName } from './table.ts';

export async function recordDownload(
  county: string,
  entry: Omit<DownloadAuditEntry, 'id'>,
): Promise<DownloadAuditEntry> {
  const full: DownloadAuditEntry = { id: randomUUID(), ...entry };
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.auditEntry(county, full.at, full.id), ...full },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return full;
}

/** Downloads between two Shanghai dates (inclusive), newest first. */
export async function listDownloads(
  county: string,
  range: { from?: string; to?: string },
): Promise<DownloadAuditEntry[]> {
  // Shanghai midnight is 16:00 UTC the day before.
  const lower = range.from ? new Date(`${range.from}T00:00:00+08:00`).toISOString() : '0';
  const upper = range.to ? new Date(`${range.to}T23:59:59.999+08:00`).toISOString() + '~' : '~';
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
    ExpressionAttributeValues: { ':p': keys.auditTrail(county).pk, ':lo': lower, ':hi': upper },
    ScanIndexForward: false,
  });
  return items.map((i) => ({
    id: String(i.id),
    at: String(i.at),
    userId: String(i.userId),
    userName: String(i.userName),
    role: String(i.role),
    reportId: String(i.reportId),
    title: String(i.title),
    file: i.file === 'xlsx' ? 'xlsx' : 'pdf',
    sha256: String(i.sha256),
    sourceIp: String(i.sourceIp ?? ''),
    // Entries from before email links were recorded are all archive downloads.
    via: i.via === 'email-link' ? 'email-link' : 'archive',
    ...(typeof i.email === 'string' && i.email ? { email: i.email } : {}),
    ...(typeof i.linkId === 'string' && i.linkId ? { linkId: i.linkId } : {}),
  }));
}
