/** GET /api/meetings/{id}/history: a meeting record with every change. */
import { recordHistoryHandler } from '../platform/records-http.ts';
import { MEETING } from './views.ts';

export const handler = recordHistoryHandler('meetingHistory', { kind: MEETING, scope: 'village' });
