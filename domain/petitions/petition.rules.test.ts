import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.ts';
import { meetingIssues } from './meeting.rules.ts';
import type { Meeting } from './meeting.schema.ts';
import { opinionCreateSchema } from './opinion.schema.ts';
import { applyCallback, applyHandling, intakeIssues, newPetition, petitionClock } from './petition.rules.ts';
import { petitionIntakeSchema, type PetitionIntake } from './petition.schema.ts';

const today = '2026-11-10';
const intake = (p: Partial<PetitionIntake> = {}): PetitionIntake => ({
  submissionId: '7b0c1f3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f',
  receivedDate: '2026-11-09',
  channel: 'hotline',
  petitionerName: '王建国',
  petitionerPhone: '13812345678',
  villageId: 'T01V001',
  category: 'water',
  content: '自来水管冻裂，家中断水三天',
  handlingMode: 'immediate',
  ...p,
});
const codes = (p: Partial<PetitionIntake>) => intakeIssues(intake(p), today).map((i) => i.code);

describe('petition intake rules', () => {
  it('accepts an immediate petition and makes it due the next day, flagged for monitoring review', () => {
    const p = newPetition(intake(), today);
    expect(p).toMatchObject({
      dueDate: '2026-11-10',
      monitoringReview: true,
      status: 'open',
      handling: [],
      callbacks: [],
    });
    expect(p).not.toHaveProperty('submissionId');
    expect(newPetition(intake({ category: 'other' }), today).monitoringReview).toBe(false);
  });

  it('gives an assigned petition 15 days and keeps its unit', () => {
    expect(newPetition(intake({ handlingMode: 'assigned', assignedUnit: '县水利局' }), today)).toMatchObject({
      dueDate: '2026-11-24',
      assignedUnit: '县水利局',
    });
  });

  it('requires a deadline, not in the past and within 60 days, for 限期办', () => {
    expect(codes({ handlingMode: 'deadline', assignedUnit: '县水利局' })).toEqual([
      'PETITION.DEADLINE_REQUIRED',
    ]);
    expect(codes({ handlingMode: 'deadline', assignedUnit: '县水利局', deadline: '2026-11-09' })).toEqual([
      'PETITION.DEADLINE_PAST',
    ]);
    expect(codes({ handlingMode: 'deadline', assignedUnit: '县水利局', deadline: '2027-01-09' })).toEqual([
      'PETITION.DEADLINE_TOO_FAR',
    ]);
    expect(codes({ handlingMode: 'deadline', assignedUnit: '县水利局', deadline: '2026-11-10' })).toEqual([]);
    expect(
      newPetition(
        intake({ handlingMode: 'deadline', assignedUnit: '县水利局', deadline: '2026-11-20' }),
        today,
      ).dueDate,
    ).toBe('2026-11-20');
  });

  it('requires an assigned unit for 交办 and 限期办, and no future receipt', () => {
    expect(codes({ handlingMode: 'assigned' })).toEqual(['PETITION.ASSIGNED_UNIT_REQUIRED']);
    expect(codes({ receivedDate: '2026-11-11' })).toEqual(['PETITION.RECEIVED_IN_FUTURE']);
    expect(() => newPetition(intake({ handlingMode: 'assigned' }), today)).toThrow(ValidationError);
  });

  it('checks phone numbers and trims them', () => {
    expect(
      petitionIntakeSchema.safeParse(intake({ petitionerPhone: '138 1234 5678' })).data?.petitionerPhone,
    ).toBe('13812345678');
    expect(petitionIntakeSchema.safeParse(intake({ petitionerPhone: '12345' })).success).toBe(false);
  });
});

