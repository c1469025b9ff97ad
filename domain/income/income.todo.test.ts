import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '../config/county-config.ts';
import { cycleTodo, workingDaysBetween } from './income.todo.ts';

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe('the home page’s income to-do', () => {
  it('counts the working days left to the village deadline, today included', () => {
    // 2026-12-02 (Wed): November's entry is due by Sunday 6 December, moved to Monday 7 December.
    const todo = cycleTodo('village-officer', at('2026-12-02'), demoCountyConfig)!;
    expect(todo).toMatchObject({
      period: '2026-11',
      stage: 'villageEntry',
      title: '2026年11月收入：村级录入',
      deadline: '2026-12-07',
      workingDaysLeft: 4, // Wed, Thu, Fri, Mon
      overdue: false,
      href: '/income/entry/',
    });
    expect(todo.text).toBe('截止 12月7日，还剩 4 个工作日');
  });

  it('skips the National Day holiday: September’s entry is due on 8 October with 1 working day left on the 1st', () => {
    const todo = cycleTodo('village-officer', at('2026-10-01'), demoCountyConfig)!;
    expect(todo.deadline).toBe('2026-10-08');
    expect(todo.workingDaysLeft).toBe(1);
  });

  it('gives the town its review and the centre its comparison, and says when a stage has passed', () => {
    expect(cycleTodo('town-staff', at('2026-12-02'), demoCountyConfig)).toMatchObject({
      stage: 'townReview',
      deadline: '2026-12-07',
    });
    const late = cycleTodo('monitoring-centre', at('2026-12-20'), demoCountyConfig)!;
    expect(late).toMatchObject({
      stage: 'countyComparison',
      deadline: '2026-12-08',
      overdue: true,
      workingDaysLeft: 0,
    });
    expect(late.text).toContain('已于 12月8日 截止');
    expect(cycleTodo('auditor', at('2026-12-02'), demoCountyConfig)).toBeUndefined();
  });

  it('says “today” on the deadline day', () => {
    expect(cycleTodo('town-staff', at('2026-12-07'), demoCountyConfig)!.text).toBe('今天（12月7日）截止');
  });

  it('counts nothing backwards', () => {
    expect(workingDaysBetween('2026-12-09', '2026-12-08', demoCountyConfig)).toBe(0);
  });
});
