import { describe, expect, it } from 'vitest';
import {
  addDays,
  addresseeOf,
  defaultLetterConfig,
  docNumberText,
  fixByOf,
  groupByTown,
  letterText,
  overdueItems,
  petitionSource,
  problemSource,
  reviewOverdueItems,
} from './letters.ts';
import type { Petition } from '../petitions/petition.schema.ts';
import type { ProblemData } from '../visits/visit.schema.ts';

const petitionData: Petition = {
  receivedDate: '2026-10-20',
  channel: 'window',
  petitionerName: '王建国',
  petitionerPhone: '13812345678',
  villageId: 'T02V001',
  category: 'income',
  content: '低保资格咨询',
  handlingMode: 'deadline',
  dueDate: '2026-11-03',
  monitoringReview: true,
  status: 'open',
  handling: [],
  callbacks: [],
} as unknown as Petition;

describe('reminder letter items', () => {
  it('numbers documents the county way', () => {
    expect(docNumberText('守衔提', 2026, 7)).toBe('守衔提〔2026〕7号');
    expect(() => docNumberText('守衔提', 2026, 0)).toThrow(RangeError);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it("lists problems and petitions overdue by their own registers' rules, not yet lettered", () => {
    const problem = (id: string, patch: Partial<ProblemData>) =>
      problemSource(
        {
          id,
          townId: 'T01',
          data: {
            category: 'housing',
            description: '危房未改造',
            visitId: 'V1',
            visitDate: '2026-10-20',
            foundBy: { userId: 'u1', name: '张三' },
            target: { kind: 'household', id: 'H1', name: '王建国', townId: 'T01', villageId: 'T01V001' },
            status: 'open',
            deadline: '2026-11-01',
            ...patch,
          } as ProblemData,
        },
        '2026-11-08',
        '柳树村',
      );
    const petition = (id: string, patch: Partial<Petition>) =>
      petitionSource(
        {
          id,
          townId: 'T02',
          data: { ...petitionData, ...patch },
        },
        '2026-11-08',
        '杏花村',
      );
    const sources = [
      problem('P1', {}),
      problem('P2', { description: '饮水管道破损', deadline: '2026-11-05' }),
      problem('P3', { status: 'rectified', completedOn: '2026-11-03' }),
      problem('P4', { deadline: '2026-11-08' }),
      problem('P5', { deadline: undefined }),
      petition('Q1', {}),
      // Concluded before its due date: on time, never overdue.
      petition('Q2', {
        status: 'unresolved',
        result: { outcome: 'unresolved', date: '2026-10-30', summary: '政策不符，已解释' },
      }),
      // Concluded late: late, but no longer open, so not reminded of.
      petition('Q3', {
        status: 'resolved',
        result: { outcome: 'resolved', date: '2026-11-06', summary: '已解决' },
      }),
      petition('Q4', { dueDate: '2026-11-20' }),
    ];
    expect(sources[4]).toBeUndefined();
    const items = overdueItems(
      sources.filter((s) => s !== undefined),
      '2026-11-08',
      new Set(['problem:P2']),
      defaultLetterConfig,
    );
    expect(items.map((i) => i.key)).toEqual(['petition:Q1', 'problem:P1']);
    expect(items[1]?.description).toBe(
      '走访发现问题：柳树村10月20日走访发现的“危房未改造”，办理期限为2026年11月1日，现已逾期',
    );
    expect(items[0]?.description).not.toMatch(/Q1|编号/);
    expect(items[1]?.dueBy).toBe('2026-11-11');
  });

  it('groups by town and words the letter for a town or a street', () => {
    const town = (townId: string, entered: number, reviewedOnTime: number) => ({
      townId,
      townName: townId,
      villages: 1,
      due: entered,
      entered,
      onTime: entered,
      reviewed: reviewedOnTime,
      reviewedOnTime,
      countyFlagged: 0,
      countyFlaggedOnTime: 0,
      rate: 1,
      onTimeRate: 1,
      reviewRate: 1,
    });
    const review = reviewOverdueItems(
      { period: '2026-10', towns: [town('T01', 2, 1), town('T02', 1, 1)] },
      '2026-11-08',
      defaultLetterConfig,
    );
    expect(review).toEqual([
      {
        key: 'review:2026-10:T01',
        townId: 'T01',
        description: '2026年10月已录入收入信息2户，截至比对研判期限仍有1户未完成审核',
        dueBy: '2026-11-11',
      },
    ]);
    expect([...groupByTown(review).keys()]).toEqual(['T01']);
    expect(addresseeOf({ name: '东岭镇' })).toBe('东岭镇人民政府');
    expect(addresseeOf({ name: '城关街道', settlement: 'street' })).toBe('城关街道办事处');
    const t = letterText({
      variant: 'village-entry-overdue',
      town: { name: '东岭镇' },
      today: '2026-11-07',
      period: '2026-10',
    });
    expect(t.intro).toContain('截至11月7日，你镇2026年10月有以下事项未按期完成');
    expect(t.closing).toMatch(/特此函告。$/);
  });
});

describe('the fix-by day', () => {
  it('moves off a day off to the next working day of the calendar', () => {
    // 30 September 2026 + 3 days is 3 October, in the National Day holiday: the town fixes by 8 October.
    expect(fixByOf('2026-09-30', defaultLetterConfig)).toBe('2026-10-08');
    expect(fixByOf('2026-11-08', defaultLetterConfig)).toBe('2026-11-11');
    // A county day off moves it on again.
    expect(fixByOf('2026-11-08', { ...defaultLetterConfig, calendar: { holidays: ['2026-11-11'] } })).toBe(
      '2026-11-12',
    );
  });
});
