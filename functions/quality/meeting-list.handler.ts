import { ledgerListHandler } from '../platform/records-http.ts';
import { meetingView } from './views.ts';

export const handler = ledgerListHandler('listQualityMeetings', meetingView);
