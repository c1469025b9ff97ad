import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('dataErrorHistory', {
  kind: qualityKinds.error,
  scope: 'village',
});
