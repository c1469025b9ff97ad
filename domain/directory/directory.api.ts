/**
 * What the directory routes answer (see `directory.routes.ts`): the org tree, the
 * household search and page (personal numbers masked), staffing compliance, the
 * import's check and write, and staff accounts.
 */
import type { IncomeStatus, FallCause } from '../income/income.schema.ts';
import type {
  Household,
  HouseholdCategory,
  MonitoredType,
  OrgUnit,
  PersonFlag,
  Relation,
} from '../org/org.schema.ts';
import type { ApiOf, FileReply } from '../system/reply.ts';
import type { directoryRoutes } from './directory.routes.ts';
import type { ImportIssue, ImportKind } from './import.ts';

/** A household found by name, ID number or village (the head's ID number masked). */
export interface HouseholdFound {
  id: string;
  headName: string;
  headIdMasked: string | null;
  category: HouseholdCategory;
  monitoredType: MonitoredType | null;
  memberCount: number;
  villageId: string;
  villageName: string;
  townId: string;
  townName: string;
}

/** One household as its page shows it: members masked, income by month, visits, the history of edits. */
export interface HouseholdDetail {
  household: Household & { villageName: string; townName: string };
  version: number;
  members: {
    id: string;
    name: string;
    relation: Relation;
    idNumberMasked: string;
    sex: string | null;
    age: number | null;
    phoneMasked: string | null;
    flags: PersonFlag[];
  }[];
  income: {
    period: string;
    netIncome: number;
    perCapitaNet: number;
    status: IncomeStatus;
    fallCause: FallCause | null;
  }[];
  visits: { id: string; date: string; by: string; findings: string }[];
  history: {
    version: number;
    at: string;
    by: string;
    form: string;
    reason: string | null;
    changes: { path: string; from: unknown; to: unknown }[];
  }[];
}

/** A unit below the required number of information officers. */
export interface StaffingRow {
  unitId: string;
  unitName: string;
  /** The unit's kind (or settlement type) in words. */
  kind: string;
  townName: string;
  required: number;
  actual: number;
  missing: number;
}

export interface DirectoryStaffing {
  units: number;
  compliant: number;
  shortfalls: StaffingRow[];
  /** Roster entries that do not count (unknown or inactive staff, unknown units). */
  ignored: number;
}

/** The check of an uploaded file, row by row; nothing written yet. */
export interface ImportPreview {
  importId: string;
  kind: ImportKind;
  filename: string;
  encoding: string;
  rows: number;
  validRows: number;
  invalidRows: number;
  fatal: boolean;
  batches: number;
  columns: string[];
  sample: Record<string, string | number>[];
  issueCount: number;
  issues: ImportIssue[];
}

/** One batch of an import written. */
export interface ImportWritten {
  batch: number;
  batches: number;
  done: boolean;
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  /** Sign-in accounts disabled because the import set their staff inactive. */
  accountsDisabled?: number;
}

export type AccountState = 'none' | 'must-change-password' | 'active' | 'disabled';

/** A member of staff with the state of their sign-in account (phone masked). */
export interface AccountRow {
  id: string;
  name: string;
  username: string;
  roleLabel: string;
  positionLabel: string;
  unitName: string;
  phoneMasked: string | null;
  active: boolean;
  account: AccountState;
}

/** What happened to one member of staff asked for: created (with the one-time password), disabled, or why not. */
export interface AccountOutcome {
  staffId: string;
  name?: string;
  username?: string;
  outcome: 'created' | 'exists' | 'inactive' | 'not-found' | 'disabled' | 'no-account';
  temporaryPassword?: string;
  message?: string;
}

export type DirectoryApi = ApiOf<
  (typeof directoryRoutes)[number]['id'],
  {
    directoryUnits: { items: Omit<OrgUnit, 'synthetic'>[] };
    directoryHouseholds: { total: number; items: HouseholdFound[] };
    directoryHousehold: HouseholdDetail;
    directoryHouseholdUpdate: { household: Household; version: number };
    directoryStaffing: DirectoryStaffing;
    directoryExport: FileReply;
    importChunk: { importId: string; received: number; total: number };
    importPreview: ImportPreview;
    importCommit: ImportWritten;
    accountsList: { total: number; items: AccountRow[] };
    accountsCreate: { results: AccountOutcome[] };
    accountsDisable: { results: AccountOutcome[] };
  }
>;
