/** GET /api/problems/{id}/history: a problem with its rectification history. */
import { problemKind } from '#domain/visits/visit.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('problemHistory', {
  kind: problemKind,
  scope: 'village',
  alsoOwn: true,
});
