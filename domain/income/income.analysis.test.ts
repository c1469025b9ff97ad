import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '../config/county-config.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import { netIncome, perCapitaNet } from './income.calc.ts';
import { analyseMonthlyIncome, villageEntryDeadline } from './income.analysis.ts';
import type { IncomeComponents, IncomeRecord } from './income.schema.ts';
import { assertFallCause, requiresFallCause } from './income.rules.ts';

const units: OrgUnit[] = [
  { id: 'T01', kind: 'town', name: '东镇' },
  { id: 'T01V001', kind: 'village', name: '一村', parentId: 'T01' },
  { id: 'T01V002', kind: 'village', name: '二村', parentId: 'T01' },
];
const hh = (id: string, villageId: string, category: Household['category'] = 'alleviated'): Household => ({
  id,
  villageId,
  townId: 'T01',
  headName: `户主${id}`,
  category,
  memberCount: 2,
});
const households = [
  hh('H1', 'T01V001'),
  hh('H2', 'T01V001'),
  hh('H3', 'T01V002'),
  hh('H4', 'T01V002', 'ordinary'),
];
const comp = (wage: number): IncomeComponents => ({
  wage,
  business: 0,
  property: 0,
  transfer: 0,
  businessCost: 0,
});
const rec = (householdId: string, period: string, wage: number, enteredAt: string): IncomeRecord => {
  const h = households.find((x) => x.id === householdId)!;
  return {
    period,
    householdId,
    memberCount: 2,
    components: comp(wage),
    countyCode: '610999',
    villageId: h.villageId,
    townId: h.townId,
    netIncome: netIncome(comp(wage)),
    perCapitaNet: perCapitaNet(comp(wage), 2),
    status: 'entered',
    version: 1,
    lastSubmissionId: `s-${householdId}-${period}`,
    updatedBy: 'u1',
    updatedAt: enteredAt,
    enteredAt,
    sourceForm: 'test',
  };
};

describe('monthly income analysis', () => {
  const previousRecords = [
    rec('H1', '2026-09', 2000, '2026-10-03T01:00:00Z'),
    rec('H2', '2026-09', 2000, '2026-10-03T01:00:00Z'),
  ];
  // H1 on time (6 Nov 23:00 Shanghai = 6 Nov 15:00Z), H2 late (7 Nov Shanghai), H3 missing; H4 ordinary, not due.
  const records = [
    rec('H1', '2026-10', 1000, '2026-11-06T15:00:00Z'),
    rec('H2', '2026-10', 2100, '2026-11-06T16:30:00Z'),
    rec('H4', '2026-10', 100, '2026-11-01T00:00:00Z'),
  ];
  const a = analyseMonthlyIncome({
    period: '2026-10',
    config: demoCountyConfig,
    units,
    households,
    records,
    previousRecords,
  });

  it('counts completeness and timeliness per village against the 6th', () => {
    expect(villageEntryDeadline('2026-10', demoCountyConfig)).toBe('2026-11-06');
    expect(a.villages).toEqual([
      expect.objectContaining({ villageId: 'T01V001', due: 2, entered: 2, onTime: 1, rate: 1 }),
      expect.objectContaining({ villageId: 'T01V002', due: 1, entered: 0, onTime: 0, rate: 0 }),
    ]);
    expect(a.totals).toMatchObject({ due: 3, entered: 2, onTime: 1 });
    expect(a.totals.rate).toBeCloseTo(2 / 3);
  });

  it('flags households below the threshold and sharp falls, with the fall share', () => {
    // H1: 1000/2 = 500 a month = 6000 a year < 7500 (2026 threshold); H2: 12600 a year.
    expect(a.threshold).toBe(7500);
    expect(a.belowThreshold.map((f) => f.householdId)).toEqual(['H1']);
    expect(a.falls).toEqual([
      expect.objectContaining({ householdId: 'H1', previousNet: 2000, fallShare: 0.5 }),
    ]);
  });

  it('requires a cause for a fall beyond the configured share', () => {
    const year = demoCountyConfig.years['2026']!;
    expect(requiresFallCause({ components: comp(1400) }, 2000, year)).toBe(true);
    expect(requiresFallCause({ components: comp(1401) }, 2000, year)).toBe(false);
    const entry = {
      submissionId: 'x',
      period: '2026-10',
      householdId: 'H1',
      memberCount: 2,
      components: comp(100),
      expectedVersion: 0,
    };
    expect(() => assertFallCause(entry, 2000, year)).toThrow(
      expect.objectContaining({ code: 'INCOME.FALL_CAUSE_REQUIRED' }),
    );
    expect(() => assertFallCause({ ...entry, fallCause: { kind: 'illness' } }, 2000, year)).not.toThrow();
  });
});
