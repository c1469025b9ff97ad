/**
 * PUT /api/meetings/{id}: a corrected meeting record, with the reason. The level
 * and unit stay: they fix where the record sits and who reaches it.
 */
import { assertMeeting } from '#domain/petitions/meeting.rules.ts';
import { meetingUpdateSchema, type Meeting } from '#domain/petitions/meeting.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { updateRecordHandler } from '../platform/records-http.ts';
import { MEETING } from './views.ts';

export const handler = updateRecordHandler({
  routeId: 'updateMeeting',
  kind: MEETING,
  scope: 'village',
  form: 'review-meeting',
  schema: meetingUpdateSchema,
  apply: (current, body, _p, now) => {
    const { submissionId: _s, expectedVersion: _v, reason: _r, ...m } = body;
    const c = current.data;
    if (
      m.level !== c.level ||
      (m.villageId ?? c.villageId) !== c.villageId ||
      (m.townId ?? c.townId) !== c.townId
    )
      throw new ValidationError(
        [
          {
            path: 'level',
            code: 'MEETING.PLACE_CHANGED',
            message: '会议类别和所属单位不能修改，如有错误请作废后重新登记',
          },
        ],
        'MEETING.PLACE_CHANGED',
        '会议类别和所属单位不能修改',
      );
    const data: Meeting = {
      ...m,
      ...(c.villageId ? { villageId: c.villageId } : {}),
      ...(c.townId ? { townId: c.townId } : {}),
    };
    if (c.departmentName === undefined) delete data.departmentName;
    assertMeeting(data, shanghaiDate(now));
    return data;
  },
  reason: (body) => body.reason,
});
