/**
 * Reminder letters (提醒函件): after the village-entry deadline, after the town
 * review deadline, and daily for overdue problems and petitions, one letter per
 * town per day listing its items, numbered per year without gaps
 * (`reminder-letters.numbering.ts`), rendered after GB/T 9704 and published to
 * the town's heads through `publishReport` (archived once, sent once).
 *
 * One letter per town per day: the letter's key is (day, town). When a town
 * already has that day's letter, a later run's items wait for the next day's
 * letter (overdue items are reminded of until a letter names them).
 */
import {
  analyseMonthlyIncome,
  dueInPeriod,
  householdRef,
  incomeRef,
  townReviewed,
} from '#domain/income/income.analysis.ts';
import { distinctRecords, type RecordRef } from '#domain/shared/lineage.ts';
import { lineageDigest } from '#reports/lineage/lineage.ts';
import {
  defaultLetterConfig,
  docNumberText,
  entryOverdueItems,
  groupByTown,
  letterKey,
  letterLineage,
  letterText,
  overdueItems,
  petitionSource,
  problemSource,
  reviewOverdueItems,
  type LetterConfig,
  type LetterItem,
  type LetterVariant,
  type OverdueSource,
} from '#domain/letters/letters.ts';
import { stageDeadline } from '#domain/income/income.window.ts';
import { petitionSchema } from '#domain/petitions/petition.schema.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import type { Period } from '#domain/shared/period.ts';
import { problemDataSchema } from '#domain/visits/visit.schema.ts';
import { renderReminderLetter } from '#reports/letters/reminder-letter.ts';
import { listVillageIncomeAsOf } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';
import { recordRepository } from '../store/records.repository.ts';
import { mapLimit, type JobContext, type JobResult } from './job.types.ts';
import { loadRecipientDirectory, publishReport, type PublishedReport } from './publish.ts';
import { bindLetterNumber, listBindings, type NumberingHooks } from '../store/letter-numbers.repository.ts';

const letterVariants: readonly LetterVariant[] = [
  'village-entry-overdue',
  'town-review-overdue',
  'items-overdue',
];

