/**
 * The full monthly analysis on a hand-computed fixture (members 1, so per-capita =
 * net). Period 2026-10; deadlines: entry Fri 6 Nov; review Sat 7 Nov → Mon 9 Nov;
 * county Sun 8 Nov → Mon 9 Nov (the demo county moves deadlines off weekends).
 */
import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '../config/county-config.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import { analyseMonthlyIncome, mergeMonthlyIncome } from './income.analysis.ts';
import { netIncome, perCapitaNet } from './income.calc.ts';
import type { IncomeRecord } from './income.schema.ts';

const units: OrgUnit[] = [
  { id: 'T01', kind: 'town', name: '东镇' },
  { id: 'V1', kind: 'village', name: '一村', parentId: 'T01' },
  { id: 'V2', kind: 'village', name: '二村', parentId: 'T01' },
];
const hh = (id: string, villageId: string, extra: Partial<Household> = {}): Household => ({
  id,
  villageId,
  townId: 'T01',
  headName: `户主${id}`,
  category: 'alleviated',
  memberCount: 1,
  ...extra,
});
const households: Household[] = [
  ...['A', 'B', 'C', 'D', 'E', 'F'].map((id) => hh(id, 'V1')),
  hh('G', 'V1', { category: 'ordinary' }),
  // Became monitored after the period: not due for October, though monitored now.
  hh('H', 'V1', {
    category: 'monitored',
    monitoredType: 'edge',
    statusHistory: [{ date: '2026-11-15', to: 'monitored', monitoredType: 'edge', reason: '新识别监测' }],
  }),
  hh('I', 'V2', { flags: ['serious-illness'] }),
  hh('J', 'V2', { category: 'monitored', monitoredType: 'unstable' }),
  hh('K', 'V2'),
];
const rec = (
  householdId: string,
  period: string,
  wage: number,
  enteredAt = '2026-11-02T02:00:00Z',
  extra: Partial<IncomeRecord> = {},
): IncomeRecord => {
  const h = households.find((x) => x.id === householdId)!;
  const components = { wage, business: 0, property: 0, transfer: 0, businessCost: 0 };
  return {
    period,
    householdId,
    memberCount: 1,
    components,
    countyCode: '610999',
    villageId: h.villageId,
    townId: 'T01',
    netIncome: netIncome(components),
    perCapitaNet: perCapitaNet(components, 1),
    status: 'entered',
    version: 1,
    lastSubmissionId: `s-${householdId}-${period}`,
    updatedBy: 'u',
    updatedAt: enteredAt,
    enteredAt,
    sourceForm: 'test',
    ...extra,
  };
};
const review = (at: string) => ({
  review: { action: 'accepted' as const, at, by: 't', byName: '镇' },
  status: 'reviewed' as const,
});
const records = [
  rec('A', '2026-10', 600, '2026-11-06T15:00:00Z'),
  rec('B', '2026-10', 650, '2026-11-06T16:30:00Z'),
  rec('C', '2026-10', 1000, undefined, review('2026-11-08T03:00:00Z')),
  rec('D', '2026-10', 1000, undefined, review('2026-11-09T17:00:00Z')),
  rec('E', '2026-10', 1100, undefined, {
    status: 'reviewed',
    countyRounds: [
      {
        round: 1,
        note: '与上月差异大',
        at: '2026-11-09T02:00:00Z',
        byName: '中心',
        response: { action: 'explained', note: '属实', at: '2026-11-09T05:00:00Z', byName: '镇' },
      },
    ],
  }),
  rec('F', '2026-10', 5000),
  rec('H', '2026-10', 800),
  rec('I', '2026-10', 0, '2026-11-03T02:00:00Z'),
  rec('J', '2026-10', 900, '2026-11-03T02:00:00Z'),
];
const previousRecords = [rec('A', '2026-09', 1000), rec('C', '2026-09', 1000), rec('F', '2026-09', 2000)];
const lastYearRecords = [rec('B', '2025-10', 1000)];

