/**
 * The petition summary (信访舆情汇总): for each town review day (逢四研事) a digest
 * per town of what came in since the previous review and what is overdue; every
 * month and quarter one report for the county and one per town. Each is archived
 * once per (kind, period, scope) and emailed exactly once per recipient.
 *
 * The archive slot's period says which run it was: the month (`2026-10`), the
 * quarter (`2026-Q3`) or the review day (`2026-11-14`), so the monthly report and
 * a quarterly or review digest written on the same day never share a slot.
 */
import type { OrgUnit } from '#domain/org/org.schema.ts';
import {
  analysePetitions,
  monthWindow,
  quarterWindow,
  reviewWindow,
  type OpinionRow,
  type PetitionAnalysis,
  type PetitionRow,
  type SummaryWindow,
} from '#domain/petitions/petition.analysis.ts';
import type { Opinion } from '#domain/petitions/opinion.schema.ts';
import type { Petition } from '#domain/petitions/petition.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import { formatPercent } from '#domain/shared/format.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { provenanceOf } from '#reports/lineage/lineage.ts';
import { defaultCalendar } from '#domain/system/schedules.ts';
import {
  petitionSummaryWorkbook,
  renderPetitionSummary,
} from '#reports/petitions/petition-summary.report.ts';
import type { ReportSummary } from '../delivery/archive.ts';
import { OPINION, PETITION } from '../petitions/views.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { listRecordsAsOf } from '../store/as-of.ts';
import { mapLimit, type JobContext, type JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';
import { now } from '#functions/platform/clock.ts';

/** The window a run covers, by variant. */
export function windowOf(ctx: Pick<JobContext, 'variant' | 'period' | 'date' | 'now'>): SummaryWindow {
  if (ctx.variant === 'town-review') return reviewWindow(ctx.date, defaultCalendar.petitionReviewDays);
  const today = shanghaiDate(ctx.now);
  if (ctx.variant === 'quarterly') return quarterWindow(ctx.period, today);
  return monthWindow(ctx.period, today);
}

const row = <T>(r: StoredRecord<T>) => ({
  id: r.id,
  version: r.version,
  data: r.data,
  ...(r.townId ? { townId: r.townId } : {}),
  ...(r.villageId ? { villageId: r.villageId } : {}),
});

const pct = (r: number | null) => (r === null ? '—' : formatPercent(r));

export function petitionEmailSummary(a: PetitionAnalysis): ReportSummary {
  const lines = [
    `受理信访件 ${a.received} 件，已办结 ${a.concluded} 件，其中解决 ${a.resolved} 件；按期办结率 ${pct(a.onTimeRate)}。`,
    `涉及“一收入两不愁三保障”及饮水安全的 ${a.monitoringReview} 件。`,
    `逾期未办结 ${a.overdue.length} 件。`,
    `回访 ${a.callbacks.count} 次，满意率 ${pct(a.callbacks.satisfactionRate)}；网络舆情 ${a.opinions.count} 条。`,
  ];
  const todo: string[] = [];
  if (a.overdue.length > 0) todo.push('督促责任单位立即办结逾期信访件');
  if (a.monitoringReview > 0) todo.push('将涉及“两不愁三保障”及饮水安全的农户纳入监测研判');
  return { lines, action: todo.length ? `${todo.join('；')}。` : '查阅报告，按期研判。' };
}

export async function runPetitionSummary(ctx: JobContext): Promise<JobResult> {
  const { config, progress } = ctx;
  const county = config.countyCode;
  const w = windowOf(ctx);
  const slot = { ...ctx, period: w.period };
  const queriedAt = now();
  // Read as the records stood on the window's status day (its end, or now while it runs).
  const cutoff = cutoffOf(w.asOf, ctx.now);
  const [units, directory] = await Promise.all([listOrgUnits(county), loadRecipientDirectory(county)]);
  const towns = units.filter((u) => u.kind === 'town');
  const villageNames = new Map(units.filter((u) => u.kind === 'village').map((u) => [u.id, u.name]));

  // Read town by town, once, and only when some report still has to be built.
  let data:
    Promise<{ byTown: Map<string, StoredRecord<Petition>[]>; opinions: StoredRecord<Opinion>[] }> | undefined;
  const readData = () =>
    (data ??= (async () => {
      progress(`读取 ${towns.length} 个镇（街道）的信访件和网络舆情…`);
      const lists = await mapLimit(towns, 8, (t) =>
        listRecordsAsOf(county, PETITION, cutoff, { townId: t.id }),
      );
      const opinions = (await listRecordsAsOf(county, OPINION, cutoff)) as StoredRecord<Opinion>[];
      return {
        byTown: new Map(towns.map((t, i) => [t.id, (lists[i] ?? []) as StoredRecord<Petition>[]])),
        opinions,
      };
    })());

  const build = (scopeTowns: readonly OrgUnit[], scopeLabel: string, countyWide: boolean) => async () => {
    const d = await readData();
    const petitions = scopeTowns.flatMap((t) => d.byTown.get(t.id) ?? []);
    const ids = new Set(scopeTowns.map((t) => t.id));
    const opinions = d.opinions.filter((o) => countyWide || (o.townId !== undefined && ids.has(o.townId)));
    const analysis = analysePetitions({
      ...w,
      towns: scopeTowns.map((t) => ({ id: t.id, name: t.name })),
      villageNames,
      petitions: petitions.map(row) as PetitionRow[],
      opinions: opinions.map(row) as OpinionRow[],
    });
    const provenance = provenanceOf(analysis.lineage, queriedAt, cutoff);
    const rendered = await renderPetitionSummary(
      analysis,
      {
        countyName: config.countyName,
        issuingOffice: config.issuingOffice,
        scopeLabel,
        generatedAt: ctx.now,
        provenance,
      },
      { periodLabel: w.label, ...(ctx.variant === 'town-review' ? { occasion: '逢四研事' } : {}) },
    );
    return {
      pdf: rendered.pdf,
      xlsx: await petitionSummaryWorkbook(analysis),
      pages: rendered.pages,
      inputSha256: provenance.inputSha256,
      inputRecords: provenance.recordCount,
      summary: petitionEmailSummary(analysis),
    };
  };

  const published: PublishedReport[] = [];
  // The review digest serves the towns' own meetings; monthly and quarterly reports also go to the county.
  if (ctx.variant !== 'town-review') {
    published.push(
      await publishReport(slot, {
        kind: 'petition-summary',
        scope: { level: 'county', unitId: county },
        scopeLabel: config.countyName,
        title: `${config.countyName}${w.label}信访舆情汇总`,
        directory,
        build: build(towns, config.countyName, true),
      }),
    );
  }
  for (const town of towns) {
    published.push(
      await publishReport(slot, {
        kind: 'petition-summary',
        scope: { level: 'town', unitId: town.id },
        scopeLabel: town.name,
        title: `${town.name}${w.label}信访舆情汇总${ctx.variant === 'town-review' ? '（逢四研事）' : ''}`,
        directory,
        build: build([town], town.name, false),
      }),
    );
  }
  return {
    job: 'petition-summary',
    period: w.period,
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
