import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { recordHistoryHandler } from '../shared/records-http.ts';

export const handler = recordHistoryHandler('dataErrorHistory', {
  kind: qualityKinds.error,
  scope: 'village',
});
