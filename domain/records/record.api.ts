/**
 * The answers the register routes share (visits, problems, petitions, data errors,
 * meetings, plans…): the stored record after a create or an update, a record with
 * its history, and a ledger page. The features' `*.api.ts` name them per route.
 */
import type { RecordHistoryEntry, StoredRecord } from './record.ts';

/** A create or an update: the record as stored (the same on a retry of the same submission). */
export interface RecordReply<T> {
  record: StoredRecord<T>;
}

/** A record and every version of it, oldest first (who changed what, when, why, from which form). */
export interface RecordWithHistory<T> {
  record: StoredRecord<T>;
  history: RecordHistoryEntry<T>[];
}

/** One cell of a ledger row as it travels (an absent value is left out of the JSON). */
export type LedgerCell = string | number | boolean | null;

/** A ledger row's own columns, as a register's view makes them. */
export type LedgerCells = Record<string, LedgerCell | undefined>;

/** What every register's ledger row carries besides its view's columns. */
export interface LedgerRowBase {
  id: string;
  version: number;
  townId: string | null;
  villageId: string | null;
  createdAt: string;
  updatedAt: string;
  updatedByName: string;
  status?: string;
  overdue: boolean;
}

export type LedgerRow = LedgerRowBase & LedgerCells;

/** One page of a ledger (台账): the filtered total, the page asked for and its rows. */
export interface LedgerPage<Row extends LedgerCells = LedgerRow> {
  total: number;
  page: number;
  pageSize: number;
  items: Row[];
}
