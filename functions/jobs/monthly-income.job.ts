/**
 * The monthly income analysis (月度收入分析研判报告): reads the month's records
 * village by village, analyses them, and publishes one report for the county (to
 * county leaders, the coordination office and the monitoring centre) and one per
 * town (to that town's heads), each archived once and emailed exactly once.
 */
import { analyseMonthlyIncome, type MonthlyIncomeAnalysis } from '#domain/income/income.analysis.ts';
import type { IncomeRecord } from '#domain/income/income.schema.ts';
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import { periodLabel, previousPeriod } from '#domain/shared/period.ts';
import { renderMonthlyIncomeReport } from '#reports/income/monthly-income.report.ts';
import { monthlyIncomeWorkbook } from '#reports/xlsx/workbook.ts';
import { sha256, type ReportSummary } from '../delivery/archive.ts';
import { listVillageIncome } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';
import { mapLimit, type JobContext, type JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A stable digest of the rows a report was built from, so an auditor can tell which data it shows. */
export function inputDigest(records: readonly IncomeRecord[]): string {
  const rows = [...records]
    .sort((a, b) => a.householdId.localeCompare(b.householdId) || a.period.localeCompare(b.period))
    .map((r) => `${r.period}|${r.householdId}|${r.version}|${r.netIncome}|${r.memberCount}`);
  return sha256(rows.join('\n'));
}

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

interface VillageData {
  village: OrgUnit;
  households: Household[];
  records: IncomeRecord[];
  previousRecords: IncomeRecord[];
}

export async function runMonthlyIncome(ctx: JobContext): Promise<JobResult> {
  const { period, config, progress } = ctx;
  const county = config.countyCode;
  const queriedAt = new Date();
  const [units, directory] = await Promise.all([listOrgUnits(county), loadRecipientDirectory(county)]);
  const villages = units.filter((u) => u.kind === 'village');
  const towns = units.filter((u) => u.kind === 'town');

  // Read once, only when some report of the month still has to be built.
  let data: Promise<VillageData[]> | undefined;
  const readData = () =>
    (data ??= (async () => {
      progress(`读取 ${villages.length} 个村（社区）的农户与 ${periodLabel(period)} 收入记录…`);
      return mapLimit(villages, 8, async (v) => {
        const [households, records, previousRecords] = await Promise.all([
          listVillageHouseholds(county, v.id),
          listVillageIncome(county, period, v.id),
          listVillageIncome(county, previousPeriod(period), v.id),
        ]);
        return { village: v, households, records, previousRecords };
      });
    })());

  const build =
    (
      level: 'county' | 'town',
      scopeUnits: readonly OrgUnit[],
      scopeLabel: string,
      keep: (v: OrgUnit) => boolean,
    ) =>
    async () => {
      const rows = (await readData()).filter((d) => keep(d.village));
      const records = rows.flatMap((d) => d.records);
      const previousRecords = rows.flatMap((d) => d.previousRecords);
      const analysis = analyseMonthlyIncome({
        period,
        config,
        units: scopeUnits,
        households: rows.flatMap((d) => d.households),
        records,
        previousRecords,
      });
      const inputSha256 = inputDigest([...records, ...previousRecords]);
      const rendered = await renderMonthlyIncomeReport(analysis, {
        countyName: config.countyName,
        issuingOffice: config.issuingOffice,
        scopeLabel,
        generatedAt: ctx.now,
        provenance: { queriedAt, recordCount: records.length + previousRecords.length, inputSha256 },
      });
      return {
        pdf: rendered.pdf,
        xlsx: await monthlyIncomeWorkbook(analysis),
        pages: rendered.pages,
        inputSha256,
        inputRecords: records.length + previousRecords.length,
        summary: incomeSummary(analysis, level),
      };
    };

  const published: PublishedReport[] = [];
  published.push(
    await publishReport(ctx, {
      kind: 'monthly-income',
      scope: { level: 'county', unitId: county },
      scopeLabel: config.countyName,
      title: `${config.countyName}${periodLabel(period)}月度收入分析研判报告`,
      directory,
      build: build('county', units, config.countyName, () => true),
    }),
  );
  // Town by town, so no single report holds more than its town's rows.
  for (const town of towns) {
    const own = units.filter((u) => u.id === county || u.id === town.id || u.parentId === town.id);
    published.push(
      await publishReport(ctx, {
        kind: 'monthly-income',
        scope: { level: 'town', unitId: town.id },
        scopeLabel: town.name,
        title: `${town.name}${periodLabel(period)}月度收入分析研判报告`,
        directory,
        build: build('town', own, town.name, (v) => v.parentId === town.id),
      }),
    );
  }
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
