import { describe, expect, it } from 'vitest';
import { dutyPlan, monthDutyPeriod } from '../duties/duty-rules.ts';
import {
  coverageAssignments,
  coverageHouseholds,
  coverageStaff,
  coverageUnits,
} from './visit-coverage.fixture.ts';
import { targetChoices } from './visit.targets.ts';

describe('targetChoices', () => {
  const plan = dutyPlan(
    {
      units: coverageUnits,
      households: coverageHouseholds,
      staff: coverageStaff,
      assignments: coverageAssignments,
    },
    monthDutyPeriod('2026-10'),
  );
  it("lists the person's duty targets first, then the rest they reach", () => {
    const c = targetChoices({
      duties: plan.people.find((p) => p.staffId === 'S1'),
      units: coverageUnits,
      households: coverageHouseholds,
      reachable: (loc) => loc.townId === 'TA',
    });
    expect(c.mine.map((t) => `${t.kind}:${t.id}:${t.rules.join('+')}`)).toEqual([
      'village:VA1:town-link',
      'village:VA2:town-link',
      'factory:FA1:town-link',
      'household:H2:town-link',
      'village:VB1:key-village',
    ]);
    expect(c.mine[3]?.detail).toBe('柳树村 · 监测户 · H2');
    expect(c.others.map((t) => t.id)).toEqual(['H1', 'H3']);
  });
  it('offers everything reachable when the person has no duties', () => {
    const c = targetChoices({
      duties: undefined,
      units: coverageUnits,
      households: coverageHouseholds,
      reachable: (l) => l.villageId === 'VA1',
    });
    expect(c.mine).toEqual([]);
    expect(c.others.map((t) => t.id)).toEqual(['VA1', 'H1', 'H2']);
  });
});
