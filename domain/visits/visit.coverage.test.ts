import { describe, expect, it } from 'vitest';
import { analyseVisitCoverage, previousWeek } from './visit.coverage.ts';
import { coverageInput } from './visit-coverage.fixture.ts';

/*
 * Hand count for October 2026 (fixture in visit-coverage.fixture.ts):
 * S1 town-link TA: VA1 (seen via household H2 on 10-06), VA2 (visit on 11-02 is outside), FA1 (10-14), H2 (10-06) → 3/4
 * S1 key-village VB1: 10-20 → 1/1; S2 town-head TB: VB1 only on 09-30 → 0/1; S3 cadre: H1 yes, H4 only by an account without staff → 1/2
 * total 5/8 = 62.5%; TA 4/5 = 80%, TB 1/3.
 * Overnight S1 in TA, whole weeks 5–11 (stay 10-06), 12–18 (none), 19–25 (stay in TB, not TA) → 1 of 3.
 * Problems found in October p1,p2,p3,p5 = 4, rectified p1 → 25%; overdue on 11-03: p4 (10-15), p2 (10-31); p5 due 11-03 is still in time.
 */
describe('analyseVisitCoverage', () => {
  const a = analyseVisitCoverage(coverageInput());

  it('counts targets and visits per rule', () => {
    expect(a.byRule.map((r) => [r.rule, r.people, r.required, r.visited])).toEqual([
      ['town-link', 1, 4, 3],
      ['key-village', 1, 1, 1],
      ['town-head', 1, 1, 0],
      ['department-cadre', 1, 2, 1],
    ]);
    expect(a.byRule[0]?.coverage).toBe(0.75);
    expect(a.totals).toMatchObject({ required: 8, visited: 5, coverage: 0.625, people: 3, visits: 5 });
  });

  it('counts per person, with weekly stays and monthly key-village visits', () => {
    const s1 = a.byPerson.find((p) => p.staffId === 'S1');
    expect(s1).toMatchObject({
      required: 5,
      visited: 4,
      coverage: 0.8,
      stayWeeks: 3,
      stayWeeksMet: 1,
      keyVillageMonths: 1,
      keyVillageMonthsMet: 1,
      visits: 3,
    });
    expect(a.byPerson.find((p) => p.staffId === 'S2')).toMatchObject({
      required: 1,
      visited: 0,
      coverage: 0,
    });
    expect(a.byPerson.find((p) => p.staffId === 'S3')).toMatchObject({
      required: 2,
      visited: 1,
      coverage: 0.5,
    });
    expect(a.overnight.map((w) => [w.weekStart, w.stays, w.met])).toEqual([
      ['2026-10-05', 1, true],
      ['2026-10-12', 0, false],
      ['2026-10-19', 0, false],
    ]);
    expect(a.totals.overnightCompliance).toBeCloseTo(1 / 3);
  });

  it('counts per town and lists never-visited targets', () => {
    expect(
      a.byTown.map((t) => [t.townId, t.required, t.visited, t.problemsFound, t.problemsRectified, t.overdue]),
    ).toEqual([
      ['TA', 5, 4, 2, 1, 2],
      ['TB', 3, 1, 2, 0, 0],
    ]);
    expect(a.unvisited.map((u) => `${u.staffName}|${u.rules.join('+')}|${u.name}`)).toEqual([
      '吴县长|town-link|杏花村',
      '郑书记|town-head|石门村',
      '钱干部|department-cadre|刘长河',
    ]);
  });

  it('counts problems found, rectified and overdue', () => {
    expect(a.totals).toMatchObject({
      problemsFound: 4,
      problemsRectified: 1,
      rectificationRate: 0.25,
      overdue: 2,
    });
    expect(a.overdueProblems.map((p) => p.id)).toEqual(['p4', 'p2']);
  });

  it("restricts a town's report to its own targets and problems", () => {
    const ta = analyseVisitCoverage(coverageInput('TA'));
    expect(ta.totals).toMatchObject({
      required: 5,
      visited: 4,
      coverage: 0.8,
      problemsFound: 2,
      overdue: 2,
      keyVillageMonths: 0,
    });
    expect(ta.byPerson.map((p) => [p.staffId, p.required, p.visited])).toEqual([
      ['S1', 4, 3],
      ['S3', 1, 1],
    ]);
    expect(ta.byTown.map((t) => t.townId)).toEqual(['TA']);
  });
});

describe('previousWeek', () => {
  it('is the Monday–Sunday week before the given day', () => {
    expect(previousWeek('2026-11-02')).toEqual({ start: '2026-10-26', end: '2026-11-01' });
    expect(previousWeek('2026-11-08')).toEqual({ start: '2026-10-26', end: '2026-11-01' });
  });
});

describe('a target two duties reach', () => {
  // S1 is both town head (all villages of TA) and the village's lead (all its households and the village):
  // the village VA1 is reached by both duties and counts once for S1 and for the town.
  const base = coverageInput();
  const plan = {
    ...base.plan,
    people: [
      {
        staffId: 'S1',
        targets: [
          { rule: 'town-head' as const, kind: 'village' as const, id: 'VA1', townId: 'TA', villageId: 'VA1' },
          {
            rule: 'village-lead' as const,
            kind: 'village' as const,
            id: 'VA1',
            townId: 'TA',
            villageId: 'VA1',
          },
          {
            rule: 'village-lead' as const,
            kind: 'household' as const,
            id: 'H2',
            townId: 'TA',
            villageId: 'VA1',
          },
        ],
        overnightStays: [],
        monthlyVisits: [],
      },
    ],
  };
  const a = analyseVisitCoverage({ ...base, plan, visits: [], problems: [] });

  it('counts it once per person, town and in the totals, and under each rule in the rule table', () => {
    expect(a.byPerson.map((p) => [p.staffId, p.required, p.visited])).toEqual([['S1', 2, 0]]);
    expect(a.byTown.find((t) => t.townId === 'TA')?.required).toBe(2);
    expect(a.totals.required).toBe(2);
    expect(a.byRule.map((r) => [r.rule, r.required])).toEqual([
      ['town-head', 1],
      ['village-lead', 2],
    ]);
    expect(a.unvisited.map((u) => [u.id, u.rules])).toEqual([
      ['VA1', ['town-head', 'village-lead']],
      ['H2', ['village-lead']],
    ]);
    expect(a.lineage.find((f) => f.key === 'visit.required')?.records).toHaveLength(2);
  });
});
