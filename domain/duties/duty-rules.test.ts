import { describe, expect, it } from 'vitest';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import type { Staff, StaffPosition } from '../org/staff.schema.ts';
import type { Role } from '../auth/roles.ts';
import type { DutyAssignment } from './duty.schema.ts';
import {
  dutyPlan,
  monthDutyPeriod,
  monthsOf,
  targetCountsByRule,
  weeksOf,
  type DutyDirectory,
  type DutyTarget,
} from './duty-rules.ts';

const C = '610999';
const unit = (
  id: string,
  kind: OrgUnit['kind'],
  parentId?: string,
  extra: Partial<OrgUnit> = {},
): OrgUnit => ({
  id,
  kind,
  name: id,
  ...(parentId ? { parentId } : {}),
  ...extra,
});
const hh = (
  id: string,
  villageId: string,
  category: Household['category'],
  extra: Partial<Household> = {},
): Household => ({
  id,
  villageId,
  townId: villageId.slice(0, 3),
  headName: '测试',
  category,
  memberCount: 3,
  ...(category === 'monitored' ? { monitoredType: 'edge' as const } : {}),
  ...extra,
});
const person = (
  id: string,
  role: Role,
  position: StaffPosition,
  unitId: string,
  extra: Partial<Staff> = {},
): Staff => ({
  id,
  countyCode: C,
  name: id,
  role,
  position,
  unitId,
  email: `${id.toLowerCase()}@demo.shouwang.invalid`,
  username: id.toLowerCase(),
  active: true,
  ...extra,
});
const assign = (
  kind: DutyAssignment['kind'],
  staffId: string,
  targetId: string,
  extra: Partial<DutyAssignment> = {},
) => ({ countyCode: C, kind, staffId, targetId, ...extra }) satisfies DutyAssignment;

/** Two towns; T01 has two villages (V002 a key village) and a factory. */
const directory: DutyDirectory = {
  units: [
    unit(C, 'county'),
    unit('T01', 'town', C),
    unit('T02', 'town', C),
    unit('T01V001', 'village', 'T01'),
    unit('T01V002', 'village', 'T01', { keyVillage: true }),
    unit('T02V001', 'village', 'T02'),
    unit('T01F01', 'factory', 'T01'),
    unit('D01', 'department', C),
  ],
  households: [
    hh('H1', 'T01V001', 'alleviated'),
    hh('H2', 'T01V001', 'monitored'),
    hh('H3', 'T01V001', 'ordinary'),
    hh('H4', 'T01V002', 'alleviated'),
    hh('H5', 'T01V002', 'monitored', {
      statusHistory: [
        { date: '2020-06-01', to: 'alleviated', reason: '脱贫' },
        {
          date: '2026-10-20',
          from: 'alleviated',
          to: 'monitored',
          monitoredType: 'unstable',
          reason: '因病',
        },
      ],
    }),
    hh('H6', 'T02V001', 'monitored'),
  ],
  staff: [
    person('LEADER', 'leader', 'county-leader', C),
    person('DHEAD', 'department-staff', 'department-head', 'D01'),
    person('HEAD1', 'town-staff', 'town-head', 'T01', { townId: 'T01' }),
    person('TLEAD', 'town-staff', 'town-cadre', 'T01', { townId: 'T01' }),
    person('DCADRE', 'assistance-cadre', 'department-cadre', 'D01'),
    person('VCADRE', 'assistance-cadre', 'village-cadre', 'T01V001', { townId: 'T01' }),
    person('FS', 'assistance-cadre', 'first-secretary', 'T01V001', { townId: 'T01' }),
    person('GONE', 'assistance-cadre', 'department-cadre', 'D01', { active: false }),
    person('IDLE', 'village-officer', 'information-officer', 'T01V001', { townId: 'T01' }),
  ],
  assignments: [
    assign('town-link', 'LEADER', 'T01'),
    assign('key-village', 'LEADER', 'T01V002'),
    assign('town-link', 'DHEAD', 'T02'),
    assign('village-lead', 'TLEAD', 'T01V002'),
    assign('household', 'DCADRE', 'H1'),
    assign('household', 'DCADRE', 'H3'), // an ordinary household: not a department cadre's duty
    assign('household', 'VCADRE', 'H1'),
    assign('household', 'VCADRE', 'H3'),
    assign('resident', 'FS', 'T01V001'),
    assign('household', 'GONE', 'H4'),
    assign('household', 'NOBODY', 'H4'),
    assign('household', 'VCADRE', 'H999'),
    assign('household', 'VCADRE', 'H4', { to: '2026-09-30' }), // ended before the period
  ],
};

