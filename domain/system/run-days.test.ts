/**
 * The deadline-bound schedules on the working calendar: each fires every day of
 * its window, and the job keeps exactly the day the moved deadline gives.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { countyConfigSchema, demoCountyConfig, type CountyConfig } from '../config/county-config.ts';
import { stageDeadline } from '../income/income.window.ts';
import { reportingPeriodAt, shanghaiDate } from '../shared/period.ts';
import { monthlyAnalysisDay, runDayOf } from './run-days.ts';
import { schedules, scheduleTimeZone } from './schedules.ts';

/** The Shanghai days in [from, to) on which schedule `id`'s job actually runs. */
function runsOf(id: string, from: string, to: string, config: CountyConfig = demoCountyConfig) {
  const s = schedules.find((x) => x.id === id)!;
  const cron = new Cron(s.cron, { timezone: scheduleTimeZone, paused: true });
  const fired: string[] = [];
  const ran: string[] = [];
  let at: Date | null = new Date(`${from}T00:00:00+08:00`);
  while ((at = cron.nextRun(at)) && at < new Date(`${to}T00:00:00+08:00`)) {
    const day = shanghaiDate(at);
    fired.push(day);
    if (runDayOf(s.job, s.variant, reportingPeriodAt(at), config) === day) ran.push(day);
  }
  return { fired, ran };
}

describe('deadline-bound schedules', () => {
  it('are the income deadlines and the analyses, and only they', () => {
    expect(schedules.filter((s) => s.deadlineBound).map((s) => s.id)).toEqual([
      'income-village-entry-deadline',
      'income-town-review-deadline',
      'monthly-income',
      'income-quarterly',
    ]);
    for (const s of schedules.filter((x) => !x.deadlineBound))
      expect(runDayOf(s.job, s.variant, '2026-09', demoCountyConfig), s.id).toBeUndefined();
  });

  it('sends the September 2026 entry letter on 9 October, after the deadline moved to 8 October, not on 7 October', () => {
    // 6 October is in the National Day holiday (1–7 October): the deadline moves to Thursday 8 October.
    expect(stageDeadline('2026-09', 'villageEntry', demoCountyConfig)).toBe('2026-10-08');
    const { fired, ran } = runsOf('income-village-entry-deadline', '2026-10-01', '2026-11-01');
    expect(fired).toContain('2026-10-07');
    expect(ran).toEqual(['2026-10-09']);
    // The town review (7th) also moves to 8 October; its letter too runs on the 9th.
    expect(runsOf('income-town-review-deadline', '2026-10-01', '2026-11-01').ran).toEqual(['2026-10-09']);
  });

  it('runs the January 2026 analysis after the town review, which moved from Saturday 7 to Monday 9 February', () => {
    expect(stageDeadline('2026-01', 'townReview', demoCountyConfig)).toBe('2026-02-09');
    expect(stageDeadline('2026-01', 'countyComparison', demoCountyConfig)).toBe('2026-02-09');
    expect(monthlyAnalysisDay('2026-01', demoCountyConfig)).toBe('2026-02-10');
    const { fired, ran } = runsOf('monthly-income', '2026-02-01', '2026-03-01');
    expect(fired).toContain('2026-02-08'); // the old fixed day, before the review closed
    expect(ran).toEqual(['2026-02-10']);
  });

  it('runs once a month all year on the working calendar', () => {
    // January's entry deadline is Friday 6 February, before the holiday: the letter goes on Monday the 9th.
    expect(runsOf('income-village-entry-deadline', '2026-02-01', '2026-03-01').ran).toEqual(['2026-02-09']);
    // Every year the package carries, and 2027 (no notice yet: weekends only), once a month, in its month.
    for (let year = 2020; year <= 2027; year++) {
      for (const id of ['income-village-entry-deadline', 'income-town-review-deadline', 'monthly-income']) {
        const { ran } = runsOf(id, `${year}-01-01`, `${year + 1}-01-01`);
        expect(new Set(ran.map((d) => d.slice(0, 7))).size, `${id} ${year}`).toBe(12);
        expect(ran, `${id} ${year}`).toHaveLength(12);
      }
      expect(runsOf('income-quarterly', `${year}-01-01`, `${year + 1}-01-01`).ran, `${year}`).toHaveLength(4);
    }
    // The quarterly material follows the monthly analysis of the quarter's last month: for
    // September, the analysis is on Friday 9 October and the next working day is Saturday 10 October (调休上班).
    expect(runsOf('income-quarterly', '2026-01-01', '2027-01-01').ran).toEqual([
      '2026-01-09',
      '2026-04-09',
      '2026-07-09',
      '2026-10-10',
    ]);
  });

  it('follows a county override that moves a day', () => {
    // The county rests Friday 6 November 2026 (a local day off): October's deadline moves to Monday 9 November.
    const local = countyConfigSchema.parse({
      ...demoCountyConfig,
      calendar: { holidays: ['2026-11-06'] },
    });
    expect(stageDeadline('2026-10', 'villageEntry', demoCountyConfig)).toBe('2026-11-06');
    expect(stageDeadline('2026-10', 'villageEntry', local)).toBe('2026-11-09');
    expect(runsOf('income-village-entry-deadline', '2026-11-01', '2026-12-01').ran).toEqual(['2026-11-09']);
    expect(runsOf('income-village-entry-deadline', '2026-11-01', '2026-12-01', local).ran).toEqual([
      '2026-11-10',
    ]);
    // A county that works 7 October keeps September's deadline there.
    const working = countyConfigSchema.parse({
      ...demoCountyConfig,
      calendar: { workingDays: ['2026-10-07'] },
    });
    expect(stageDeadline('2026-09', 'villageEntry', working)).toBe('2026-10-07');
    expect(runDayOf('reminder-letters', 'village-entry-overdue', '2026-09', working)).toBe('2026-10-08');
  });
});
