/**
 * What the income cycle's routes answer (see `income.routes.ts`): the server's
 * handlers must return these, the forms' `call` returns them.
 */
import type { HouseholdCategory, HouseholdFlag } from '../org/org.schema.ts';
import type { LedgerCells, LedgerPage, RecordReply, RecordWithHistory } from '../records/record.api.ts';
import type { Period } from '../shared/period.ts';
import type { ApiOf, FileReply } from '../system/reply.ts';
import type { AssistancePlan } from './assistance.schema.ts';
import type { IncomeHistoryEntry } from './income.port.ts';
import type { incomeRoutes } from './income.routes.ts';
import type { CountyRound, IncomeRecord, IncomeStatus } from './income.schema.ts';
import type { EntryWindow, EntryWindowState } from './income.window.ts';

/** One household of a village's month: its status, this month beside last month and last year. */
export interface WorklistRow {
  id: string;
  headName: string;
  category: HouseholdCategory;
  memberCount: number;
  flags: HouseholdFlag[];
  status: IncomeStatus | 'missing';
  /** The county's comparison round still waiting for the town's answer. */
  countyNote: CountyRound | null;
  current: IncomeRecord | null;
  previous: IncomeRecord | null;
  lastYear: IncomeRecord | null;
}

/** A village's month for entry and review, with the villages the caller may choose among. */
export interface IncomeWorklist {
  village: { id: string; name: string };
  villages: { id: string; name: string; townId: string | null }[];
  period: Period;
  window: EntryWindowState;
  items: WorklistRow[];
}

/** An income entry, review or county flag: the record as it now stands. */
export interface IncomeRecordReply {
  record: IncomeRecord;
}

/** A household's record of a month with every version. */
export interface IncomeRecordHistory {
  record: IncomeRecord;
  household: { id: string; headName: string };
  history: IncomeHistoryEntry[];
}

/** The month's income ledger: one row per household due (columns as `incomeLedgerColumns`). */
export type IncomeLedgerPage = LedgerPage<LedgerCells> & {
  /** Set when the ledger was read as of an earlier instant. */
  asOf?: string;
};

export type IncomeApi = ApiOf<
  (typeof incomeRoutes)[number]['id'],
  {
    submitIncome: IncomeRecordReply;
    listHouseholds: IncomeWorklist;
    reviewIncome: IncomeRecordReply;
    flagIncomeByCounty: IncomeRecordReply;
    incomeHistory: IncomeRecordHistory;
    incomeLedger: IncomeLedgerPage;
    incomeLedgerExport: FileReply;
    reopenIncomeEntry: RecordReply<EntryWindow>;
    listIncomeEntryWindows: LedgerPage;
    createAssistancePlan: RecordReply<AssistancePlan>;
    updateAssistancePlan: RecordReply<AssistancePlan>;
    listAssistancePlans: LedgerPage;
    exportAssistancePlans: FileReply;
    assistancePlanHistory: RecordWithHistory<AssistancePlan>;
  }
>;
