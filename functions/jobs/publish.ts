/**
 * The common end of every report job: find the report of (kind, period, scope) in
 * the archive or build and archive it, then deliver it to the recipients the
 * directory names for that kind and scope. A job only says what to build.
 *
 * Safe to kill anywhere and re-run: the archive holds one record per slot, so a
 * re-run reuses it (nothing is generated twice), and every delivery is claimed
 * before it is sent.
 */
import {
  countyOfficeContacts,
  resolveRecipients,
  type DirectoryPerson,
  type RecipientEntry,
  type ReportScope,
} from '#domain/delivery/recipients.ts';
import type { ReportKind } from '#domain/org/staff.schema.ts';
import {
  archiveReport,
  getReport,
  readArchivedFile,
  reportIdOf,
  type ArchivedReport,
  type ReportSummary,
} from '../delivery/archive.ts';
import { deliverReport, type DeliveryOutcome } from '../delivery/deliver.ts';
import { listPeople, listRecipientEntries } from '../store/recipients.repository.ts';
import type { JobContext, JobFile } from './job.types.ts';

/** The directory as delivery needs it, read once per job run. */
export interface RecipientDirectory {
  people: readonly DirectoryPerson[];
  entries: readonly RecipientEntry[];
}

export async function loadRecipientDirectory(county: string): Promise<RecipientDirectory> {
  const [people, entries] = await Promise.all([listPeople(county), listRecipientEntries(county)]);
  return { people, entries };
}

/** What a job's builder returns for one report. */
export interface BuiltReport {
  pdf: Buffer;
  xlsx?: Buffer;
  pages?: number;
  inputSha256: string;
  inputRecords: number;
  /** The key figures and what to do, for the email. */
  summary: ReportSummary;
}

export interface PublishedReport {
  report: ArchivedReport;
  created: boolean;
  deliveries: DeliveryOutcome[];
  files: JobFile[];
}

export async function publishReport(
  ctx: JobContext,
  spec: {
    kind: ReportKind;
    scope: ReportScope;
    scopeLabel: string;
    title: string;
    directory: RecipientDirectory;
    /** Called only when the slot is not archived yet. */
    build: () => Promise<BuiltReport>;
  },
): Promise<PublishedReport> {
  const county = ctx.config.countyCode;
  const reportId = reportIdOf(spec.kind, ctx.period, spec.scope.unitId);
  let report = await getReport(county, reportId);
  let created = false;
  let built: BuiltReport | undefined;
  if (report) {
    ctx.progress(`已归档过，不再生成：${report.title}（${reportId}）`);
  } else {
    built = await spec.build();
    const archived = await archiveReport({
      countyCode: county,
      kind: spec.kind,
      period: ctx.period,
      scope: spec.scope.unitId,
      scopeLevel: spec.scope.level,
      scopeLabel: spec.scopeLabel,
      title: spec.title,
      generatedAt: ctx.now,
      inputSha256: built.inputSha256,
      inputRecords: built.inputRecords,
      ...(built.pages === undefined ? {} : { pages: built.pages }),
      summary: built.summary,
      pdf: built.pdf,
      ...(built.xlsx ? { xlsx: built.xlsx } : {}),
    });
    report = archived.report;
    created = archived.created;
    // Lost the race to an overlapping run: its files are the ones to send.
    if (!created) built = undefined;
    ctx.progress(`已归档：${report.title}（SHA-256 ${report.pdf.sha256.slice(0, 16)}…）`);
  }
  await ctx.hooks.afterArchive?.(report);

  const recipients = resolveRecipients({
    kind: spec.kind,
    scope: spec.scope,
    countyCode: county,
    people: spec.directory.people,
    entries: spec.directory.entries,
  });
  const deliveries = await deliverReport(report, recipients, {
    now: ctx.now,
    progress: ctx.progress,
    ...(built ? { files: { pdf: built.pdf, ...(built.xlsx ? { xlsx: built.xlsx } : {}) } } : {}),
    officeContacts: async () => countyOfficeContacts(spec.directory.people),
  });
  // For `npm run job -- --out DIR`: the archived bytes when this run did not build them.
  const pdf = built?.pdf ?? (await readArchivedFile(report.pdf));
  const xlsx = report.xlsx ? (built?.xlsx ?? (await readArchivedFile(report.xlsx))) : undefined;
  const files: JobFile[] = [
    { filename: report.pdf.filename, content: pdf, contentType: report.pdf.contentType },
    ...(xlsx && report.xlsx
      ? [{ filename: report.xlsx.filename, content: xlsx, contentType: report.xlsx.contentType }]
      : []),
  ];
  return { report, created, deliveries, files };
}
