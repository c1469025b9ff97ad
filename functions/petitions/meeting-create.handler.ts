/** POST /api/meetings: a review meeting record (周例会, 逢四研事, monthly or quarterly review). */
import { meetingCreateSchema, type Meeting } from '#domain/petitions/meeting.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { assertPetitionsExist, placeMeeting } from './meetings.ts';
import { MEETING } from './views.ts';
import { now } from '#functions/platform/clock.ts';

const meetingOf = ({ submissionId: _s, ...m }: Meeting & { submissionId: string }): Meeting => m;

export const handler = createRecordHandler({
  routeId: 'createMeeting',
  kind: MEETING,
  scope: 'village',
  form: 'review-meeting',
  schema: meetingCreateSchema,
  locate: async (body, p) => (await placeMeeting(meetingOf(body), p, shanghaiDate(now()))).location,
  build: async (body, p, now) => {
    const { data } = await placeMeeting(meetingOf(body), p, shanghaiDate(now));
    await assertPetitionsExist(p, data.linkedPetitionIds);
    return { id: body.submissionId, data };
  },
});
