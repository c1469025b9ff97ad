/**
 * The visit-coverage report (走访排查覆盖情况): weekly for the previous
 * Monday–Sunday week, monthly for the previous month. Reads the directory, the
 * duty assignments, the visits and the problems once, analyses them per scope,
 * and publishes one report for the county and one per town, each archived once
 * and emailed exactly once.
 *
 * A weekly report's archive period is the week's Monday (`2026-10-26`), so the
 * weekly and monthly reports of the same month sit in different archive slots.
 */
import { monthDutyPeriod, type DutyPeriod } from '#domain/duties/duty-rules.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import { formatInteger, formatPercent } from '#domain/shared/format.ts';
import { provenanceOf } from '#reports/lineage/lineage.ts';
import {
  analyseVisitCoverage,
  previousWeek,
  type CoverageInput,
  type VisitCoverage,
} from '#domain/visits/visit.coverage.ts';
import {
  coveragePeriodText,
  renderVisitCoverageReport,
  visitCoverageWorkbook,
  type CoverageVariant,
} from '#reports/visits/visit-coverage.report.ts';
import type { ReportSummary } from '../delivery/archive.ts';
import { listAssignments, listOrgUnits, listStaffEntries } from '../store/visits.repository.ts';
import { readCoverageInput } from '../visits/coverage-input.ts';
import type { JobContext, JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';
import { now } from '#functions/platform/clock.ts';

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));

/** The email's key figures and what to do. */
export function coverageSummary(a: VisitCoverage, level: 'county' | 'town'): ReportSummary {
  const t = a.totals;
  const lines = [
    `应走访责任对象 ${formatInteger(t.required)} 个，已走访 ${formatInteger(t.visited)} 个，覆盖率 ${pct(t.coverage)}；未走访 ${formatInteger(a.unvisited.length)} 个。`,
    ...(t.overnightWeeks > 0
      ? [
          `驻村过夜达标 ${formatInteger(t.overnightWeeksMet)}/${formatInteger(t.overnightWeeks)} 人周（${pct(t.overnightCompliance)}）。`,
        ]
      : []),
    `发现问题 ${formatInteger(t.problemsFound)} 个，已整改 ${formatInteger(t.problemsRectified)} 个，整改率 ${pct(t.rectificationRate)}；逾期未整改 ${formatInteger(t.overdue)} 个。`,
  ];
  const todo: string[] = [];
  if (a.unvisited.length > 0)
    todo.push(level === 'county' ? '督促各责任人走访未走访的对象' : '组织本镇责任人走访未走访的对象');
  if (t.overnightWeeks > t.overnightWeeksMet) todo.push('落实每周驻村不少于一天一夜');
  if (t.overdue > 0) todo.push('督促逾期问题限期整改');
  return { lines, action: todo.length ? `${todo.join('；')}。` : '查阅报告，继续做好走访排查。' };
}

export async function runVisitCoverage(ctx: JobContext): Promise<JobResult> {
  const { config, progress } = ctx;
  const county = config.countyCode;
  const variant: CoverageVariant = ctx.variant === 'weekly' ? 'weekly' : 'monthly';
  const span: DutyPeriod = variant === 'weekly' ? previousWeek(ctx.date) : monthDutyPeriod(ctx.period);
  const slot = variant === 'weekly' ? span.start : ctx.period;
  const jobCtx: JobContext = { ...ctx, period: slot };
  const queriedAt = now();
  // Figures as of the period's end: visits recorded by then, problems in the state they had then.
  const cutoff = cutoffOf(span.end, ctx.now);
  const [units, directory] = await Promise.all([listOrgUnits(county), loadRecipientDirectory(county)]);
  const towns = units.filter((u) => u.kind === 'town');

  // Read once, only when some report of the period still has to be built.
  let data: Promise<{ input: Omit<CoverageInput, 'townId'> }> | undefined;
  const readData = () =>
    (data ??= (async () => {
      progress(`读取走访责任、走访记录和问题（${span.start} 至 ${span.end}）…`);
      const villages = units.filter((u) => u.kind === 'village').map((u) => u.id);
      const [staff, assignments] = await Promise.all([listStaffEntries(county), listAssignments(county)]);
      return {
        input: await readCoverageInput({ county, span, cutoff, units, staff, assignments, villages }),
      };
    })());

  const build = (level: 'county' | 'town', scopeLabel: string, town?: OrgUnit) => async () => {
    const d = await readData();
    const analysis = analyseVisitCoverage({ ...d.input, ...(town ? { townId: town.id } : {}) });
    const provenance = provenanceOf(analysis.lineage, queriedAt, cutoff);
    const rendered = await renderVisitCoverageReport(
      analysis,
      {
        countyName: config.countyName,
        issuingOffice: config.issuingOffice,
        scopeLabel,
        generatedAt: ctx.now,
        provenance,
      },
      variant,
    );
    return {
      pdf: rendered.pdf,
      xlsx: await visitCoverageWorkbook(analysis, ctx.now),
      pages: rendered.pages,
      inputSha256: provenance.inputSha256,
      inputRecords: provenance.recordCount,
      summary: coverageSummary(analysis, level),
    };
  };

  const periodText = coveragePeriodText({ period: span }, variant);
  const kindText = variant === 'weekly' ? '（周报）' : '（月报）';
  const published: PublishedReport[] = [];
  published.push(
    await publishReport(jobCtx, {
      kind: 'visit-coverage',
      scope: { level: 'county', unitId: county },
      scopeLabel: config.countyName,
      title: `${config.countyName}${periodText}走访排查覆盖情况${kindText}`,
      directory,
      build: build('county', config.countyName),
    }),
  );
  for (const town of towns) {
    published.push(
      await publishReport(jobCtx, {
        kind: 'visit-coverage',
        scope: { level: 'town', unitId: town.id },
        scopeLabel: town.name,
        title: `${town.name}${periodText}走访排查覆盖情况${kindText}`,
        directory,
        build: build('town', town.name, town),
      }),
    );
  }
  return {
    job: 'visit-coverage',
    period: slot,
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
