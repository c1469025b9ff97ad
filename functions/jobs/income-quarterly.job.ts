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
import type { FigureLineage } from '#domain/shared/lineage.ts';
import {
  quarterlyIncomeWorkbook,
  renderQuarterlyIncomeReport,
} from '#reports/income/quarterly-income.report.ts';
import { provenanceOf } from '#reports/lineage/lineage.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import type { JobContext, JobResult } from './job.types.ts';
import { analyseTown, readAssistance } from './monthly-income.job.ts';
import { now } from '../platform/clock.ts';
import { loadRecipientDirectory, publishReport } from './publish.ts';

/** The quarter's lineage: each month's figures, keyed and labelled by their month. */
export function quarterLineage(monthly: readonly MonthlyIncomeAnalysis[]): FigureLineage[] {
  return monthly.flatMap((a) =>
    (a.lineage ?? []).map((f) => ({
      ...f,
      key: `${a.period}:${f.key}`,
      label: `${periodLabel(a.period)}${f.label}`,
    })),
  );
}

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
        const assistance = await readAssistance(county);
        const monthly: MonthlyIncomeAnalysis[] = [];
        for (const m of months) {
          const parts: MonthlyIncomeAnalysis[] = [];
          for (const town of towns) {
            ctx.progress(`季度研判：读取 ${town.name} ${periodLabel(m)}…`);
            // Each month as of its own cut-off: the figures that month's report showed.
            parts.push(await analyseTown({ ...ctx, period: m }, units, town, assistance));
          }
          monthly.push(mergeMonthlyIncome(m, parts, config));
        }
        const lineage = quarterLineage(monthly);
        const provenance = provenanceOf(lineage, now(), monthly.at(-1)?.asOf);
        const rendered = await renderQuarterlyIncomeReport(monthly, {
          countyName: config.countyName,
          issuingOffice: config.issuingOffice,
          scopeLabel: config.countyName,
          generatedAt: ctx.now,
          provenance,
        });
        const inputSha256 = provenance.inputSha256;
        const inputRecords = provenance.recordCount;
        const flagged = new Set<string>();
        monthly.forEach((a) =>
          [...a.belowThreshold, ...a.falls].forEach((h: FlaggedHousehold) => flagged.add(h.householdId)),
        );
        const last = monthly[2]!;
        return {
          pdf: rendered.pdf,
          xlsx: await quarterlyIncomeWorkbook(monthly, lineage, ctx.now),
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
