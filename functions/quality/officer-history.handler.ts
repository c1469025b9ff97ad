import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('infoOfficerHistory', {
  kind: qualityKinds.officer,
  scope: 'village',
});
