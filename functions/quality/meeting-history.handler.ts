import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { recordHistoryHandler } from '../platform/records-http.ts';

export const handler = recordHistoryHandler('qualityMeetingHistory', {
  kind: qualityKinds.meeting,
  scope: 'county',
});
