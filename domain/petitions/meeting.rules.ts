/**
 * The review cadence as rules on a meeting record: which unit a level needs, and
 * that a town review falls on a review day (the 4th, 14th or 24th by default; the
 * days come from the county calendar, so a county with other days changes data).
 */
import type { FieldIssue } from '../shared/errors.ts';
import { ValidationError } from '../shared/errors.ts';
import { defaultCalendar } from '../system/schedules.ts';
import type { Meeting } from './meeting.schema.ts';

export function meetingIssues(
  m: Meeting,
  today: string,
  reviewDays: readonly number[] = defaultCalendar.petitionReviewDays,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (m.date > today)
    issues.push({ path: 'date', code: 'MEETING.DATE_IN_FUTURE', message: '会议日期不能晚于今天' });
  if (m.level === 'village-weekly' && !m.villageId)
    issues.push({ path: 'villageId', code: 'MEETING.VILLAGE_REQUIRED', message: '村级周例会须选择村/社区' });
  if (m.level === 'town-review') {
    if (!m.townId)
      issues.push({ path: 'townId', code: 'MEETING.TOWN_REQUIRED', message: '镇级研判须选择镇/街道' });
    const day = Number(m.date.slice(8, 10));
    if (!reviewDays.includes(day))
      issues.push({
        path: 'date',
        code: 'MEETING.NOT_A_REVIEW_DAY',
        message: `镇级研判应在每月${reviewDays.join('、')}日（逢四研事）召开`,
      });
  }
  if (m.level === 'department-monthly' && !m.departmentName)
    issues.push({
      path: 'departmentName',
      code: 'MEETING.DEPARTMENT_REQUIRED',
      message: '部门月度研判须填写部门名称',
    });
  if (new Set(m.linkedPetitionIds).size !== m.linkedPetitionIds.length)
    issues.push({
      path: 'linkedPetitionIds',
      code: 'MEETING.DUPLICATE_PETITION',
      message: '同一信访件只能关联一次',
    });
  return issues;
}

export function assertMeeting(m: Meeting, today: string): void {
  const issues = meetingIssues(m, today);
  const first = issues[0];
  if (first) throw new ValidationError(issues, first.code, first.message);
}

/**
 * Keeps only the unit fields a level uses, so a village meeting carries no stray
 * department and the record's place in the tree follows from its level.
 */
export function normaliseMeeting(m: Meeting, villageTownId: string | undefined): Meeting {
  const { villageId, townId, departmentName, ...rest } = m;
  switch (m.level) {
    case 'village-weekly':
      return {
        ...rest,
        ...(villageId ? { villageId } : {}),
        ...(villageTownId ? { townId: villageTownId } : {}),
      };
    case 'town-review':
      return { ...rest, ...(townId ? { townId } : {}) };
    case 'department-monthly':
      return { ...rest, ...(departmentName ? { departmentName } : {}) };
    case 'county-quarterly':
      return rest;
  }
}
