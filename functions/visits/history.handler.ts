/** GET /api/visits/{id}/history: a visit with its history. */
import { visitKind } from '#domain/visits/visit.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('visitHistory', {
  kind: visitKind,
  scope: 'village',
  alsoOwn: true,
});
