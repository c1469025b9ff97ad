/**
 * Download links sent by email when a report's files are too large to attach.
 *
 * A link is a random secret stored as a link record (who it was made for, which
 * report and file, until when), not a signed URL: following it goes through the
 * `followEmailLink` route, which records the download in the audit trail before it
 * redirects to a short-lived presigned URL. Why a stored record rather than an
 * HMAC-signed token:
 * - no key to create, keep secret, rotate and give to two runtimes (a signing key
 *   in Secrets Manager or SSM, and the question of what a rotation does to links
 *   already sent); the secret is 256 random bits and the store keeps only its hash;
 * - an auditor can see which links exist for a report, for whom and until when,
 *   and a link can be withdrawn by deleting its record; a signed token is known
 *   only to the mailbox it went to;
 * - the lookup is one consistent GetItem, which is nothing beside the download.
 */
import { DomainError, NotFoundError } from '../shared/errors.ts';
import { shanghaiDateTime } from '../shared/period.ts';
import * as z from '../shared/zod-mini.ts';
import type { ArchiveFileKind } from './archive.schema.ts';

/** Whom a link was made for: the recipient of the email it went out in. */
export interface EmailLinkRecipient {
  name: string;
  email: string;
  /** The staff id, when the directory named the recipient (not for retries, which know only the address). */
  staffId?: string;
  role?: string;
}

/** A stored link: everything the audit entry of a download through it needs. */
export interface EmailLink {
  /** A short, public name of the link (a prefix of the secret's hash), for the audit trail. */
  linkId: string;
  countyCode: string;
  reportId: string;
  title: string;
  file: ArchiveFileKind;
  /** The file the link was made for; a link never serves another file. */
  sha256: string;
  recipient: EmailLinkRecipient;
  createdAt: string;
  expiresAt: string;
}

/**
 * The token in a link's path: the county (the table is partitioned by county and
 * the route is public, so the token says where to look) and 64 hex digits of
 * secret. Lower-case hex only: nothing in it looks like a personal number, so the
 * email's masking leaves the link intact.
 */
export const emailLinkTokenSchema = z.pipe(
  z.string().check(z.regex(/^\d{6}\.[0-9a-f]{64}$/, { error: '下载链接无效' })),
  z.transform((t: string) => {
    const [countyCode = '', secret = ''] = t.split('.');
    return { countyCode, secret };
  }),
);

export class EmailLinkInvalidError extends NotFoundError {
  constructor() {
    super(
      'ARCHIVE.LINK_INVALID',
      '下载链接无效：请核对链接是否完整（从邮件中直接点击，不要改动）。如仍无法下载，请联系县衔接办重新发送报告。',
    );
  }
}

export class EmailLinkExpiredError extends DomainError {
  constructor(expiresAt: string) {
    super(
      'ARCHIVE.LINK_EXPIRED',
      `下载链接已于 ${shanghaiDateTime(new Date(expiresAt))} 过期，未能下载。请联系县衔接办重新发送报告。`,
      'gone',
      [],
      { expiresAt },
    );
  }
}

/**
 * The link a token names, if it may still be followed at `now`: a missing record
 * (a mistyped, altered or withdrawn link) is invalid, one past its expiry is expired.
 */
export function usableEmailLink(link: EmailLink | undefined, now: Date): EmailLink {
  if (!link) throw new EmailLinkInvalidError();
  if (now.getTime() >= new Date(link.expiresAt).getTime()) throw new EmailLinkExpiredError(link.expiresAt);
  return link;
}
