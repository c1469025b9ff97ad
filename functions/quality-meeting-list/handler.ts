import { ledgerListHandler } from '../shared/records-http.ts';
import { meetingView } from '../quality-shared/views.ts';

export const handler = ledgerListHandler('listQualityMeetings', meetingView);
