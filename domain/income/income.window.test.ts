import { describe, expect, it } from 'vitest';
import { countyConfigSchema, demoCountyConfig } from '../config/county-config.ts';
import { entryWindowState, isWorkingDay, stageDeadline } from './income.window.ts';

const unit = { villageId: 'T01V001', townId: 'T01' };

describe('entry windows', () => {
  it('closes village entry after the 6th of the following month, Asia/Shanghai', () => {
    expect(stageDeadline('2026-10', 'villageEntry', demoCountyConfig)).toBe('2026-11-06');
    // 6 Nov 23:59 Shanghai = 6 Nov 15:59Z: still open; 7 Nov 00:00 Shanghai: closed.
    expect(
      entryWindowState('2026-10', unit, new Date('2026-11-06T15:59:00Z'), demoCountyConfig, []).open,
    ).toBe(true);
    expect(entryWindowState('2026-10', unit, new Date('2026-11-06T16:00:00Z'), demoCountyConfig, [])).toEqual(
      { open: false, deadline: '2026-11-06' },
    );
  });

  it('moves a deadline on a holiday or weekend to the next working day when configured', () => {
    // 6 Oct 2026 is in the National Day holiday (1–7 Oct): the September deadline moves to Thursday 8 Oct.
    expect(isWorkingDay('2026-10-06', demoCountyConfig)).toBe(false);
    expect(stageDeadline('2026-09', 'villageEntry', demoCountyConfig)).toBe('2026-10-08');
    // 10 Oct 2026 is a Saturday worked instead (调休): a working day.
    expect(isWorkingDay('2026-10-10', demoCountyConfig)).toBe(true);
    // Sunday 6 Dec 2026 moves to Monday 7 Dec; the town review (7th) stays on Monday.
    expect(stageDeadline('2026-11', 'villageEntry', demoCountyConfig)).toBe('2026-12-07');
    const fixed = countyConfigSchema.parse({
      ...demoCountyConfig,
      deadlines: { ...demoCountyConfig.deadlines, moveOffHolidays: false },
    });
    expect(stageDeadline('2026-09', 'villageEntry', fixed)).toBe('2026-10-06');
  });

  it('parses an older configuration without calendar or holiday switch', () => {
    const { calendar: _c, ...old } = demoCountyConfig;
    void _c;
    const cfg = countyConfigSchema.parse({
      ...old,
      deadlines: { villageEntry: 6, townReview: 7, countyComparison: 8 },
    });
    expect(stageDeadline('2026-09', 'villageEntry', cfg)).toBe('2026-10-06');
  });

  it('reopens for a village or its town until the recorded day, and only for that period', () => {
    const at = new Date('2026-11-20T02:00:00Z');
    const byTown = { period: '2026-10', unitId: 'T01', until: '2026-11-25', reason: '补录漏报农户' };
    expect(entryWindowState('2026-10', unit, at, demoCountyConfig, [byTown])).toEqual({
      open: true,
      deadline: '2026-11-06',
      reopenedUntil: '2026-11-25',
    });
    expect(
      entryWindowState('2026-10', { villageId: 'T02V001', townId: 'T02' }, at, demoCountyConfig, [byTown])
        .open,
    ).toBe(false);
    expect(entryWindowState('2026-09', unit, at, demoCountyConfig, [byTown]).open).toBe(false);
    expect(
      entryWindowState('2026-10', unit, new Date('2026-11-25T16:00:00Z'), demoCountyConfig, [byTown]).open,
    ).toBe(false);
  });
});
