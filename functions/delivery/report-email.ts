/**
 * The emails of report delivery, in Chinese: the report itself (subject with
 * report, scope and period; body with the key figures and what to do; files
 * attached or, when too large for SES, linked), and the note to the county office
 * when a delivery is given up.
 */
import { reportKindText, reportPeriodText } from '#domain/delivery/report-period.ts';
import { shanghaiDateTime } from '#domain/shared/period.ts';
import type { ArchivedReport } from './archive.ts';
import type { OutgoingEmail } from './email.ts';

/** SES refuses raw messages over 10 MB; base64 makes attachments a third larger, and the text needs room. */
export const defaultAttachmentLimitBytes = 7 * 1024 * 1024;

/** Attachments larger than this (together) are sent as links; `MAX_EMAIL_ATTACHMENT_BYTES` overrides it. */
export function attachmentLimitBytes(): number {
  const v = Number(process.env.MAX_EMAIL_ATTACHMENT_BYTES);
  return Number.isFinite(v) && v > 0 ? v : defaultAttachmentLimitBytes;
}

/** How long an emailed download link works. */
export const emailLinkSeconds = 72 * 3600;

/**
 * `【月度收入分析研判报告】东岭镇 2026年10月`: the report, its scope and the period
 * it covers as staff read it (`2026年第三季度`, a week for the weekly coverage report).
 */
export function reportSubject(report: Pick<ArchivedReport, 'kind' | 'period' | 'scopeLabel'>): string {
  return `【${reportKindText(report.kind, report.period)}】${report.scopeLabel} ${reportPeriodText(report.kind, report.period)}`;
}

export type ReportContent =
  | { via: 'attachment'; pdf: Buffer; xlsx?: Buffer }
  | { via: 'link'; pdfUrl: string; xlsxUrl?: string; expiresAt: string };

export function reportEmail(
  report: ArchivedReport,
  to: { name: string; email: string },
  content: ReportContent,
): OutgoingEmail {
  const lines = [
    `${to.name}：`,
    '',
    content.via === 'attachment'
      ? `${report.title}已生成，请查阅附件（PDF 报告${report.xlsx ? '及 Excel 明细表' : ''}）。`
      : `${report.title}已生成。文件较大，未作为附件发送，请通过下方链接下载（${shanghaiDateTime(new Date(content.expiresAt))} 前有效）。`,
    '',
    '主要情况：',
    ...report.summary.lines.map((l) => `· ${l}`),
    '',
    `请您：${report.summary.action}`,
    '',
    ...(content.via === 'link'
      ? [
          `PDF 报告：${content.pdfUrl}`,
          ...(content.xlsxUrl ? [`Excel 明细表：${content.xlsxUrl}`] : []),
          '链接仅供您本人使用，请勿转发；每次下载都会记入报告下载记录。',
          '',
        ]
      : []),
    `报告编号：${report.reportId}`,
    `PDF 文件 SHA-256：${report.pdf.sha256}（可在守望系统“报告核验”页面核对文件是否为原件）`,
    '本邮件由守望报表系统自动发送，请勿直接回复。',
  ];
  return {
    to: { name: to.name, address: to.email },
    subject: reportSubject(report),
    text: lines.join('\n'),
    attachments:
      content.via === 'attachment'
        ? [
            { filename: report.pdf.filename, content: content.pdf, contentType: 'application/pdf' },
            ...(report.xlsx && content.xlsx
              ? [
                  {
                    filename: report.xlsx.filename,
                    content: content.xlsx,
                    contentType: report.xlsx.contentType,
                  },
                ]
              : []),
          ]
        : [],
  };
}

/** Tells the county office that a report could not be delivered after the last attempt. */
export function deliveryFailedEmail(
  report: ArchivedReport,
  failed: { name: string; email: string; attempts: number; error: string },
  to: { name: string; email: string },
): OutgoingEmail {
  return {
    to: { name: to.name, address: to.email },
    subject: `【投递失败】${report.title} 未能送达 ${failed.name}`,
    text: [
      `${to.name}：`,
      '',
      `${report.title}经 ${failed.attempts} 次尝试仍未能送达 ${failed.name}（${failed.email}），系统已停止重试。`,
      `最后一次失败原因：${failed.error}`,
      '',
      '请您：核实该收件人的邮箱地址是否正确、邮箱是否可用；可在守望系统“投递状态”页面查看各收件人的投递情况，必要时请另行转送报告。',
      '',
      `报告编号：${report.reportId}`,
      '本邮件由守望报表系统自动发送，请勿直接回复。',
    ].join('\n'),
    attachments: [],
  };
}
