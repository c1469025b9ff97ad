/**
 * The monthly data-quality report (数据质量通报): first a logic-rule run over the
 * month's records (so the report counts fresh findings), then one report for the
 * county (coordination office, monitoring centre) and one per town (its heads),
 * each archived once and emailed exactly once through `publishReport`.
 */
import { analyseDataQuality, type Located } from '#domain/quality/quality.analysis.ts';
import {
  qualityKinds,
  type DataError,
  type InfoOfficer,
  type SpotCheck,
} from '#domain/quality/quality.schema.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import { lastDayOfPeriod, periodLabel } from '#domain/shared/period.ts';
import { provenanceOf } from '#reports/lineage/lineage.ts';
import { dataQualityWorkbook, renderDataQualityReport } from '#reports/quality/data-quality.report.ts';
import { runRuleSweep } from '../quality/rule-sweep.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { listRecordsAsOf, listRecordsAsOfOrFirst } from '../store/as-of.ts';
import type { JobContext, JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';
import { now } from '#functions/platform/clock.ts';

const located = <T>(r: StoredRecord): Located<T> => ({
  id: r.id,
  version: r.version,
  ...(r.townId ? { townId: r.townId } : {}),
  ...(r.villageId ? { villageId: r.villageId } : {}),
  createdAt: r.createdAt,
  data: r.data as T,
});

export async function runDataQuality(ctx: JobContext): Promise<JobResult> {
  const { period, config, progress } = ctx;
  const county = config.countyCode;
  const sweep = await runRuleSweep({
    countyCode: county,
    period,
    now: ctx.now,
    progress,
    // The nightly run re-reads the people only when the directory changed; the monthly one always does.
    people: ctx.variant === 'rules' ? 'when-changed' : 'always',
  });
  // The nightly variant only records findings; the monthly one also reports.
  if (ctx.variant === 'rules') {
    progress(`逻辑规则校验完成：发现 ${sweep.findings} 处，新登记 ${sweep.created} 条`);
    return { job: 'data-quality', period, reports: [], deliveries: [], files: [] };
  }
  const queriedAt = now();
  // The month as it stood at its end: errors in the state they had then (or as found, when
  // recorded later about the month's data), spot checks and the roster as of that day.
  const cutoff = cutoffOf(lastDayOfPeriod(period), ctx.now);
  const [units, directory, errors, checks, officers] = await Promise.all([
    listOrgUnits(county),
    loadRecipientDirectory(county),
    listRecordsAsOfOrFirst(county, qualityKinds.error, cutoff),
    listRecordsAsOf(county, qualityKinds.spotCheck, cutoff),
    listRecordsAsOf(county, qualityKinds.officer, cutoff),
  ]);
  const towns = units.filter((u) => u.kind === 'town');

  const build =
    (scopeUnits: readonly OrgUnit[], scopeLabel: string, keep: (r: StoredRecord) => boolean) => async () => {
      const e = errors.filter(keep);
      const s = checks.filter(keep);
      const o = officers.filter((r) => scopeUnits.some((u) => u.id === (r.data as InfoOfficer).unitId));
      const analysis = analyseDataQuality({
        period,
        units: scopeUnits,
        errors: e.map((r) => located<DataError>(r)),
        spotChecks: s.map((r) => located<SpotCheck>(r)),
        officers: o.map((r) => located<InfoOfficer>(r)),
      });
      const provenance = provenanceOf(analysis.lineage, queriedAt, cutoff);
      const rendered = await renderDataQualityReport(analysis, {
        countyName: config.countyName,
        issuingOffice: config.issuingOffice,
        scopeLabel,
        generatedAt: ctx.now,
        provenance,
      });
      const t = analysis.totals;
      return {
        pdf: rendered.pdf,
        xlsx: await dataQualityWorkbook(analysis),
        pages: rendered.pages,
        inputSha256: provenance.inputSha256,
        inputRecords: provenance.recordCount,
        summary: {
          lines: [
            `${periodLabel(period)}发现数据错误 ${t.found} 条，已修正 ${t.corrected} 条；其中逻辑校验发现 ${t.ruleFailures} 条。`,
            `累计仍未修正 ${t.open} 条。`,
            `信息员配备达标单位 ${analysis.staffing.compliant} 个 / 应达标 ${analysis.staffing.units} 个。`,
            `本月抽查 ${t.spotChecks} 次，发现问题 ${t.spotProblems} 个。`,
          ],
          action:
            t.open > 0 || analysis.staffing.shortfalls.length > 0
              ? '请督促相关单位修正未修正的错误，补齐信息员。'
              : '查阅通报，保持数据质量。',
        },
      };
    };

  const published: PublishedReport[] = [];
  published.push(
    await publishReport(ctx, {
      kind: 'data-quality',
      scope: { level: 'county', unitId: county },
      scopeLabel: config.countyName,
      title: `${config.countyName}${periodLabel(period)}数据质量通报`,
      directory,
      build: build(units, config.countyName, () => true),
    }),
  );
  for (const town of towns) {
    const own = units.filter((u) => u.id === town.id || u.parentId === town.id);
    published.push(
      await publishReport(ctx, {
        kind: 'data-quality',
        scope: { level: 'town', unitId: town.id },
        scopeLabel: town.name,
        title: `${town.name}${periodLabel(period)}数据质量通报`,
        directory,
        build: build(own, town.name, (r) => r.townId === town.id),
      }),
    );
  }
  return {
    job: 'data-quality',
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
