/**
 * What the petition side's routes answer (see `petition.routes.ts`): petitions,
 * public-opinion items, review meetings, their ledgers and the monthly form.
 */
import type { LedgerPage, RecordReply, RecordWithHistory } from '../records/record.api.ts';
import type { ApiOf, FileReply } from '../system/reply.ts';
import type { Meeting } from './meeting.schema.ts';
import type { Opinion } from './opinion.schema.ts';
import type { MonthlyFormRow } from './petition.analysis.ts';
import type { petitionRoutes } from './petition.routes.ts';
import type { Petition } from './petition.schema.ts';

/** The towns and villages the caller may take petitions for, and a chosen village's households. */
export interface PetitionPlaces {
  towns: { id: string; name: string }[];
  villages: { id: string; name: string; townId: string }[];
  households: { id: string; headName: string; category: string }[];
}

/** The monthly report form (月报表): one line per town, then the total (`townId` `TOTAL`). */
export interface PetitionMonthlyForm {
  month: string;
  total: number;
  page: number;
  pageSize: number;
  items: (MonthlyFormRow & { id: string })[];
}

export type PetitionApi = ApiOf<
  (typeof petitionRoutes)[number]['id'],
  {
    createPetition: RecordReply<Petition>;
    listPetitions: LedgerPage;
    exportPetitions: FileReply;
    listPetitionPlaces: PetitionPlaces;
    listPetitionMonitoring: LedgerPage;
    listDisputeRegister: LedgerPage;
    exportDisputeRegister: FileReply;
    petitionMonthlyReport: PetitionMonthlyForm;
    exportPetitionMonthlyReport: FileReply;
    handlePetition: RecordReply<Petition>;
    addPetitionCallback: RecordReply<Petition>;
    petitionHistory: RecordWithHistory<Petition>;
    createOpinion: RecordReply<Opinion>;
    listOpinions: LedgerPage;
    exportOpinions: FileReply;
    updateOpinion: RecordReply<Opinion>;
    opinionHistory: RecordWithHistory<Opinion>;
    createMeeting: RecordReply<Meeting>;
    listMeetings: LedgerPage;
    updateMeeting: RecordReply<Meeting>;
    meetingHistory: RecordWithHistory<Meeting>;
  }
>;
