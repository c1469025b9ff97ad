/** GET /api/opinions/{id}/history: an item with every change. */
import { recordHistoryHandler } from '../platform/records-http.ts';
import { OPINION } from './views.ts';

export const handler = recordHistoryHandler('opinionHistory', { kind: OPINION, scope: 'village' });
