/** GET /api/opinions/{id}/history: an item with every change. */
import { recordHistoryHandler } from '../shared/records-http.ts';
import { OPINION } from '../petition-views/views.ts';

export const handler = recordHistoryHandler('opinionHistory', { kind: OPINION, scope: 'village' });
