/**
 * Figures "as of" a cut-off: a report counts the records as they stood at the
 * end of its period (or at its deadline), not as they stand when it is built.
 * A record written after the cut-off is read in the version it had then, from its
 * history; one created after the cut-off does not count at all.
 *
 * Instants are ISO strings in UTC (`toISOString()`), so they compare as text.
 */

/** The last instant of a Shanghai calendar day, as an ISO UTC string (`2026-10-31` → `2026-10-31T15:59:59.999Z`). */
export function endOfShanghaiDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`AS_OF.BAD_DAY: ${day}`);
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
}

/**
 * The cut-off of a report whose data end with `lastDay`: the end of that day, or
 * `now` when the report is made before the day is over (a run on demand), so a
 * report never counts what had not happened when it was made.
 */
export function cutoffOf(lastDay: string, now: Date): string {
  const end = endOfShanghaiDay(lastDay);
  const at = now.toISOString();
  return at < end ? at : end;
}

/** What a version of a record must say about itself. */
export interface VersionStamp {
  version: number;
  /** When this version was written (ISO UTC). */
  updatedAt: string;
}

/**
 * The version in force at `cutoff` among a record's versions (the current one and
 * its history, in any order): the highest version written at or before it, or
 * `undefined` when the record did not exist yet.
 */
export function versionAt<T extends VersionStamp>(versions: readonly T[], cutoff: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) if (v.updatedAt <= cutoff && (!best || v.version > best.version)) best = v;
  return best;
}

/** Whether the current version is already the one in force at `cutoff` (no history needed). */
export const unchangedSince = (current: VersionStamp, cutoff: string): boolean => current.updatedAt <= cutoff;
