/**
 * The link records behind emailed download links (see `domain/delivery/email-link.ts`
 * for why links are stored rather than signed). One immutable item per link, keyed
 * by the SHA-256 of its secret: whoever reads the table (a backup, an export) learns
 * which links exist, never a link that works.
 */
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveFileKind } from '#domain/delivery/archive.schema.ts';
import type { EmailLink, EmailLinkRecipient } from '#domain/delivery/email-link.ts';
import { jobEnvNames } from '#domain/system/resources.ts';
import { routeById } from '#domain/system/routes.ts';
import { dynamo } from '../platform/clients.ts';
import { requireEnv } from '../platform/env.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';
import { tableName } from './table.ts';
import type { ArchivedReport } from '#domain/delivery/archive.schema.ts';

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The site's address for links in emails, e.g. `https://shouwang.example.gov.cn`, without a trailing slash. */
function siteUrl(): string {
  return requireEnv(jobEnvNames.siteUrl).replace(/\/+$/, '');
}

/**
 * Makes and stores a link to one file of an archived report for one recipient,
 * valid `seconds` from `now`. Returns the absolute URL to put in the email.
 */
export async function issueEmailLink(
  report: ArchivedReport,
  file: ArchiveFileKind,
  recipient: EmailLinkRecipient,
  opts: { now: Date; seconds: number },
): Promise<{ url: string; expiresAt: string }> {
  const target = file === 'pdf' ? report.pdf : report.xlsx;
  if (!target) throw new Error(`ARCHIVE.FILE_MISSING: report ${report.reportId} has no ${file}`);
  const secret = randomBytes(32).toString('hex');
  const hash = hashOf(secret);
  const link: EmailLink = {
    linkId: hash.slice(0, 16),
    countyCode: report.countyCode,
    reportId: report.reportId,
    title: report.title,
    file,
    sha256: target.sha256,
    recipient: {
      name: recipient.name,
      email: recipient.email,
      ...(recipient.staffId ? { staffId: recipient.staffId } : {}),
      ...(recipient.role ? { role: recipient.role } : {}),
    },
    createdAt: opts.now.toISOString(),
    expiresAt: new Date(opts.now.getTime() + opts.seconds * 1000).toISOString(),
  };
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.emailLink(report.countyCode, hash),
        ...keys.emailLinkOfReport(report.countyCode, report.reportId, link.createdAt, link.linkId),
        ...link,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  const token = `${report.countyCode}.${secret}`;
  const path = routeById('followEmailLink').path.replace('{token}', token);
  return { url: `${siteUrl()}${path}`, expiresAt: link.expiresAt };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Copies a stored link's own fields: no key attributes leave the adapter. */
function toLink(i: Record<string, unknown>): EmailLink {
  const r = (i.recipient ?? {}) as Record<string, unknown>;
  return {
    linkId: str(i.linkId),
    countyCode: str(i.countyCode),
    reportId: str(i.reportId),
    title: str(i.title),
    file: i.file === 'xlsx' ? 'xlsx' : 'pdf',
    sha256: str(i.sha256),
    recipient: {
      name: str(r.name),
      email: str(r.email),
      ...(r.staffId ? { staffId: str(r.staffId) } : {}),
      ...(r.role ? { role: str(r.role) } : {}),
    },
    createdAt: str(i.createdAt),
    expiresAt: str(i.expiresAt),
  };
}

/** The link a token's secret names in the county, if there is one. */
export async function findEmailLink(county: string, secret: string): Promise<EmailLink | undefined> {
  const out = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.emailLink(county, hashOf(secret)),
      ConsistentRead: true,
    }),
  );
  return out.Item ? toLink(out.Item) : undefined;
}

/** Every link made for a report, oldest first. */
export async function listEmailLinks(county: string, reportId: string): Promise<EmailLink[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.emailLinksOfReport(county, reportId).gsi1pk },
  });
  return items.map(toLink);
}
