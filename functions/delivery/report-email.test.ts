/**
 * The report email's subject, for every kind of archive slot: a quarterly run's
 * period is `2026-Q3`, a review digest's or a weekly report's a day. None may
 * read `2026年NaN月` or hide which report it is.
 */
import { describe, expect, it } from 'vitest';
import type { ArchivedReport } from './archive.ts';
import { reportEmail, reportSubject } from './report-email.ts';

const report = (kind: string, period: string, scopeLabel: string): ArchivedReport => ({
  reportId: `${kind}.${period}.610999`,
  countyCode: '610999',
  kind,
  period,
  scope: '610999',
  scopeLevel: 'county',
  scopeLabel,
  title: `${scopeLabel}报告`,
  generatedAt: '2026-11-14T00:00:00.000Z',
  inputSha256: 'a'.repeat(64),
  inputRecords: 1,
  summary: { lines: ['受理信访件 5 件。'], action: '查阅报告。' },
  pdf: { key: 'k.pdf', sha256: 'b'.repeat(64), bytes: 10, contentType: 'application/pdf', filename: 'r.pdf' },
});

describe('report email subject', () => {
  it('names the quarter, the review day and the month of petition summaries', () => {
    expect(reportSubject(report('petition-summary', '2026-Q3', '守望示范县'))).toBe(
      '【信访舆情汇总】守望示范县 2026年第三季度',
    );
    expect(reportSubject(report('petition-summary', '2026-11-14', '南坡镇'))).toBe(
      '【信访舆情汇总】南坡镇 2026年11月14日',
    );
    expect(reportSubject(report('petition-summary', '2026-10', '南坡镇'))).toBe(
      '【信访舆情汇总】南坡镇 2026年10月',
    );
  });

  it('tells the weekly coverage report from the monthly one', () => {
    const weekly = reportSubject(report('visit-coverage', '2026-11-02', '守望示范县'));
    const monthly = reportSubject(report('visit-coverage', '2026-10', '守望示范县'));
    expect(weekly).toBe('【走访排查覆盖情况周报】守望示范县 2026年11月2日至11月8日');
    expect(monthly).toBe('【走访排查覆盖情况月报】守望示范县 2026年10月');
    expect(weekly).not.toBe(monthly);
  });

  it('gives the quarterly income pack its own name and quarter, and keeps the monthly subject', () => {
    expect(reportSubject(report('quarterly-income', '2026-Q4', '守望示范县'))).toBe(
      '【季度收入分析研判会议材料】守望示范县 2026年第四季度',
    );
    expect(reportSubject(report('monthly-income', '2026-10', '西川镇'))).toBe(
      '【月度收入分析研判报告】西川镇 2026年10月',
    );
    expect(reportSubject(report('reminder-letter', '2026-11-07', '西川镇'))).toBe(
      '【提醒函件】西川镇 2026年11月7日',
    );
  });

  it('is the subject of the email sent', () => {
    const mail = reportEmail(
      report('petition-summary', '2026-Q3', '守望示范县'),
      { name: '吴县长', email: 'leader@test.invalid' },
      { via: 'attachment', pdf: Buffer.from('%PDF') },
    );
    expect(mail.subject).toBe('【信访舆情汇总】守望示范县 2026年第三季度');
    expect(mail.subject).not.toMatch(/NaN/);
  });
});
