/**
 * The monthly income analysis (月度收入分析研判报告): reads the month's records
 * village by village, analyses them, and publishes one report for the county (to
 * county leaders, the coordination office and the monitoring centre) and one per
 * town (to that town's heads), each archived once and emailed exactly once.
 */
import { ASSISTANCE_KIND, assistancePlanSchema } from '#domain/income/assistance.schema.ts';
import {
  analyseMonthlyIncome,
  incomeCutoff,
  mergeMonthlyIncome,
  sumTrends,
  trendPoint,
  type AssistanceNote,
  type MonthlyIncomeAnalysis,
  type TrendPoint,
} from '#domain/income/income.analysis.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import { addMonths, periodLabel, previousPeriod, sameMonthLastYear } from '#domain/shared/period.ts';
import { renderMonthlyIncomeReport } from '#reports/income/monthly-income.report.ts';
import { monthlyIncomeFullWorkbook } from '#reports/income/monthly-income.workbook.ts';
import { provenanceOf } from '#reports/lineage/lineage.ts';
import type { ReportSummary } from '../delivery/archive.ts';
import { listVillageIncomeAsOf } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';
import { recordRepository } from '../store/records.repository.ts';
import { mapLimit, type JobContext, type JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';
import { now } from '#functions/platform/clock.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The email's key figures and what the reader should do, for the county or one town. */
export function incomeSummary(analysis: MonthlyIncomeAnalysis, level: 'county' | 'town'): ReportSummary {
  const t = analysis.totals;
  const lagging = analysis.villages.filter((v) => v.entered < v.due).length;
  const lines = [
    `应录入 ${t.due} 户，已录入 ${t.entered} 户，录入率 ${pct(t.rate)}；按时录入 ${t.onTime} 户。`,
    `未完成录入的村（社区）${lagging} 个。`,
    `人均纯收入（按月折算全年）低于监测线 ${analysis.threshold} 元的有 ${t.belowThreshold} 户。`,
    `收入较上月骤降的有 ${t.falls} 户。`,
  ];
  const todo: string[] = [];
  if (lagging > 0) {
    todo.push(
      level === 'county'
        ? '督促未完成录入的镇、村（社区）尽快补录'
        : '组织本镇未完成录入的村（社区）尽快补录',
    );
  }
  if (t.belowThreshold + t.falls > 0) {
    todo.push('对低于监测线和收入骤降的农户逐户核实、分析原因，落实“一户一策”帮扶措施');
  }
  return { lines, action: todo.length ? `${todo.join('；')}。` : '查阅报告，按时开展比对分析研判。' };
}

/** Months of the trend before the reported one. */
const TREND_MONTHS = 11;

/**
 * Reads one town (its villages' households and this month's, last month's,
 * last year's and the trend months' records) and analyses it. Only the town's
 * rows are in memory, and only its analysis is kept.
 *
 * Every record is read as of a cut-off (`incomeCutoff`): this month's, last
 * month's and last year's as of this report's, each trend month's as of its own,
 * so a month's point on the trend is the figure that month's own report showed.
 */
export async function analyseTown(
  ctx: JobContext,
  units: readonly OrgUnit[],
  town: OrgUnit,
  assistance: readonly (AssistanceNote & { townId?: string })[],
): Promise<MonthlyIncomeAnalysis> {
  const { period, config } = ctx;
  const county = config.countyCode;
  const asOf = incomeCutoff(period, config, ctx.now);
  const villages = units.filter((u) => u.kind === 'village' && u.parentId === town.id);
  const trendPeriods = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(period, i - TREND_MONTHS));
  const rows = await mapLimit(villages, 8, async (v) => {
    const [households, records, previousRecords, lastYearRecords] = await Promise.all([
      listVillageHouseholds(county, v.id),
      listVillageIncomeAsOf(county, period, v.id, asOf),
      listVillageIncomeAsOf(county, previousPeriod(period), v.id, asOf),
      listVillageIncomeAsOf(county, sameMonthLastYear(period), v.id, asOf),
    ]);
    // Earlier months are reduced to counts at once: the trend needs no rows.
    const trend: TrendPoint[] = [];
    for (const p of trendPeriods) {
      const cutoff = incomeCutoff(p, config, ctx.now);
      trend.push(trendPoint(p, households, await listVillageIncomeAsOf(county, p, v.id, cutoff)));
    }
    return { households, records, previousRecords, lastYearRecords, trend };
  });
  const records = rows.flatMap((d) => d.records);
  const previousRecords = rows.flatMap((d) => d.previousRecords);
  const lastYearRecords = rows.flatMap((d) => d.lastYearRecords);
  const own = units.filter((u) => u.id === county || u.id === town.id || u.parentId === town.id);
  return analyseMonthlyIncome({
    period,
    config,
    units: own,
    households: rows.flatMap((d) => d.households),
    records,
    previousRecords,
    lastYearRecords,
    assistance: assistance.filter((a) => a.townId === town.id),
    trendHistory: sumTrends(rows.map((d) => d.trend)),
    asOf,
  });
}

