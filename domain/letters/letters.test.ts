import { describe, expect, it } from 'vitest';
import {
  addDays,
  addresseeOf,
  defaultLetterConfig,
  docNumberText,
  groupByTown,
  letterText,
  overdueItems,
  readOverdueSource,
  reviewOverdueItems,
} from './letters.ts';

describe('reminder letter items', () => {
  it('numbers documents the county way', () => {
    expect(docNumberText('守衔提', 2026, 7)).toBe('守衔提〔2026〕7号');
    expect(() => docNumberText('守衔提', 2026, 0)).toThrow(RangeError);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('reads problems and petitions tolerantly and lists the open overdue ones not yet lettered', () => {
    const sources = [
      readOverdueSource('problem', {
        id: 'P1',
        townId: 'T01',
        data: { title: '危房未改造', deadline: '2026-11-01', status: 'open' },
      }),
      readOverdueSource('problem', {
        id: 'P2',
        townId: 'T01',
        data: { description: '饮水管道破损', dueDate: '2026-11-05' },
      }),
      readOverdueSource('petition', {
        id: 'Q1',
        townId: 'T02',
        data: { summary: '低保咨询', dueBy: '2026-11-02', status: 'resolved' },
      }),
      readOverdueSource('petition', {
        id: 'Q2',
        townId: 'T02',
        data: { content: '道路', deadline: '2026-11-09' },
      }),
      readOverdueSource('petition', { id: 'Q3', townId: 'T02', data: { content: '无期限' } }),
    ];
    expect(sources[4]).toBeUndefined();
    const items = overdueItems(
      sources.filter((s) => s !== undefined),
      '2026-11-08',
      new Set(['problem:P2']),
      defaultLetterConfig,
    );
    expect(items.map((i) => i.key)).toEqual(['problem:P1']);
    expect(items[0]?.description).toBe('走访发现问题“危房未改造”（编号P1）整改期限为2026年11月1日，现已逾期');
    expect(items[0]?.dueBy).toBe('2026-11-11');
  });

  it('groups by town and words the letter for a town or a street', () => {
    const review = reviewOverdueItems(
      {
        period: '2026-10',
        records: [
          { townId: 'T01', status: 'entered' },
          { townId: 'T01', status: 'reviewed' },
          { townId: 'T02', status: 'reviewed' },
        ],
        towns: [
          { id: 'T01', kind: 'town', name: '东岭镇' },
          { id: 'T02', kind: 'town', name: '西川镇' },
        ],
      },
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
