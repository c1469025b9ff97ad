/**
 * Emailed download links against the stand-ins: a report too large to attach (a
 * low MAX_EMAIL_ATTACHMENT_BYTES) goes out with links; following one records the
 * download under the recipient it was made for and redirects (302) to a URL that
 * serves the archived bytes; the auditor finds the download in the audit trail.
 * Altered and expired links are refused in Chinese and record nothing.
 */
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import type { DownloadAuditEntry } from '#domain/delivery/archive.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { previousPeriod, shanghaiDate } from '#domain/shared/period.ts';
import { getReport, readArchivedFile, type ArchivedReport } from '#functions/delivery/archive.ts';
import { deliverReport } from '#functions/delivery/deliver.ts';
import { sendEmail } from '#functions/delivery/email.ts';
import { runJob } from '#functions/jobs/run.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { now as clockNow } from '#functions/platform/clock.ts';
import { recordRepository } from '#functions/store/records.repository.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack } from '#local/testing.ts';
import { pdfText } from '#reports/testing/pdf-inspect.ts';

interface Mail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
  attachments: unknown[];
}

const card = '6222021234567890123';
let stack: Stack;
let auditor: string;
let report: ArchivedReport;
/** The office's email: the county report, sent with links. */
let mail: Mail;
const savedLimit = process.env.MAX_EMAIL_ATTACHMENT_BYTES;

async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`http://127.0.0.1:${stack.standins.ports.ses}/store`, {
    signal: AbortSignal.timeout(5000),
  });
  return ((await res.json()) as { emails: Mail[] }).emails;
}
const linksIn = (m: Mail) =>
  [...(m.body.text ?? '').matchAll(/https?:\/\/\S+\/api\/archive\/links\/\S+/g)].map((x) => x[0]);
const pathOf = (url: string) => new URL(url).pathname;
const follow = (url: string, headers: Record<string, string> = {}) =>
  invoke('GET', pathOf(url), { headers, sourceIp: '10.20.30.40' });

async function trail(): Promise<DownloadAuditEntry[]> {
  const res = await invoke('GET', '/api/audit/downloads', {
    headers: { authorization: `Bearer ${auditor}` },
  });
  expect(res.status).toBe(200);
  return (res.json as { items: DownloadAuditEntry[] }).items;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses', 'cognito'] });
  await loadFixture(stack);
  auditor = await signIn(stack, 'auditor');
  // Any real report is larger than this: every file goes by link.
  process.env.MAX_EMAIL_ATTACHMENT_BYTES = '1024';
  const now = clockNow();
  const period = previousPeriod(shanghaiDate(now).slice(0, 7));
  // A data error whose wrong value is a bank card: it must reach the files masked.
  const at = now.toISOString();
  const error: StoredRecord = {
    kind: 'data-error',
    id: 'DE-link-test',
    countyCode: county,
    townId: 'T01',
    villageId: 'T01V001',
    ownerId: 'u',
    data: {
      infoKind: 'assistance',
      subjectType: 'household',
      householdId: 'H0000001',
      field: '补贴发放账户',
      wrongValue: `工资卡${card}`,
      foundBy: 'phone-check',
      foundOn: `${period}-08`,
      status: 'open',
      note: `户主电话13912345678，卡号${card}`,
    },
    version: 1,
    createdAt: at,
    createdBy: 'u',
    updatedAt: at,
    updatedBy: 'u',
    updatedByName: '测试',
    lastSubmissionId: 's-DE-link-test',
    sourceForm: 'test',
  };
  await recordRepository.create(error, {
    submissionId: 's-DE-link-test',
    actorId: 'u',
    actorName: '测试',
    at,
    form: 'test',
    action: 'create',
    changes: [],
  });
  const result = await runJob(
    { job: 'data-quality', period },
    { config: demoCountyConfig, now, progress: () => undefined },
  );
  const countyReport = result.reports.find((r) => r.scope === county);
  if (!countyReport) throw new Error('no county report');
  report = (await getReport(county, countyReport.reportId))!;
  const mails = (await mailbox()).filter((m) =>
    m.destination.to.some((t) => t.includes('office@test.invalid')),
  );
  expect(mails).toHaveLength(1);
  mail = mails[0]!;
}, 120_000);

afterAll(async () => {
  if (savedLimit === undefined) delete process.env.MAX_EMAIL_ATTACHMENT_BYTES;
  else process.env.MAX_EMAIL_ATTACHMENT_BYTES = savedLimit;
  await stack?.stop();
});

