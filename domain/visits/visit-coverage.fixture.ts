/**
 * A small county for the coverage analysis and report tests, with figures worked
 * out by hand (see `visit.coverage.test.ts` for the arithmetic). October 2026
 * runs Thursday 1st to Saturday 31st: its whole weeks are 5–11, 12–18 and 19–25.
 */
import { dutyPlan, monthDutyPeriod, type DutyPeriod } from '../duties/duty-rules.ts';
import type { DutyAssignment } from '../duties/duty.schema.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import type { Staff } from '../org/staff.schema.ts';
import type { CoverageInput, ProblemFact, VisitFact } from './visit.coverage.ts';

const county = '610999';

export const coverageUnits: OrgUnit[] = [
  { id: county, kind: 'county', name: '守望示范县' },
  { id: 'TA', kind: 'town', name: '东岭镇', parentId: county },
  { id: 'TB', kind: 'town', name: '西川镇', parentId: county },
  { id: 'VA1', kind: 'village', name: '柳树村', parentId: 'TA' },
  { id: 'VA2', kind: 'village', name: '杏花村', parentId: 'TA' },
  { id: 'VB1', kind: 'village', name: '石门村', parentId: 'TB', keyVillage: true },
  { id: 'FA1', kind: 'factory', name: '东岭帮扶车间', parentId: 'TA' },
];

export const coverageHouseholds: Household[] = [
  { id: 'H1', villageId: 'VA1', townId: 'TA', headName: '王建国', category: 'alleviated', memberCount: 4 },
  {
    id: 'H2',
    villageId: 'VA1',
    townId: 'TA',
    headName: '李秀英',
    category: 'monitored',
    monitoredType: 'edge',
    memberCount: 2,
  },
  { id: 'H3', villageId: 'VA2', townId: 'TA', headName: '赵大山', category: 'ordinary', memberCount: 3 },
  { id: 'H4', villageId: 'VB1', townId: 'TB', headName: '刘长河', category: 'alleviated', memberCount: 3 },
];

const staff = (
  id: string,
  name: string,
  s: Pick<Staff, 'role' | 'position' | 'unitId'> & { townId?: string },
): Staff => ({
  id,
  countyCode: county,
  name,
  email: `${id.toLowerCase()}@test.invalid`,
  username: id.toLowerCase(),
  active: true,
  ...s,
});

export const coverageStaff: Staff[] = [
  staff('S1', '吴县长', { role: 'leader', position: 'county-leader', unitId: county }),
  staff('S2', '郑书记', { role: 'town-staff', position: 'town-head', unitId: 'TB', townId: 'TB' }),
  staff('S3', '钱干部', { role: 'department-staff', position: 'department-cadre', unitId: county }),
];

export const coverageAssignments: DutyAssignment[] = [
  { countyCode: county, kind: 'town-link', staffId: 'S1', targetId: 'TA' },
  { countyCode: county, kind: 'key-village', staffId: 'S1', targetId: 'VB1' },
  { countyCode: county, kind: 'household', staffId: 'S3', targetId: 'H1' },
  { countyCode: county, kind: 'household', staffId: 'S3', targetId: 'H4' },
];

const visit = (
  id: string,
  staffId: string | undefined,
  date: string,
  kind: VisitFact['targetKind'],
  targetId: string,
  townId: string,
  villageId: string | undefined,
  overnightStay: boolean,
): VisitFact => ({
  id,
  ...(staffId ? { staffId } : {}),
  date,
  targetKind: kind,
  targetId,
  townId,
  ...(villageId ? { villageId } : {}),
  overnightStay,
});

export const coverageVisits: VisitFact[] = [
  visit('v1', 'S1', '2026-10-06', 'household', 'H2', 'TA', 'VA1', true),
  visit('v2', 'S1', '2026-10-14', 'factory', 'FA1', 'TA', undefined, false),
  visit('v3', 'S1', '2026-10-20', 'village', 'VB1', 'TB', 'VB1', true),
  visit('v4', 'S1', '2026-11-02', 'village', 'VA2', 'TA', 'VA2', true),
  visit('v5', 'S2', '2026-09-30', 'village', 'VB1', 'TB', 'VB1', false),
  visit('v6', 'S3', '2026-10-10', 'household', 'H1', 'TA', 'VA1', false),
  visit('v7', undefined, '2026-10-11', 'household', 'H4', 'TB', 'VB1', false),
];

const problem = (
  id: string,
  townId: string,
  visitDate: string,
  status: ProblemFact['status'],
  deadline?: string,
  completedOn?: string,
): ProblemFact => ({
  id,
  townId,
  targetName: townId === 'TA' ? '柳树村' : '石门村',
  category: 'housing',
  description: `问题${id}：房屋漏雨，需维修`,
  foundByName: '吴县长',
  visitDate,
  status,
  ...(deadline ? { deadline } : {}),
  ...(completedOn ? { completedOn } : {}),
});

export const coverageProblems: ProblemFact[] = [
  problem('p1', 'TA', '2026-10-06', 'rectified', '2026-10-20', '2026-10-18'),
  problem('p2', 'TA', '2026-10-14', 'rectifying', '2026-10-31'),
  problem('p3', 'TB', '2026-10-20', 'open'),
  problem('p4', 'TA', '2026-09-15', 'rectifying', '2026-10-15'),
  problem('p5', 'TB', '2026-10-20', 'rectifying', '2026-11-03'),
];

/** The analysis input for October 2026 (or another span), as of 3 November. */
export function coverageInput(
  townId?: string,
  period: DutyPeriod = monthDutyPeriod('2026-10'),
): CoverageInput {
  const plan = dutyPlan(
    {
      units: coverageUnits,
      households: coverageHouseholds,
      staff: coverageStaff,
      assignments: coverageAssignments,
    },
    period,
  );
  return {
    plan,
    visits: coverageVisits,
    problems: coverageProblems,
    asOf: '2026-11-03',
    names: {
      staff: new Map(coverageStaff.map((s) => [s.id, s.name])),
      units: new Map(coverageUnits.map((u) => [u.id, u.name])),
      households: new Map(coverageHouseholds.map((h) => [h.id, h.headName])),
    },
    towns: coverageUnits.filter((u) => u.kind === 'town').map((u) => ({ id: u.id, name: u.name })),
    ...(townId ? { townId } : {}),
  };
}
