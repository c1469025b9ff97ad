import type { Scope } from '../auth/roles.ts';
import type { RecordLocation } from '../auth/access.ts';

/**
 * A record of any of the county's registers (visit, problem, petition, data error,
 * meeting…), as stored: its own data plus where it sits in the tree, its version,
 * and who last changed it from which form. Every form after the income entry
 * stores through this one shape, so idempotency, versions, scope and history are
 * written once.
 */
export interface StoredRecord<T = Record<string, unknown>> extends RecordLocation {
  kind: string;
  id: string;
  data: T;
  version: number;
  ownerId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
  lastSubmissionId: string;
  sourceForm: string;
}

/** One entry of a record's history: who changed what, when, why, from which form. */
export interface RecordChange {
  submissionId: string;
  actorId: string;
  actorName: string;
  at: string;
  form: string;
  action: 'create' | 'update';
  reason?: string;
  /** Field paths that changed, with old and new values. */
  changes: { path: string; from: unknown; to: unknown }[];
}

export interface RecordHistoryEntry<T = Record<string, unknown>> {
  version: number;
  change: RecordChange;
  record: StoredRecord<T>;
}

/** What listing can filter on; the adapter picks the cheapest index. */
export interface RecordFilter {
  townId?: string;
  villageId?: string;
  /** Only records created on or after / before these ISO dates. */
  from?: string;
  to?: string;
}

/** What the record use cases need from storage. `functions/store/records.repository.ts` implements it. */
export interface RecordRepository {
  findSubmission(countyCode: string, submissionId: string): Promise<StoredRecord | undefined>;
  get(countyCode: string, kind: string, id: string): Promise<StoredRecord | undefined>;
  /** Stores a new record; VersionConflictError if the id exists (unless this very submission made it). */
  create(record: StoredRecord, change: RecordChange): Promise<StoredRecord>;
  /** Replaces a record if its stored version is still `expectedVersion`. */
  update(record: StoredRecord, expectedVersion: number, change: RecordChange): Promise<StoredRecord>;
  list(countyCode: string, kind: string, filter?: RecordFilter): Promise<StoredRecord[]>;
  history(countyCode: string, kind: string, id: string): Promise<RecordHistoryEntry[]>;
}

/** How a register is reached: the scope its routes declare. */
export interface RecordKindDef {
  kind: string;
  scope: Scope;
}