describe('a report sent by link', () => {
  it('carries one link per file and no attachment', () => {
    expect(mail.attachments).toHaveLength(0);
    const links = linksIn(mail);
    expect(links).toHaveLength(2);
    for (const l of links) expect(l).toMatch(/\/api\/archive\/links\/610999\.[0-9a-f]{64}$/);
    expect(mail.body.text).toContain('链接仅供您本人使用');
  });

  it('follows a link: the download is recorded under the recipient, then a 302 to the archived bytes', async () => {
    const [pdfLink, xlsxLink] = linksIn(mail) as [string, string];
    const before = (await trail()).length;

    const res = await follow(pdfLink);
    expect(res.status).toBe(302);
    expect(res.headers['cache-control']).toBe('no-store');
    const location = res.headers.location!;
    // Short-lived: the presigned URL itself works for minutes, not for the link's 72 hours.
    expect(new URL(location).searchParams.get('X-Amz-Expires')).toBe('300');
    const file = await fetch(location);
    expect(file.status).toBe(200);
    const pdf = Buffer.from(await file.arrayBuffer());
    expect(sha(pdf)).toBe(report.pdf.sha256);
    expect(pdf.equals(await readArchivedFile(report.pdf))).toBe(true);

    const entries = await trail();
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({
      via: 'email-link',
      userId: 'office',
      userName: '郑主任',
      role: 'coordination-office',
      email: 'office@test.invalid',
      reportId: report.reportId,
      title: report.title,
      file: 'pdf',
      sha256: report.pdf.sha256,
      sourceIp: '10.20.30.40',
    });
    expect(Math.abs(new Date(entries[0]!.at).getTime() - clockNow().getTime())).toBeLessThan(60_000);

    const again = await follow(xlsxLink);
    expect(again.status).toBe(302);
    const xlsx = Buffer.from(await (await fetch(again.headers.location!)).arrayBuffer());
    expect(sha(xlsx)).toBe(report.xlsx!.sha256);
    expect((await trail())[0]).toMatchObject({ via: 'email-link', file: 'xlsx', userId: 'office' });
  });

  it('shows the links of the report to the auditor, and stores no working link', async () => {
    const res = await invoke('GET', `/api/archive/reports/${encodeURIComponent(report.reportId)}`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(res.status).toBe(200);
    const links = (res.json as { emailLinks: { recipient: string; file: string; expiresAt: string }[] })
      .emailLinks;
    expect(
      links
        .filter((l) => l.recipient === 'office@test.invalid')
        .map((l) => l.file)
        .sort(),
    ).toEqual(['pdf', 'xlsx']);
    const secrets = linksIn(mail).map((l) => l.split('.').pop()!);
    const table = JSON.stringify((await dynamo().send(new ScanCommand({ TableName: tableName() }))).Items);
    for (const s of secrets) expect(table).not.toContain(s);
    expect(JSON.stringify(res.json)).not.toContain(secrets[0]!);
  });

  it('masks personal numbers in any email body, and leaves the links whole', async () => {
    await sendEmail({
      to: { name: '郑主任', address: 'office2@test.invalid' },
      subject: '测试',
      text: `工资卡${card}，电话13912345678，5690元，2026-10-08\n${linksIn(mail)[0]}`,
      attachments: [],
    });
    const got = (await mailbox()).find((m) =>
      m.destination.to.some((t) => t.includes('office2@test.invalid')),
    )!;
    expect(got.body.text).toContain('工资卡6222***********0123，电话139****5678，5690元，2026-10-08');
    expect(got.body.text).toContain(linksIn(mail)[0]);
  });

  it('masks the bank card typed into the error in the PDF and the workbook behind the links', async () => {
    const [pdfLink, xlsxLink] = linksIn(mail) as [string, string];
    const pdf = Buffer.from(await (await fetch((await follow(pdfLink)).headers.location!)).arrayBuffer());
    const text = (await pdfText(pdf)).text.replace(/\s+/g, '');
    expect(text).not.toContain(card);
    expect(text).toContain('6222***********0123');
    const xlsx = Buffer.from(await (await fetch((await follow(xlsxLink)).headers.location!)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.join('\n')).not.toContain(card);
    expect(cells.join('\n')).toContain('6222***********0123');
  });
});

describe('links that may not be followed', () => {
  const refused = async (url: string, status: number, code: string) => {
    const before = await trail();
    const json = await follow(url);
    expect(json.status).toBe(status);
    expect(json.json).toMatchObject({ error: { code } });
    const message = (json.json as { error: { message: string } }).error.message;
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(json.headers.location).toBeUndefined();
    // A browser gets the same message as a page.
    const page = await follow(url, { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(status);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body.toString('utf8');
    expect(html).toContain(message);
    expect(html).toContain(code);
    expect(await trail()).toEqual(before);
    return message;
  };

  it('refuses an altered, truncated or foreign link and records nothing', async () => {
    const [pdfLink] = linksIn(mail) as [string];
    const last = pdfLink.at(-1) === '0' ? '1' : '0';
    const message = await refused(`${pdfLink.slice(0, -1)}${last}`, 404, 'ARCHIVE.LINK_INVALID');
    expect(message).toContain('下载链接无效');
    await refused(pdfLink.slice(0, -4), 404, 'ARCHIVE.LINK_INVALID');
    await refused(pdfLink.replace('/610999.', '/610998.'), 404, 'ARCHIVE.LINK_INVALID');
    await refused(pdfLink.replace(/links\/.*$/, 'links/%3Cscript%3E'), 404, 'ARCHIVE.LINK_INVALID');
  });

  it('refuses an expired link in Chinese and records nothing', async () => {
    // Sent 73 hours ago: the links said they work for 72.
    const sentAt = new Date(clockNow().getTime() - 73 * 3600_000);
    const outcome = await deliverReport(
      report,
      [{ name: '钱督查', email: 'auditor@test.invalid', id: 'auditor' }],
      {
        now: sentAt,
        officeContacts: async () => [],
      },
    );
    expect(outcome.map((o) => o.status)).toEqual(['sent']);
    const old = (await mailbox()).find((m) =>
      m.destination.to.some((t) => t.includes('auditor@test.invalid')),
    )!;
    const [pdfLink] = linksIn(old) as [string];
    const message = await refused(pdfLink, 410, 'ARCHIVE.LINK_EXPIRED');
    expect(message).toContain('过期');
    expect(message).toContain('县衔接办');
  });
});
