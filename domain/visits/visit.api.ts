/** What the visit routes answer (see `visit.routes.ts`): visits, the problems they open, their ledgers. */
import type { StoredRecord } from '../records/record.ts';
import type { LedgerPage, RecordReply, RecordWithHistory } from '../records/record.api.ts';
import type { ApiOf, FileReply } from '../system/reply.ts';
import type { visitRoutes } from './visit.routes.ts';
import type { ProblemData, VisitData } from './visit.schema.ts';
import type { TargetChoices } from './visit.targets.ts';
import type { CoverageView } from './visit.coverage.ts';
import type { StaffPosition } from '../org/staff.schema.ts';

/** A recorded visit and one problem record per problem it found. */
export interface VisitReply {
  record: StoredRecord<VisitData>;
  problems: StoredRecord<ProblemData>[];
}

/** A person the coordination office may enter visits for (one with duties in force). */
export interface DutyHolder {
  id: string;
  name: string;
  position?: StaffPosition;
}

/**
 * What the caller may record a visit to, their duty targets first; their staff id
 * when known. For the coordination office, whom it may enter visits for
 * (`dutyHolders`) and, when asked for one of them, that person (`visitor`).
 */
export type VisitTargetsReply = TargetChoices & {
  staffId: string | null;
  visitor?: { staffId: string; name: string };
  dutyHolders?: DutyHolder[];
};

export type VisitApi = ApiOf<
  (typeof visitRoutes)[number]['id'],
  {
    createVisit: VisitReply;
    listVisitTargets: VisitTargetsReply;
    visitCoverage: CoverageView;
    listVisits: LedgerPage;
    exportVisits: FileReply;
    visitHistory: RecordWithHistory<VisitData>;
    listProblems: LedgerPage;
    exportProblems: FileReply;
    problemHistory: RecordWithHistory<ProblemData>;
    updateProblem: RecordReply<ProblemData>;
  }
>;