describe('handling, result, callbacks and the clock', () => {
  const p = newPetition(intake({ handlingMode: 'assigned', assignedUnit: '县水利局' }), today);

  it('runs the clock: on track, due soon, due today, overdue', () => {
    expect(petitionClock(p, '2026-11-10')).toMatchObject({
      state: 'on-track',
      daysLeft: 14,
      label: '剩 14 天',
    });
    expect(petitionClock(p, '2026-11-21')).toMatchObject({ state: 'due-soon', label: '剩 3 天' });
    expect(petitionClock(p, '2026-11-24')).toMatchObject({ state: 'due-soon', label: '今日到期' });
    expect(petitionClock(p, '2026-11-26')).toMatchObject({
      state: 'overdue',
      daysLeft: -2,
      label: '逾期 2 天',
    });
  });

  it('concludes with a result and tells on-time from late', () => {
    const step = applyHandling(
      p,
      { submissionId: p.villageId, expectedVersion: 1, date: '2026-11-10', note: '已转县水利局' },
      '张三',
      today,
    );
    expect(step).toMatchObject({
      status: 'open',
      handling: [{ date: '2026-11-10', note: '已转县水利局', byName: '张三' }],
    });
    const done = applyHandling(
      step,
      {
        submissionId: '',
        expectedVersion: 2,
        date: '2026-11-10',
        note: '已修复',
        result: { outcome: 'resolved', summary: '管道已更换' },
      },
      '张三',
      today,
    );
    expect(done).toMatchObject({ status: 'resolved', result: { outcome: 'resolved', date: '2026-11-10' } });
    expect(petitionClock(done, '2026-12-30').state).toBe('done-on-time');
    expect(petitionClock({ ...done, dueDate: '2026-11-09' }, '2026-12-30').label).toBe('超期办结');
    expect(() =>
      applyHandling(
        done,
        { submissionId: '', expectedVersion: 3, date: '2026-11-10', note: '再次' },
        '张三',
        today,
      ),
    ).toThrow(expect.objectContaining({ code: 'PETITION.ALREADY_CONCLUDED' }));
    const called = applyCallback(
      done,
      { date: '2026-11-10', way: 'phone', caller: '李回访', satisfied: true },
      today,
    );
    expect(called.callbacks).toEqual([
      { date: '2026-11-10', way: 'phone', caller: '李回访', satisfied: true },
    ]);
  });

  it('refuses a callback before the petition is concluded, and dates before receipt', () => {
    expect(() =>
      applyCallback(p, { date: '2026-11-10', way: 'phone', caller: '李回访', satisfied: true }, today),
    ).toThrow(expect.objectContaining({ code: 'PETITION.CALLBACK_BEFORE_CONCLUSION' }));
    expect(() =>
      applyHandling(
        p,
        { submissionId: '', expectedVersion: 1, date: '2026-11-01', note: '已转办' },
        '张三',
        today,
      ),
    ).toThrow(expect.objectContaining({ code: 'PETITION.DATE_BEFORE_RECEIPT' }));
  });
});

describe('meeting rules', () => {
  const m = (p: Partial<Meeting>): Meeting => ({
    level: 'town-review',
    date: '2026-11-04',
    townId: 'T01',
    attendees: ['孙镇长', '李书记'],
    itemsReviewed: '本期信访件 3 件',
    decisions: '限期办结',
    linkedPetitionIds: [],
    ...p,
  });
  it('holds town reviews on the 4th, 14th and 24th only', () => {
    expect(meetingIssues(m({}), today)).toEqual([]);
    expect(meetingIssues(m({ date: '2026-11-05' }), today).map((i) => i.code)).toEqual([
      'MEETING.NOT_A_REVIEW_DAY',
    ]);
  });
  it('asks each level for its unit', () => {
    expect(
      meetingIssues(m({ level: 'village-weekly', date: '2026-11-05' }), today).map((i) => i.code),
    ).toEqual(['MEETING.VILLAGE_REQUIRED']);
    expect(meetingIssues(m({ level: 'department-monthly' }), today).map((i) => i.code)).toEqual([
      'MEETING.DEPARTMENT_REQUIRED',
    ]);
    expect(
      meetingIssues(m({ level: 'county-quarterly', date: '2026-11-11' }), today).map((i) => i.code),
    ).toEqual(['MEETING.DATE_IN_FUTURE']);
  });
});

describe('opinion links', () => {
  const o = (link: string) =>
    opinionCreateSchema.safeParse({
      submissionId: '7b0c1f3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f',
      discoveredDate: '2026-11-01',
      platform: 'weibo',
      link,
      summary: '网民反映道路损毁',
    }).success;
  it('accepts web links only', () => {
    expect(o('https://weibo.com/123/AbC')).toBe(true);
    expect(o('javascript:alert(1)')).toBe(false);
    expect(o('ftp://example.com/x')).toBe(false);
    expect(o('weibo.com/123')).toBe(false);
  });
});