const a = analyseMonthlyIncome({
  period: '2026-10',
  config: demoCountyConfig,
  units,
  households,
  records,
  previousRecords,
  lastYearRecords,
  assistance: [{ householdId: 'A', cause: '务工中断', measures: ['公益岗位'] }],
  trendHistory: [
    { period: '2026-09', due: 9, entered: 3, perCapitaSum: 4000, rate: null, meanPerCapita: null },
  ],
});
const ids = (xs: { householdId: string }[] | undefined) => (xs ?? []).map((x) => x.householdId);

describe('full monthly income analysis', () => {
  it('shifts the 7th and 8th off the weekend', () => {
    expect(a.deadlines).toEqual({
      villageEntry: '2026-11-06',
      townReview: '2026-11-09',
      countyComparison: '2026-11-09',
    });
  });
  it('counts completeness and timeliness per village and town, never above 100%', () => {
    expect(a.villages).toEqual([
      expect.objectContaining({
        villageId: 'V1',
        due: 6,
        entered: 6,
        onTime: 5,
        reviewed: 2,
        reviewedOnTime: 1,
        rate: 1,
      }),
      expect.objectContaining({ villageId: 'V2', due: 3, entered: 2, onTime: 2, reviewed: 0 }),
    ]);
    expect(a.towns).toEqual([
      expect.objectContaining({
        townId: 'T01',
        villages: 2,
        due: 9,
        entered: 8,
        onTime: 7,
        reviewed: 2,
        reviewedOnTime: 1,
        countyFlagged: 1,
        countyFlaggedOnTime: 1,
      }),
    ]);
    expect(a.towns![0]!.rate).toBeCloseTo(8 / 9);
    expect(a.totals).toMatchObject({ due: 9, entered: 8, onTime: 7, countyFlagged: 1, countyAnswered: 1 });
  });
  it('finds households below and just above the threshold (7,500; band 10%)', () => {
    expect(ids(a.belowThreshold)).toEqual(['I', 'A']);
    expect(ids(a.nearThreshold)).toEqual(['B']);
  });
  it('finds falls against last month and the same month last year, with cause and measures', () => {
    expect(a.falls).toEqual([
      expect.objectContaining({
        householdId: 'A',
        previousNet: 1000,
        fallShare: 0.4,
        measures: ['公益岗位'],
        assistanceCause: '务工中断',
      }),
    ]);
    expect(a.yearFalls).toEqual([
      expect.objectContaining({ householdId: 'B', lastYearNet: 1000, yearFallShare: 0.35 }),
    ]);
  });
  it('lists key groups', () => {
    expect(a.keyGroups).toEqual([expect.objectContaining({ householdId: 'I', flags: ['serious-illness'] })]);
  });
  it('flags outliers by MAD, zero incomes and sudden jumps', () => {
    // V1 per-capita: 600 650 1000 1000 1100 5000 → median 1000, MAD 225; F: 4000 / (1.4826×225) = 12.0.
    const byId = new Map((a.suspicious ?? []).map((s) => [s.householdId, s]));
    expect([...byId.keys()].sort()).toEqual(['F', 'I']);
    expect(byId.get('F')).toMatchObject({ kinds: ['outlier', 'jump'], robustZ: 12, villageMedian: 1000 });
    expect(byId.get('I')).toMatchObject({ kinds: ['zero'] });
  });
  it('adds this month to the twelve-month trend', () => {
    expect(a.trend).toEqual([
      expect.objectContaining({ period: '2026-09', due: 9, entered: 3, meanPerCapita: 1333.33 }),
      expect.objectContaining({ period: '2026-10', due: 9, entered: 8, meanPerCapita: 1281.25 }),
    ]);
    expect(a.trend![1]!.rate).toBeCloseTo(8 / 9);
  });
  it('merges towns by adding figures and joining lists', () => {
    const m = mergeMonthlyIncome(
      '2026-10',
      [a, { ...a, towns: [{ ...a.towns![0]!, townId: 'T02' }] }],
      demoCountyConfig,
    );
    expect(m.totals).toMatchObject({
      due: 18,
      entered: 16,
      onTime: 14,
      belowThreshold: 4,
      falls: 2,
      suspicious: 4,
    });
    expect(m.totals.rate).toBeCloseTo(16 / 18);
    expect(m.trend).toEqual([
      expect.objectContaining({ due: 18, entered: 6 }),
      expect.objectContaining({ due: 18, entered: 16 }),
    ]);
  });
});
