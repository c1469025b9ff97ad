/** GET /api/meetings/{id}/history: a meeting record with every change. */
import { recordHistoryHandler } from '../shared/records-http.ts';
import { MEETING } from '../petition-views/views.ts';

export const handler = recordHistoryHandler('meetingHistory', { kind: MEETING, scope: 'village' });
