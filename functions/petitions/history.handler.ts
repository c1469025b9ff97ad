/** GET /api/petitions/{id}/history: a petition with every change (who, when, what, from which form). */
import { recordHistoryHandler } from '../platform/records-http.ts';
import { PETITION } from './views.ts';

export const handler = recordHistoryHandler('petitionHistory', { kind: PETITION, scope: 'village' });
