/** GET /api/meetings: review meetings the caller reaches (a village officer sees their village's weekly meetings). */
import { meetingView, namedLedgerHandler } from './views.ts';

export const handler = namedLedgerHandler('listMeetings', meetingView);