/** The assistance ledger as the analysis needs it: cause and measures per household. */
export async function readAssistance(county: string): Promise<(AssistanceNote & { townId?: string })[]> {
  const plans = await recordRepository.list(county, ASSISTANCE_KIND);
  return plans.flatMap((r) => {
    const p = assistancePlanSchema.safeParse(r.data);
    return p.success
      ? [
          {
            householdId: p.data.householdId,
            cause: p.data.cause,
            measures: p.data.measures,
            ...(r.townId ? { townId: r.townId } : {}),
          },
        ]
      : [];
  });
}

export async function runMonthlyIncome(ctx: JobContext): Promise<JobResult> {
  const { period, config, progress } = ctx;
  const county = config.countyCode;
  const queriedAt = now();
  const [units, directory, assistance] = await Promise.all([
    listOrgUnits(county),
    loadRecipientDirectory(county),
    readAssistance(county),
  ]);
  const towns = units.filter((u) => u.kind === 'town').sort((a, b) => a.id.localeCompare(b.id));

  // Each town is read and analysed at most once per run, and only when a report still needs it.
  const cache = new Map<string, ReturnType<typeof analyseTown>>();
  const townAnalysis = (town: OrgUnit) => {
    let a = cache.get(town.id);
    if (!a) {
      progress(`读取并分析 ${town.name} ${periodLabel(period)} 收入记录…`);
      a = analyseTown(ctx, units, town, assistance);
      cache.set(town.id, a);
    }
    return a;
  };

  const render = async (level: 'county' | 'town', scopeLabel: string, analysis: MonthlyIncomeAnalysis) => {
    const provenance = provenanceOf(analysis.lineage ?? [], queriedAt, analysis.asOf);
    const rendered = await renderMonthlyIncomeReport(analysis, {
      countyName: config.countyName,
      issuingOffice: config.issuingOffice,
      scopeLabel,
      generatedAt: ctx.now,
      provenance,
    });
    return {
      pdf: rendered.pdf,
      xlsx: await monthlyIncomeFullWorkbook(analysis, ctx.now),
      pages: rendered.pages,
      inputSha256: provenance.inputSha256,
      inputRecords: provenance.recordCount,
      summary: incomeSummary(analysis, level),
    };
  };

  const published: PublishedReport[] = [];
  // Town by town, so no single report holds more than its town's rows.
  for (const town of towns) {
    published.push(
      await publishReport(ctx, {
        kind: 'monthly-income',
        scope: { level: 'town', unitId: town.id },
        scopeLabel: town.name,
        title: `${town.name}${periodLabel(period)}月度收入分析研判报告`,
        directory,
        build: async () => render('town', town.name, await townAnalysis(town)),
      }),
    );
  }
  published.unshift(
    await publishReport(ctx, {
      kind: 'monthly-income',
      scope: { level: 'county', unitId: county },
      scopeLabel: config.countyName,
      title: `${config.countyName}${periodLabel(period)}月度收入分析研判报告`,
      directory,
      build: async () => {
        const parts = [];
        for (const town of towns) parts.push(await townAnalysis(town));
        const analysis = mergeMonthlyIncome(period, parts, config);
        return render('county', config.countyName, analysis);
      },
    }),
  );
  return {
    job: 'monthly-income',
    period,
    reports: published.map(({ report, created }) => ({
      reportId: report.reportId,
      title: report.title,
      scope: report.scope,
      pdfKey: report.pdf.key,
      sha256: report.pdf.sha256,
      pages: report.pages ?? 0,
      created,
    })),
    deliveries: published.flatMap((p) => p.deliveries),
    files: published.flatMap((p) => p.files),
  };
}
