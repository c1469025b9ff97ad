/**
 * Reads "as of" a cut-off (see `domain/shared/as-of.ts`): the current records,
 * with those written after the cut-off replaced by the version they had then,
 * read from their history. Only records changed after the cut-off cost a history
 * read, so a report on a settled month reads what a report on the current one does.
 */
import { versionAt, type VersionStamp } from '#domain/shared/as-of.ts';
import type { RecordFilter, StoredRecord } from '#domain/records/record.ts';
import { mapLimit } from '../platform/concurrency.ts';
import { recordRepository } from './records.repository.ts';

export async function resolveAsOf<T extends VersionStamp>(
  current: readonly T[],
  cutoff: string,
  opts: {
    /** When the record first existed; one created after the cut-off is left out without a history read. */
    createdAt: (r: T) => string;
    /** Every stored version of the record (its history entries' snapshots). */
    history: (r: T) => Promise<readonly T[]>;
  },
): Promise<T[]> {
  const out = await mapLimit(current, 8, async (r): Promise<T | undefined> => {
    if (opts.createdAt(r) > cutoff) return undefined;
    if (r.updatedAt <= cutoff) return r;
    // A record that existed by the cut-off but whose history lacks that version (loaded
    // in bulk without history, like the seed) is read as it is now: the best evidence there is.
    return versionAt(await opts.history(r), cutoff) ?? r;
  });
  return out.filter((r): r is T => r !== undefined);
}

/**
 * A register's records as they stood at `cutoff`: those created by then, each in
 * the version it had then (its history read only when it changed afterwards).
 */
export async function listRecordsAsOf(
  county: string,
  kind: string,
  cutoff: string,
  filter: Omit<RecordFilter, 'to'> = {},
): Promise<StoredRecord[]> {
  const current = await recordRepository.list(county, kind, { ...filter, to: cutoff });
  return resolveAsOf(current, cutoff, {
    createdAt: (r) => r.createdAt,
    history: async (r) => (await recordRepository.history(county, kind, r.id)).map((h) => h.record),
  });
}

/**
 * Like `listRecordsAsOf`, but records made after the cut-off are kept in the
 * version they were first recorded in: for registers whose records carry their own
 * date (a data error found on a day of the period but recorded after it), which
 * the report then judges by that date.
 */
export async function listRecordsAsOfOrFirst(
  county: string,
  kind: string,
  cutoff: string,
): Promise<StoredRecord[]> {
  const history = async (r: StoredRecord) =>
    (await recordRepository.history(county, kind, r.id)).map((h) => h.record);
  return mapLimit(await recordRepository.list(county, kind), 8, async (r) => {
    if (r.updatedAt <= cutoff) return r;
    const versions = r.version === 1 ? [r] : await history(r);
    const first = versions.reduce<StoredRecord | undefined>(
      (a, v) => (a && a.version <= v.version ? a : v),
      undefined,
    );
    return versionAt(versions, cutoff) ?? first ?? r;
  });
}
