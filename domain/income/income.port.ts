import type { Household } from '../org/org.schema.ts';
import type { Period } from '../shared/period.ts';
import type { IncomeRecord } from './income.schema.ts';
import type { EntryWindow } from './income.window.ts';

/** What the income use cases need from storage. `functions/store` implements it for DynamoDB. */
export interface IncomeRepository {
  /** The record stored by an earlier request with this submission id, if any. */
  findSubmission(countyCode: string, submissionId: string): Promise<IncomeRecord | undefined>;
  getHousehold(countyCode: string, householdId: string): Promise<Household | undefined>;
  getRecord(countyCode: string, period: Period, household: Household): Promise<IncomeRecord | undefined>;
  /**
   * Stores `record` (whose `version` is `expectedVersion + 1`) only if the stored
   * version is still `expectedVersion`; records the submission id and a history
   * entry. Throws VersionConflictError on a stale version. A retry of a request
   * that got as far as the conditional write resolves to the stored record.
   */
  saveRecord(record: IncomeRecord, expectedVersion: number, change: HistoryChange): Promise<IncomeRecord>;
  /** The county's reopenings of `period`'s entry (register kind `entry-window`). */
  listEntryWindows(countyCode: string, period: Period): Promise<EntryWindow[]>;
}

/** One entry of a record's history: who changed what, when, why, from which form. */
export interface HistoryChange {
  submissionId: string;
  actorId: string;
  actorName: string;
  at: string;
  form: string;
  reason?: string;
  /** What was done: entry, town review action or county round. Absent on entries written before it existed. */
  action?: 'create' | 'update';
  /** Which step of the cycle made the change: `review:corrected`, `county-round:2`… */
  step?: string;
  /** Fields that changed, as dotted paths with old and new values: the original stays readable. */
  changes?: { path: string; from: unknown; to: unknown }[];
}

/** One version of an income record with the change that made it. */
export interface IncomeHistoryEntry {
  version: number;
  change: HistoryChange;
  record: IncomeRecord;
}
