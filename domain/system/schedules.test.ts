import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import {
  buildSchedules,
  defaultCalendar,
  jobKinds,
  schedules,
  scheduleTimeZone,
  toEventBridgeCron,
} from './schedules.ts';

const firings = (cron: string, from: string, to: string) => {
  const c = new Cron(cron, { timezone: scheduleTimeZone, paused: true });
  const out: string[] = [];
  let at: Date | null = new Date(from);
  while ((at = c.nextRun(at)) && at < new Date(to)) out.push(at.toISOString());
  return out;
};

describe('toEventBridgeCron', () => {
  it('puts ? in the day-of-week when the day of month is set', () => {
    expect(toEventBridgeCron('0 9 8 * *')).toBe('cron(0 9 8 * ? *)');
    expect(toEventBridgeCron('0 8 4,14,24 * *')).toBe('cron(0 8 4,14,24 * ? *)');
    expect(toEventBridgeCron('0 10 1 1,4,7,10 *')).toBe('cron(0 10 1 1,4,7,10 ? *)');
  });
  it('names the day of week, since EventBridge counts 1 = Sunday', () => {
    expect(toEventBridgeCron('0 8 * * 1')).toBe('cron(0 8 ? * MON *)');
    expect(toEventBridgeCron('0 8 * * 0')).toBe('cron(0 8 ? * SUN *)');
    expect(toEventBridgeCron('0 8 * * 7')).toBe('cron(0 8 ? * SUN *)');
    expect(toEventBridgeCron('0 8 * * 1-5')).toBe('cron(0 8 ? * MON-FRI *)');
  });
  it('keeps a daily cron daily and writes steps from their start', () => {
    expect(toEventBridgeCron('0 7 * * *')).toBe('cron(0 7 * * ? *)');
    expect(toEventBridgeCron('*/15 * * * *')).toBe('cron(0/15 * * * ? *)');
  });
  it('refuses what EventBridge cannot express', () => {
    expect(() => toEventBridgeCron('0 8 1 * 1')).toThrow(/both/);
    expect(() => toEventBridgeCron('0 8 1 *')).toThrow(/five fields/);
  });
  it('converts every shared schedule', () => {
    for (const s of schedules) expect(toEventBridgeCron(s.cron)).toMatch(/^cron\(\S+ \S+ \S+ \S+ \S+ \*\)$/);
  });
});

describe('the calendar', () => {
  it('has unique ids, declared job kinds, and valid crons', () => {
    expect(new Set(schedules.map((s) => s.id)).size).toBe(schedules.length);
    for (const s of schedules) {
      expect(jobKinds).toContain(s.job);
      expect(() => new Cron(s.cron, { timezone: scheduleTimeZone, paused: true })).not.toThrow();
    }
    // Every declared kind is scheduled.
    expect(new Set(schedules.map((s) => s.job))).toEqual(new Set(jobKinds));
  });

  it('fires on the county days of November 2026, Shanghai time', () => {
    const from = '2026-10-31T16:00:00Z'; // 2026-11-01 00:00 in Shanghai
    const to = '2026-11-30T16:00:00Z';
    const byId = Object.fromEntries(schedules.map((s) => [s.id, firings(s.cron, from, to)]));
    // The deadline-bound schedules fire every day of their window; the job keeps its day (run-days.test.ts).
    const days = (id: string) => byId[id]?.map((t) => new Date(Date.parse(t) + 8 * 3600_000).getUTCDate());
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(byId['income-village-entry-deadline']?.[0]).toBe('2026-11-06T16:30:00.000Z'); // 7th 00:30
    expect(days('income-village-entry-deadline')).toEqual(range(7, 27));
    expect(days('income-town-review-deadline')).toEqual(range(8, 28));
    expect(byId['monthly-income']?.[0]).toBe('2026-11-08T01:00:00.000Z'); // 8th 09:00
    expect(days('monthly-income')).toEqual(range(8, 28));
    expect(byId['petition-review-digest']).toEqual([
      '2026-11-04T00:00:00.000Z',
      '2026-11-14T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
    ]);
    // Mondays of November 2026: 2, 9, 16, 23, 30.
    expect(byId['visit-coverage-weekly']?.map((t) => t.slice(0, 10))).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(byId['visit-coverage-monthly']).toEqual(['2026-11-01T00:00:00.000Z']);
    expect(byId['petition-summary-quarterly']).toEqual([]);
    expect(byId['income-quarterly']).toEqual([]);
    expect(byId['overdue-reminders-daily']).toHaveLength(30);
    expect(
      firings(
        schedules.find((s) => s.id === 'income-quarterly')!.cron,
        '2026-12-31T16:00:00Z',
        '2027-12-31T16:00:00Z',
      ).map((t) => t.slice(0, 10)),
    ).toHaveLength(4 * 21); // days 9–29 of January, April, July and October
  });

  it('follows a county whose deadlines differ', () => {
    const s = buildSchedules({ ...defaultCalendar, villageEntryDay: 5, countyAnalysisDay: 10 });
    expect(s.find((x) => x.id === 'income-village-entry-deadline')?.cron).toBe('30 0 6-26 * *');
    expect(s.find((x) => x.id === 'monthly-income')?.cron).toBe('0 9 10-30 * *');
    expect(
      buildSchedules({ ...defaultCalendar, countyAnalysisDay: 20 }).find((x) => x.id === 'monthly-income')
        ?.cron,
    ).toBe('0 9 20-31 * *');
  });
});
