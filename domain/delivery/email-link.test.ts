import { describe, expect, it } from 'vitest';
import type { DomainError } from '../shared/errors.ts';
import {
  EmailLinkExpiredError,
  EmailLinkInvalidError,
  emailLinkTokenSchema,
  usableEmailLink,
  type EmailLink,
} from './email-link.ts';

const secret = 'a'.repeat(32) + '0123456789'.repeat(3) + 'bc';
const link: EmailLink = {
  linkId: '0123456789abcdef',
  countyCode: '610999',
  reportId: 'data-quality.2026-10.610999',
  title: '2026年10月数据质量通报',
  file: 'pdf',
  sha256: 'f'.repeat(64),
  recipient: { name: '郑主任', email: 'office@test.invalid', staffId: 'office', role: 'coordination-office' },
  createdAt: '2026-11-01T00:30:00.000Z',
  expiresAt: '2026-11-04T00:30:00.000Z',
};

describe('emailLinkTokenSchema', () => {
  it('reads the county and the secret of a well-formed token', () => {
    expect(emailLinkTokenSchema.parse(`610999.${secret}`)).toEqual({ countyCode: '610999', secret });
  });

  it('refuses anything else', () => {
    for (const t of [
      '',
      secret,
      `610999.${secret.slice(1)}`,
      `610999.${secret}0`,
      `610999.${secret.toUpperCase()}`,
      `61099.${secret}`,
      `610999-${secret}`,
      `610999.${secret.slice(0, -1)}g`,
      `../610999.${secret}`,
    ])
      expect(emailLinkTokenSchema.safeParse(t).success, t).toBe(false);
  });
});

describe('usableEmailLink', () => {
  it('gives back a link before its expiry', () => {
    expect(usableEmailLink(link, new Date('2026-11-04T00:29:59.999Z'))).toBe(link);
  });

  const refusal = (l: EmailLink | undefined, at: string): DomainError => {
    try {
      usableEmailLink(l, new Date(at));
    } catch (err) {
      return err as DomainError;
    }
    throw new Error('the link was not refused');
  };

  it('refuses a link that is not stored, with a stable code and a Chinese message', () => {
    const e = refusal(undefined, '2026-11-02T00:00:00Z');
    expect(e).toBeInstanceOf(EmailLinkInvalidError);
    expect(e).toMatchObject({ code: 'ARCHIVE.LINK_INVALID', kind: 'not-found' });
    expect(e.message).toContain('县衔接办');
  });

  it('refuses a link from its expiry on, saying when it expired (Beijing time)', () => {
    expect(refusal(link, link.expiresAt)).toBeInstanceOf(EmailLinkExpiredError);
    const e = refusal(link, '2026-12-01T00:00:00Z');
    expect(e).toMatchObject({ code: 'ARCHIVE.LINK_EXPIRED', kind: 'gone' });
    expect(e.message).toBe('下载链接已于 2026-11-04 08:30 过期，未能下载。请联系县衔接办重新发送报告。');
  });
});