export async function runReminderLetters(
  ctx: JobContext,
  opts: { letters?: LetterConfig; numbering?: NumberingHooks } = {},
): Promise<JobResult> {
  // The fix-by day of each item is on the county's working calendar.
  const cfg: LetterConfig = { calendar: ctx.config.calendar, ...(opts.letters ?? defaultLetterConfig) };
  const variant = ctx.variant as LetterVariant;
  if (!letterVariants.includes(variant))
    throw new Error(`JOB.BAD_VARIANT: reminder-letters has no variant ${ctx.variant}`);
  const county = ctx.config.countyCode;
  const today = ctx.date;
  const [units, directory, bindings] = await Promise.all([
    listOrgUnits(county),
    loadRecipientDirectory(county),
    listBindings(county),
  ]);
  const towns = units.filter((u) => u.kind === 'town');
  const villages = units.filter((u) => u.kind === 'village');

  let items: LetterItem[];
  if (variant === 'items-overdue') {
    // Items in an earlier day's letter are not reminded of again; today's letter is redone from its binding below.
    const lettered = new Set(
      bindings.filter((b) => b.content.date < today).flatMap((b) => b.content.items.map((i) => i.key)),
    );
    const villageName = (id?: string) => (id ? units.find((u) => u.id === id)?.name : undefined);
    const [problems, petitions] = await Promise.all([
      recordRepository.list(county, 'problem'),
      recordRepository.list(county, 'petition'),
    ]);
    const sources: OverdueSource[] = [
      ...problems.flatMap((r) => {
        const d = problemDataSchema.safeParse(r.data);
        const s = d.success
          ? problemSource({ ...r, data: d.data }, today, villageName(r.villageId))
          : undefined;
        return s ? [s] : [];
      }),
      ...petitions.flatMap((r) => {
        const d = petitionSchema.safeParse(r.data);
        return d.success ? [petitionSource({ ...r, data: d.data }, today, villageName(r.villageId))] : [];
      }),
    ];
    items = overdueItems(sources, today, lettered, cfg);
  } else {
    // The letter speaks of its deadline: the records are read as they stood when it passed.
    const deadline = stageDeadline(
      ctx.period,
      variant === 'village-entry-overdue' ? 'villageEntry' : 'townReview',
      ctx.config,
    );
    const cutoff = cutoffOf(deadline, ctx.now);
    const data = await mapLimit(villages, 8, async (v) => ({
      households: await listVillageHouseholds(county, v.id),
      records: await listVillageIncomeAsOf(county, ctx.period, v.id, cutoff),
    }));
    const households = data.flatMap((d) => d.households);
    const records = data.flatMap((d) => d.records);
    const analysis = analyseMonthlyIncome({
      period: ctx.period,
      config: ctx.config,
      units,
      households,
      records,
      previousRecords: [],
      asOf: cutoff,
    });
    // What each item is about: the due households with no record by then, or the records not reviewed.
    const entered = new Set(records.map((r) => r.householdId));
    const missing = new Map<string, RecordRef[]>();
    for (const h of households)
      if (dueInPeriod(h, ctx.period) && !entered.has(h.id))
        missing.set(h.villageId, [...(missing.get(h.villageId) ?? []), householdRef(h)]);
    const pending = new Map<string, RecordRef[]>();
    const dueIds = new Set(households.filter((h) => dueInPeriod(h, ctx.period)).map((h) => h.id));
    for (const r of records)
      if (dueIds.has(r.householdId) && !townReviewed(r))
        pending.set(r.townId, [...(pending.get(r.townId) ?? []), incomeRef(r)]);
    items =
      variant === 'village-entry-overdue'
        ? entryOverdueItems(analysis, today, cfg, missing)
        : reviewOverdueItems(analysis, today, cfg, pending);
  }
  ctx.progress(`提醒函（${variant}）：${items.length} 项，涉及 ${groupByTown(items).size} 个镇（街道）`);

  const year = Number(today.slice(0, 4));
  const published: PublishedReport[] = [];
  const groups = groupByTown(items);
  // A town that already has today's letter (a retry, or a run killed mid-way) gets it finished from its binding.
  for (const b of bindings)
    if (b.content.date === today && !groups.has(b.content.townId)) groups.set(b.content.townId, []);
  for (const [townId, own] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const town = towns.find((t) => t.id === townId);
    if (!town) continue;
    const key = letterKey(today, townId);
    const words = letterText({ variant, town, today, period: ctx.period });
    const binding = await bindLetterNumber(
      county,
      year,
      key,
      {
        townId,
        date: today,
        variant,
        ...words,
        items: own.map((i) => ({
          key: i.key,
          description: i.description,
          dueBy: i.dueBy,
          ...(i.records ? { records: i.records } : {}),
        })),
      },
      opts.numbering,
    );
    const content = binding.content;
    const deferred = own.filter((i) => !content.items.some((c) => c.key === i.key)).length;
    if (deferred > 0) ctx.progress(`${town.name}今日已有提醒函，本次 ${deferred} 项顺延至下一函`);
    const docNumber = docNumberText(cfg.docPrefix, year, binding.number);
    published.push(
      await publishReport(
        // The archive slot is the letter's day: one letter per town per day.
        { ...ctx, period: today as Period },
        {
          kind: 'reminder-letter',
          scope: { level: 'town', unitId: townId },
          scopeLabel: town.name,
          title: `${docNumber} ${content.title}`,
          directory,
          build: async () => {
            const lineage = letterLineage(content.items);
            const rendered = await renderReminderLetter({
              lineage,
              docNumber,
              issuingOffice: ctx.config.issuingOffice,
              title: content.title,
              addressee: content.addressee,
              intro: content.intro,
              items: content.items,
              closing: content.closing,
              issuedOn: new Date(`${content.date}T09:00:00+08:00`),
            });
            return {
              pdf: rendered.pdf,
              pages: rendered.pages,
              inputSha256: lineageDigest(lineage),
              inputRecords: distinctRecords(lineage).length,
              summary: {
                lines: [
                  `${docNumber}：${content.title}`,
                  ...content.items.map((i, n) => `${n + 1}. ${i.description}（${i.dueBy} 前）`),
                ],
                action: '请按函件所列事项和期限整改到位，并将整改情况报县乡村振兴局。',
              },
            };
          },
        },
      ),
    );
  }
  return {
    job: 'reminder-letters',
    period: today,
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