const october = monthDutyPeriod('2026-10');
const ids = (targets: DutyTarget[], rule?: DutyTarget['rule']) =>
  targets
    .filter((t) => !rule || t.rule === rule)
    .map((t) => t.id)
    .sort();

describe('dutyPlan', () => {
  const plan = dutyPlan(directory, october);
  const of = (staffId: string) => plan.people.find((p) => p.staffId === staffId);

  it('gives a linked county leader every village, factory and monitored household of the town', () => {
    expect(ids(of('LEADER')?.targets ?? [], 'town-link')).toEqual([
      'H2',
      'H5',
      'T01F01',
      'T01V001',
      'T01V002',
    ]);
    expect(of('LEADER')?.overnightStays).toEqual([
      { rule: 'town-link', townId: 'T01', perWeek: 1, weeks: weeksOf(october) },
    ]);
  });

  it('gives the key-village leader a monthly visit to that village', () => {
    expect(ids(of('LEADER')?.targets ?? [], 'key-village')).toEqual(['T01V002']);
    expect(of('LEADER')?.monthlyVisits).toEqual([
      { rule: 'key-village', villageId: 'T01V002', minVisits: 1, months: ['2026-10'] },
    ]);
  });

  it('applies the town-link rule to a department head linked to a town', () => {
    expect(ids(of('DHEAD')?.targets ?? [])).toEqual(['H6', 'T02V001']);
    expect(of('DHEAD')?.overnightStays[0]?.townId).toBe('T02');
  });

  it('derives a town head’s duty from the position alone', () => {
    expect(ids(of('HEAD1')?.targets ?? [], 'town-head')).toEqual([
      'H2',
      'H5',
      'T01F01',
      'T01V001',
      'T01V002',
    ]);
    expect(of('HEAD1')?.overnightStays).toEqual([]);
  });

  it('gives a 包村领导 the alleviated households of the village only', () => {
    expect(ids(of('TLEAD')?.targets ?? [])).toEqual(['H4']);
  });

  it('limits department cadres to alleviated households and lets town and village cadres add ordinary ones', () => {
    expect(ids(of('DCADRE')?.targets ?? [])).toEqual(['H1']);
    expect(of('DCADRE')?.targets[0]?.rule).toBe('department-cadre');
    expect(ids(of('VCADRE')?.targets ?? [], 'local-cadre')).toEqual(['H1', 'H3']);
  });

  it('gives the first secretary every household of the village', () => {
    expect(ids(of('FS')?.targets ?? [], 'resident')).toEqual(['H1', 'H2', 'H3']);
  });

  it('leaves out staff without duties and reports assignments that yield none', () => {
    expect(of('IDLE')).toBeUndefined();
    expect(of('GONE')).toBeUndefined();
    expect(
      plan.unmatched.map((u) => `${u.assignment.staffId}:${u.assignment.targetId}:${u.reason}`).sort(),
    ).toEqual([
      'DCADRE:H3:target-not-in-rule',
      'GONE:H4:staff-inactive',
      'NOBODY:H4:staff-unknown',
      'VCADRE:H999:target-unknown',
    ]);
  });

  it('uses the category a household had at the end of the period', () => {
    const september = dutyPlan(directory, monthDutyPeriod('2026-09'));
    const leader = september.people.find((p) => p.staffId === 'LEADER');
    expect(ids(leader?.targets ?? [], 'town-link')).toEqual(['H2', 'T01F01', 'T01V001', 'T01V002']);
    expect(september.people.find((p) => p.staffId === 'TLEAD')?.targets.map((t) => t.id)).toEqual([
      'H4',
      'H5',
    ]);
    // The pairing that ended on 30 September is still in force for September.
    expect(ids(september.people.find((p) => p.staffId === 'VCADRE')?.targets ?? [])).toEqual([
      'H1',
      'H3',
      'H4',
    ]);
  });

  it('counts targets per rule', () => {
    expect(targetCountsByRule(plan)).toEqual({
      'town-link': 7,
      'key-village': 1,
      'town-head': 5,
      'village-lead': 1,
      'department-cadre': 1,
      'local-cadre': 2,
      resident: 3,
    });
  });
});

describe('periods', () => {
  it('splits a month into Monday-to-Sunday weeks, marking clipped ends', () => {
    // October 2026 starts on a Thursday and ends on a Saturday.
    const weeks = weeksOf(october);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual({ start: '2026-10-01', end: '2026-10-04', partial: true });
    expect(weeks[1]).toEqual({ start: '2026-10-05', end: '2026-10-11', partial: false });
    expect(weeks[4]).toEqual({ start: '2026-10-26', end: '2026-10-31', partial: true });
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ start: '2026-11-20', end: '2027-02-03' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthDutyPeriod('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });
});
