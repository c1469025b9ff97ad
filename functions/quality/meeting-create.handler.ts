/** Records a joint data-quality meeting (数据质量联席会议). */
import {
  qualityKinds,
  qualityMeetingCreateSchema,
  type QualityMeeting,
} from '#domain/quality/quality.schema.ts';
import { createRecordHandler } from '../platform/records-http.ts';

export const handler = createRecordHandler({
  routeId: 'createQualityMeeting',
  kind: qualityKinds.meeting,
  scope: 'county',
  form: 'quality-meeting',
  schema: qualityMeetingCreateSchema,
  locate: async () => ({}),
  build: ({ submissionId, ...fields }) => ({
    id: `QM-${submissionId}`,
    data: fields satisfies QualityMeeting,
  }),
});
