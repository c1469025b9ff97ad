import { describe, expect, it } from 'vitest';
import { reportKindText, reportPeriodText, weekLabel } from './report-period.ts';

describe('a report’s kind and period as the subject and the archive show them', () => {
  it('tells the weekly coverage report from the monthly one, with its week or month', () => {
    expect(reportKindText('visit-coverage', '2026-11-02')).toBe('走访排查覆盖情况周报');
    expect(reportPeriodText('visit-coverage', '2026-11-02')).toBe('2026年11月2日至11月8日');
    expect(reportKindText('visit-coverage', '2026-10')).toBe('走访排查覆盖情况月报');
    expect(reportPeriodText('visit-coverage', '2026-10')).toBe('2026年10月');
  });

  it('writes the year again for a week that ends in the next one', () => {
    expect(weekLabel('2026-12-28')).toBe('2026年12月28日至2027年1月3日');
  });

  it('reads quarters and review days naturally', () => {
    expect(reportPeriodText('petition-summary', '2026-Q3')).toBe('2026年第三季度');
    expect(reportPeriodText('petition-summary', '2026-11-14')).toBe('2026年11月14日');
    expect(reportKindText('quarterly-income', '2026-Q4')).toBe('季度收入分析研判会议材料');
    expect(reportPeriodText('quarterly-income', '2026-Q4')).toBe('2026年第四季度');
    expect(reportKindText('monthly-income', '2026-10')).toBe('月度收入分析研判报告');
    expect(reportPeriodText('reminder-letter', '2026-11-07')).toBe('2026年11月7日');
  });
});
