import { describe, expect, it } from 'vitest';
import { analysePetitions, monthWindow, quarterWindow, reviewWindow } from './petition.analysis.ts';
import { octoberInput } from './testing/petition-fixtures.ts';

describe('analysePetitions on the October fixture (figures worked out by hand)', () => {
  const a = analysePetitions(octoberInput);

  it('counts what was received in the month by channel, category and mode', () => {
    // P1, P2, P3, P4, P6: P5 came in September, P7 in November.
    expect(a.received).toBe(5);
    expect(a.byChannel).toEqual({ window: 2, hotline: 1, letter: 1, online: 1 });
    expect(a.byCategory).toEqual({
      income: 1,
      'food-clothing': 0,
      education: 1,
      medical: 0,
      housing: 1,
      water: 1,
      other: 1,
    });
    expect(a.byMode).toEqual({ immediate: 1, assigned: 2, deadline: 2 });
    expect(a.monitoringReview).toBe(4);
  });

  it('gives resolved and on-time rates as of the month end', () => {
    // Concluded P1 (on time), P2 (5 days late), P4 (unresolved, on time).
    expect(a).toMatchObject({ concluded: 3, resolved: 2, onTime: 2, resolvedRate: 0.4 });
    expect(a.onTimeRate).toBeCloseTo(2 / 3, 10);
  });

  it('counts callbacks inside the month only', () => {
    // P1 on 10-10 (satisfied), P2 on 10-28 (not); P2's 11-02 callback falls outside.
    expect(a.callbacks).toEqual({ count: 2, people: 2, satisfied: 1, satisfactionRate: 0.5 });
  });

  it('lists every open petition past its due date, most overdue first, masked', () => {
    expect(a.open).toBe(3);
    expect(a.overdue.map((o) => [o.id, o.daysOverdue])).toEqual([
      ['P5', 35],
      ['P3', 11],
    ]);
    expect(a.overdue[0]).toMatchObject({
      petitioner: '赵**',
      phone: '029****5678',
      townName: '东岭镇',
      villageName: '柳树村',
    });
    expect(a.overdue[1]).toMatchObject({
      petitioner: '刘**',
      phone: '139****1111',
      assignedUnit: '西川镇政府',
    });
  });

  it('gives each town its row, zero rows included', () => {
    expect(a.byTown).toEqual([
      {
        townId: 'T01',
        townName: '东岭镇',
        received: 3,
        concluded: 2,
        resolved: 2,
        onTime: 1,
        overdue: 1,
        callbacks: 2,
        satisfied: 1,
      },
      {
        townId: 'T02',
        townName: '西川镇',
        received: 2,
        concluded: 1,
        resolved: 0,
        onTime: 1,
        overdue: 1,
        callbacks: 0,
        satisfied: 0,
      },
    ]);
  });

  it('counts public-opinion items found in the month and callbacks made in it', () => {
    expect(a.opinions).toEqual({ count: 2, replied: 1, investigating: 1, callbacks: 3, people: 2 });
  });

  it('gives null rates, not NaN, for an empty month', () => {
    const empty = analysePetitions({
      ...octoberInput,
      from: '2026-01-01',
      to: '2026-01-31',
      asOf: '2026-01-31',
    });
    expect(empty).toMatchObject({ received: 0, resolvedRate: null, onTimeRate: null, overdue: [] });
    expect(empty.callbacks.satisfactionRate).toBeNull();
  });
});

describe('summary windows', () => {
  it('reads a month still running as of today: an item due later in the month is not overdue yet', () => {
    expect(monthWindow('2026-10', '2026-10-12')).toMatchObject({ to: '2026-10-31', asOf: '2026-10-12' });
    expect(monthWindow('2026-10', '2026-11-20').asOf).toBe('2026-10-31');
    expect(quarterWindow('2026-10', '2026-11-20').asOf).toBe('2026-11-20');
    const running = analysePetitions({ ...octoberInput, ...monthWindow('2026-10', '2026-10-12') });
    const ended = analysePetitions({ ...octoberInput, ...monthWindow('2026-10') });
    // Every item the running month calls overdue was due before its day.
    for (const o of running.overdue) expect(o.dueDate < '2026-10-12').toBe(true);
    expect(running.overdue.length).toBeLessThan(ended.overdue.length);
  });

  it('covers a month, a quarter and the days since the previous review', () => {
    expect(monthWindow('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28', period: '2026-02' });
    expect(quarterWindow('2026-09')).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      period: '2026-Q3',
      label: '2026年第三季度',
    });
    expect(reviewWindow('2026-11-14', [4, 14, 24])).toMatchObject({
      from: '2026-11-04',
      to: '2026-11-13',
      asOf: '2026-11-14',
      period: '2026-11-14',
      label: '2026年11月14日',
    });
    expect(reviewWindow('2026-11-04', [4, 14, 24])).toMatchObject({ from: '2026-10-24', to: '2026-11-03' });
    expect(reviewWindow('2027-01-04', [4, 14, 24])).toMatchObject({ from: '2026-12-24', to: '2027-01-03' });
  });
});

describe('monthlyReportForm', () => {
  it('gives a line per town and a total that includes county-level opinion items', async () => {
    const { monthlyReportForm } = await import('./petition.analysis.ts');
    const rows = monthlyReportForm(octoberInput);
    expect(
      rows.map((r) => [
        r.townName,
        r.received,
        r.immediate,
        r.assigned,
        r.deadline,
        r.concluded,
        r.overdue,
        r.opinions,
      ]),
    ).toEqual([
      ['东岭镇', 3, 1, 1, 1, 2, 1, 1],
      ['西川镇', 2, 0, 1, 1, 1, 1, 0],
      ['合计', 5, 1, 2, 2, 3, 2, 2],
    ]);
    // Callbacks: petitions 2 + opinion items 3 (O1 twice, O3 once) in the county.
    expect(rows[2]?.callbacks).toBe(5);
  });
});
