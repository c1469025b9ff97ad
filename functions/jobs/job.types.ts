import type { JobKind } from '#domain/system/schedules.ts';

/** What a scheduled or on-demand job run is asked to do. */
export interface JobRequest {
  job: JobKind;
  /** The month the report covers; defaults to the previous month at `now`. */
  period?: string;
  /** The schedule that fired, if any. */
  scheduleId?: string;
}

export interface JobFile {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface JobResult {
  job: JobKind;
  period: string;
  reports: { reportId: string; title: string; scope: string; pdfKey: string; sha256: string; pages: number }[];
  deliveries: { recipient: string; status: 'sent' | 'skipped' | 'failed'; error?: string }[];
  /** The files produced, for `npm run job -- --out DIR`. */
  files: JobFile[];
}

export type Progress = (message: string) => void;

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
