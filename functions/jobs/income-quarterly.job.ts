/**
 * The quarterly county income-analysis meeting (每季度召开收入分析研判会): one
 * county document for the quarter containing the job's period, built from the
 * three months' town analyses (read town by town), with each month's figures and
 * the households flagged in any month of the quarter.
 *
 * It is its own report kind (`quarterly-income`), archived under the quarter
 * (`2026-Q3`) so an archive search by quarter finds it, and delivered to the
 * people of the monthly income analysis (see `recipientKindOf`).
 */
import {
  mergeMonthlyIncome,
  type FlaggedHousehold,
  type MonthlyIncomeAnalysis,
} from '#domain/income/income.analysis.ts';
import { formatInteger, formatPercent } from '#domain/shared/format.ts';
import { periodLabel, quarterLabel, quarterMonths, quarterOf } from '#domain/shared/period.ts';
import { renderQuarterlyIncomeReport } from '#reports/income/quarterly-income.report.ts';
import { sha256 } from '../delivery/archive.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import type { JobContext, JobResult } from './job.types.ts';
import { analyseTown } from './monthly-income.job.ts';
import { loadRecipientDirectory, publishReport } from './publish.ts';

export async function runIncomeQuarterly(ctx: JobContext): Promise<JobResult> {
  const { config, period } = ctx;
  const county = config.countyCode;
  const quarter = quarterOf(period);
  const months = quarterMonths(quarter);
  const [units, directory] = await Promise.all([listOrgUnits(county), loadRecipientDirectory(county)]);
  const towns = units.filter((u) => u.kind === 'town').sort((a, b) => a.id.localeCompare(b.id));
  const published = await publishReport(
    { ...ctx, period: quarter },
    {
      kind: 'quarterly-income',
      scope: { level: 'county', unitId: county },
      scopeLabel: config.countyName,
      title: `${config.countyName}${quarterLabel(quarter)}收入分析研判会议材料`,
      directory,
      build: async () => {
        const monthly: MonthlyIncomeAnalysis[] = [];
        const digests: string[] = [];
        let inputRecords = 0;
        for (const m of months) {
          const parts = [];
          for (const town of towns) {
            ctx.progress(`季度研判：读取 ${town.name} ${periodLabel(m)}…`);
            parts.push(await analyseTown({ ...ctx, period: m }, units, town, []));
          }
          monthly.push(
            mergeMonthlyIncome(
              m,
              parts.map((p) => p.analysis),
              config,
            ),
          );
          digests.push(...parts.map((p) => p.inputSha256));
          inputRecords += parts.reduce((s, p) => s + p.inputRecords, 0);
        }
        const inputSha256 = sha256(digests.join('\n'));
        const rendered = await renderQuarterlyIncomeReport(monthly, {
          countyName: config.countyName,
          issuingOffice: config.issuingOffice,
          scopeLabel: config.countyName,
          generatedAt: ctx.now,
          provenance: { queriedAt: ctx.now, recordCount: inputRecords, inputSha256 },
        });
        const flagged = new Set<string>();
        monthly.forEach((a) =>
          [...a.belowThreshold, ...a.falls].forEach((h: FlaggedHousehold) => flagged.add(h.householdId)),
        );
        const last = monthly[2]!;
        return {
          pdf: rendered.pdf,
          pages: rendered.pages,
          inputSha256,
          inputRecords,
          summary: {
            lines: [
              ...monthly.map(
                (a) =>
                  `${periodLabel(a.period)}：录入率 ${formatPercent(a.totals.rate)}，低于监测线 ${formatInteger(a.totals.belowThreshold)} 户，收入骤降 ${formatInteger(a.totals.falls)} 户。`,
              ),
              `本季度出现收入预警的农户共 ${formatInteger(flagged.size)} 户；季末疑似信息 ${formatInteger(last.totals.suspicious ?? 0)} 条。`,
            ],
            action: '请在季度收入分析研判会上逐户研究预警农户的帮扶措施。',
          },
        };
      },
    },
  );
  const { report, created } = published;
  return {
    job: 'income-quarterly',
    period: quarter,
    reports: [
      {
        reportId: report.reportId,
        title: report.title,
        scope: report.scope,
        pdfKey: report.pdf.key,
        sha256: report.pdf.sha256,
        pages: report.pages ?? 0,
        created,
      },
    ],
    deliveries: published.deliveries,
    files: published.files,
  };
}
