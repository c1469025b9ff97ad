/**
 * What the data-quality routes answer (see `quality.routes.ts`): error records,
 * spot checks, the information-officer roster and its staffing, joint meetings,
 * and the on-demand run of the logic rules.
 */
import type { UnitStaffing } from '../org/staffing.ts';
import type { LedgerPage, RecordReply, RecordWithHistory } from '../records/record.api.ts';
import type { Period } from '../shared/period.ts';
import type { ApiOf, FileReply } from '../system/reply.ts';
import type { RuleId } from './quality.rules.ts';
import type { qualityRoutes } from './quality.routes.ts';
import type { DataError, InfoOfficer, QualityMeeting, SpotCheck } from './quality.schema.ts';

/** One run of the logic rules over a month (the same run the nightly job makes). */
export interface RuleRunSummary {
  period: Period;
  villages: number;
  findings: number;
  /** Error records this run stored; the rest existed from earlier runs. */
  created: number;
  byRule: Partial<Record<RuleId, number>>;
}

/** Officer staffing per unit in the caller's reach, with the totals. */
export interface OfficerStaffing {
  units: (UnitStaffing & { townName: string })[];
  totals: { units: number; compliant: number; required: number; missing: number };
}

export type QualityApi = ApiOf<
  (typeof qualityRoutes)[number]['id'],
  {
    createDataError: RecordReply<DataError>;
    listDataErrors: LedgerPage;
    exportDataErrors: FileReply;
    closeDataError: RecordReply<DataError>;
    dataErrorHistory: RecordWithHistory<DataError>;
    runQualityRules: RuleRunSummary;
    createSpotCheck: RecordReply<SpotCheck>;
    listSpotChecks: LedgerPage;
    exportSpotChecks: FileReply;
    spotCheckHistory: RecordWithHistory<SpotCheck>;
    addInfoOfficer: RecordReply<InfoOfficer>;
    listInfoOfficers: LedgerPage;
    removeInfoOfficer: RecordReply<InfoOfficer>;
    infoOfficerHistory: RecordWithHistory<InfoOfficer>;
    officerStaffing: OfficerStaffing;
    createQualityMeeting: RecordReply<QualityMeeting>;
    listQualityMeetings: LedgerPage;
    qualityMeetingHistory: RecordWithHistory<QualityMeeting>;
  }
>;
