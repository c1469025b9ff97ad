/**
 * A deadline-bound schedule fires every day of its window; on a day that is not
 * the run's day by the working calendar the job answers JOB.NOT_DUE_TODAY before
 * reading, archiving or sending anything (so no store is needed here).
 */
import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { runJob } from './run.ts';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('deadline-bound schedules on a day that is not theirs', () => {
  it('do not send the September 2026 entry letter on 7 October: the deadline moved to the 8th', async () => {
    const logged: string[] = [];
    const result = await runJob(
      { job: 'reminder-letters', scheduleId: 'income-village-entry-deadline' },
      { config: demoCountyConfig, now: at('2026-10-07T00:30:00'), progress: (m) => logged.push(m) },
    );
    expect(result).toMatchObject({
      job: 'reminder-letters',
      period: '2026-09',
      reports: [],
      deliveries: [],
      files: [],
      notDue: { code: 'JOB.NOT_DUE_TODAY', date: '2026-10-07', dueOn: '2026-10-09' },
    });
    expect(logged.join('\n')).toContain('2026-10-09');
  });

  it('do not run the January 2026 analysis on 8 or 9 February, before the moved town review closes', async () => {
    for (const day of ['2026-02-08', '2026-02-09']) {
      const result = await runJob(
        { job: 'monthly-income', scheduleId: 'monthly-income' },
        { config: demoCountyConfig, now: at(`${day}T09:00:00`) },
      );
      expect(result.notDue, day).toMatchObject({ dueOn: '2026-02-10' });
      expect(result.reports).toEqual([]);
    }
  });
});
