/**
 * The monthly income analysis (月度收入分析研判报告): reads the month's records
 * village by village, analyses them, renders the PDF and XLSX, archives both, and
 * emails the county's leaders exactly once.
 */
import type { CountyConfig } from '#domain/config/county-config.ts';
import { analyseMonthlyIncome, type MonthlyIncomeAnalysis } from '#domain/income/income.analysis.ts';
import type { IncomeRecord } from '#domain/income/income.schema.ts';
import type { Household } from '#domain/org/org.schema.ts';
import { periodLabel, previousPeriod, type Period } from '#domain/shared/period.ts';
import { renderMonthlyIncomeReport } from '#reports/income/monthly-income.report.ts';
import { monthlyIncomeWorkbook } from '#reports/xlsx/workbook.ts';
import { archiveReport, sha256, type ArchivedReport } from '../delivery/archive.ts';
import type { OutgoingEmail } from '../delivery/email.ts';
import { listVillageIncome } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';
import { listStaff, type StaffContact } from '../store/staff.repository.ts';
import { deliverToAll } from './deliver.ts';
import { mapLimit, type JobResult, type Progress } from './job.types.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A stable digest of the rows a report was built from, so an auditor can tell which data it shows. */
export function inputDigest(records: readonly IncomeRecord[]): string {
  const rows = [...records]
    .sort((a, b) => a.householdId.localeCompare(b.householdId) || a.period.localeCompare(b.period))
    .map((r) => `${r.period}|${r.householdId}|${r.version}|${r.netIncome}|${r.memberCount}`);
  return sha256(rows.join('\n'));
}

export function incomeEmail(
  analysis: MonthlyIncomeAnalysis,
  report: ArchivedReport,
  pdf: Buffer,
  xlsx: Buffer,
  to: StaffContact,
): OutgoingEmail {
  const t = analysis.totals;
  const label = periodLabel(analysis.period);
  return {
    to: { name: to.name, address: to.email },
    subject: `【月度收入分析研判】${report.scopeLabel} ${label}`,
    text: [
      `${to.name}：`,
      '',
      `${report.scopeLabel}${label}收入分析研判报告已生成，请查阅附件。`,
      '',
      `· 应录入 ${t.due} 户，已录入 ${t.entered} 户，录入率 ${pct(t.rate)}；按时录入 ${t.onTime} 户。`,
      `· 人均纯收入（按月折算全年）低于监测线 ${analysis.threshold} 元的有 ${t.belowThreshold} 户。`,
      `· 收入较上月骤降的有 ${t.falls} 户。`,
      '',
      t.entered < t.due
        ? '请督促未完成录入的村（社区）尽快补录，并对收入骤降户逐户分析原因、落实帮扶措施。'
        : '请对收入骤降户逐户分析原因、落实帮扶措施。',
      '',
      `报告编号：${report.reportId}，文件 SHA-256：${report.pdf.sha256}`,
      '本邮件由守望报表系统自动发送，请勿直接回复。',
    ].join('\n'),
    attachments: [
      { filename: report.pdf.filename, content: pdf, contentType: 'application/pdf' },
      { filename: report.xlsx?.filename ?? `${report.title}.xlsx`, content: xlsx, contentType: report.xlsx?.contentType ?? 'application/octet-stream' },
    ],
  };
}

/** County leaders and the coordination office receive the county-wide analysis. */
export function countyRecipients(staff: readonly StaffContact[], countyCode: string): StaffContact[] {
  return staff.filter(
    (s) => s.active && ((s.role === 'leader' && s.unitId === countyCode) || s.role === 'coordination-office'),
  );
}

export async function runMonthlyIncome(opts: {
  period: Period;
  config: CountyConfig;
  now: Date;
  progress: Progress;
}): Promise<JobResult> {
  const { period, config, now, progress } = opts;
  const county = config.countyCode;
  const queriedAt = new Date();
  const units = await listOrgUnits(county);
  const villages = units.filter((u) => u.kind === 'village');
  progress(`读取 ${villages.length} 个村（社区）的农户与 ${periodLabel(period)} 收入记录…`);
  const perVillage = await mapLimit(villages, 8, async (v) => {
    const [hh, cur, prev] = await Promise.all([
      listVillageHouseholds(county, v.id),
      listVillageIncome(county, period, v.id),
      listVillageIncome(county, previousPeriod(period), v.id),
    ]);
    return { hh, cur, prev };
  });
  const households: Household[] = perVillage.flatMap((x) => x.hh);
  const records = perVillage.flatMap((x) => x.cur);
  const previousRecords = perVillage.flatMap((x) => x.prev);
  const analysis = analyseMonthlyIncome({ period, config, units, households, records, previousRecords });
  progress(`分析完成：应录 ${analysis.totals.due} 户，已录 ${analysis.totals.entered} 户。生成 PDF…`);

  const scope = 'county';
  const scopeLabel = config.countyName;
  const title = `${scopeLabel}${periodLabel(period)}月度收入分析研判报告`;
  const inputSha256 = inputDigest([...records, ...previousRecords]);
  const rendered = await renderMonthlyIncomeReport(analysis, {
    countyName: config.countyName,
    issuingOffice: config.issuingOffice,
    scopeLabel,
    generatedAt: now,
    provenance: { queriedAt, recordCount: records.length + previousRecords.length, inputSha256 },
  });
  const xlsx = await monthlyIncomeWorkbook(analysis);
  const report = await archiveReport({
    countyCode: county,
    kind: 'monthly-income',
    period,
    scope,
    scopeLabel,
    title,
    generatedAt: now,
    inputSha256,
    inputRecords: records.length + previousRecords.length,
    pdf: rendered.pdf,
    xlsx,
  });
  progress(`已归档：s3://…/${report.pdf.key}（${rendered.pages} 页，SHA-256 ${report.pdf.sha256.slice(0, 16)}…）`);

  const recipients = countyRecipients(await listStaff(county), county);
  const deliveries = await deliverToAll(
    report,
    `monthly-income#${period}#${scope}`,
    recipients,
    (r) => incomeEmail(analysis, report, rendered.pdf, xlsx, r),
    now,
    progress,
  );
  return {
    job: 'monthly-income',
    period,
    reports: [
      { reportId: report.reportId, title, scope, pdfKey: report.pdf.key, sha256: report.pdf.sha256, pages: rendered.pages },
    ],
    deliveries,
    files: [
      { filename: report.pdf.filename, content: rendered.pdf, contentType: 'application/pdf' },
      { filename: report.xlsx?.filename ?? `${title}.xlsx`, content: xlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ],
  };
}
