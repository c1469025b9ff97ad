/**
 * Email through SES SendRawEmail. The MIME message is built with nodemailer's
 * MailComposer, which encodes Chinese subjects and file names (RFC 2047/2231).
 */
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { maskFreeText } from '#domain/org/mask.ts';
import { envNames } from '#domain/system/resources.ts';
import { sesClient } from '../platform/clients.ts';
import { requireEnv } from '../platform/env.ts';

export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * The raw message. Subject and body pass through `maskFreeText` here, the one place
 * every email is built, so a personal number in a report's key figures or in a
 * quoted error never leaves in full. Download links carry hex tokens, which it leaves alone.
 */
export async function buildMime(
  mail: OutgoingEmail,
  from = requireEnv(envNames.senderAddress),
): Promise<Buffer> {
  return new MailComposer({
    from: { name: '守望报表系统', address: from },
    to: [{ name: mail.to.name, address: mail.to.address }],
    subject: maskFreeText(mail.subject),
    text: maskFreeText(mail.text),
    ...(mail.html ? { html: maskFreeText(mail.html) } : {}),
    attachments: mail.attachments,
  })
    .compile()
    .build();
}

/** Sends one message; returns the SES message id. */
export async function sendEmail(mail: OutgoingEmail): Promise<string> {
  const raw = await buildMime(mail);
  const out = await sesClient().send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
  return out.MessageId ?? '';
}
