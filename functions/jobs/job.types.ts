import type { CountyConfig } from '#domain/config/county-config.ts';
import type { Period } from '#domain/shared/period.ts';
import type { JobKind, JobVariant } from '#domain/system/schedules.ts';
import type { ArchivedReport } from '../delivery/archive.ts';
import type { DeliveryOutcome } from '../delivery/deliver.ts';

/** What a scheduled or on-demand job run is asked to do. */
export interface JobRequest {
  job: JobKind;
  /**
   * The month (`2026-10`) or quarter (`2026-Q3`) the report covers; defaults to the
   * previous month at `now`. See `resolveJobRequest` for how it picks the variant.
   */
  period?: string;
  /** The day a weekly or daily run covers (YYYY-MM-DD); defaults to today in Asia/Shanghai. */
  date?: string;
  /** Which run of the kind; defaults to the schedule's, or `monthly`. */
  variant?: JobVariant;
  /** The schedule that fired, if any. */
  scheduleId?: string;
}

/** Test seams: called at fixed points of a run, so a test can stop a job there as a crash would. */
export interface JobHooks {
  /** After a report is archived (or found archived), before anything is sent. */
  afterArchive?: (report: ArchivedReport) => void | Promise<void>;
}

/** What every job function receives from the dispatcher. */
export interface JobContext {
  period: Period;
  date: string;
  variant: JobVariant;
  config: CountyConfig;
  now: Date;
  progress: Progress;
  hooks: JobHooks;
}

export interface JobFile {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface JobResult {
  job: JobKind;
  period: string;
  reports: {
    reportId: string;
    title: string;
    scope: string;
    pdfKey: string;
    sha256: string;
    pages: number;
    /** False when the report was already archived and this run only delivered it. */
    created: boolean;
  }[];
  deliveries: DeliveryOutcome[];
  /** The files produced, for `npm run job -- --out DIR`. */
  files: JobFile[];
  /**
   * Set when a deadline-bound schedule fired on a day that is not its run day by
   * the working calendar: nothing was generated, archived or sent.
   */
  notDue?: { code: 'JOB.NOT_DUE_TODAY'; date: string; dueOn: string; message: string };
}

export type Progress = (message: string) => void;

export { mapLimit } from '../platform/concurrency.ts';
