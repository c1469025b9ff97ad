/** GET /api/assistance/{id}/history: a plan and every change made to it. */
import { ASSISTANCE_KIND } from '#domain/income/assistance.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('assistancePlanHistory', {
  kind: ASSISTANCE_KIND,
  scope: 'village',
});
