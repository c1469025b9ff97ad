import type { OrgUnit } from './org.schema.ts';
import type { InformationOfficer, Staff } from './staff.schema.ts';

/**
 * Information-officer staffing (数据质量提升制度): every department, town/street and
 * community has at least 2 information officers, every administrative village at
 * least 1. The county unit and factories have no requirement.
 */
export function requiredOfficers(unit: Pick<OrgUnit, 'kind' | 'settlement'>): number {
  switch (unit.kind) {
    case 'department':
    case 'town':
      return 2;
    case 'village':
      return unit.settlement === 'community' ? 2 : 1;
    default:
      return 0;
  }
}

/** One unit's staffing against the requirement. */
export interface UnitStaffing {
  unitId: string;
  unitName: string;
  kind: OrgUnit['kind'];
  /** The town of a village; the town itself for a town; absent for departments. */
  townId?: string;
  required: number;
  /** Distinct active staff on the roster for the unit. */
  actual: number;
  /** How many more are needed; 0 when compliant. */
  missing: number;
}

export interface StaffingSummary {
  units: UnitStaffing[];
  /** Units below the requirement, most missing first, then by id. */
  shortfalls: UnitStaffing[];
  /** Roster entries that do not count: unknown or inactive staff, unknown units. */
  ignored: { entry: InformationOfficer; reason: 'staff-unknown' | 'staff-inactive' | 'unit-unknown' }[];
}

export const staffingIgnoredLabels: Record<StaffingSummary['ignored'][number]['reason'], string> = {
  'staff-unknown': '信息员不在人员名册中',
  'staff-inactive': '信息员已停用',
  'unit-unknown': '所在单位不存在',
};

/**
 * Staffing of every unit that has a requirement, judged on the roster of
 * information officers. Only active staff count, and a person counts once per unit.
 */
export function staffingCompliance(
  units: readonly OrgUnit[],
  roster: readonly InformationOfficer[],
  staff: readonly Pick<Staff, 'id' | 'active'>[],
): StaffingSummary {
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const officersOf = new Map<string, Set<string>>();
  const ignored: StaffingSummary['ignored'] = [];
  for (const entry of roster) {
    const person = staffById.get(entry.staffId);
    if (!unitById.has(entry.unitId)) ignored.push({ entry, reason: 'unit-unknown' });
    else if (!person) ignored.push({ entry, reason: 'staff-unknown' });
    else if (!person.active) ignored.push({ entry, reason: 'staff-inactive' });
    else {
      const set = officersOf.get(entry.unitId) ?? new Set<string>();
      set.add(entry.staffId);
      officersOf.set(entry.unitId, set);
    }
  }
  const result: UnitStaffing[] = [];
  for (const u of units) {
    const required = requiredOfficers(u);
    if (required === 0) continue;
    const actual = officersOf.get(u.id)?.size ?? 0;
    const townId = u.kind === 'town' ? u.id : u.kind === 'village' ? u.parentId : undefined;
    result.push({
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      ...(townId ? { townId } : {}),
      required,
      actual,
      missing: Math.max(0, required - actual),
    });
  }
  const shortfalls = result
    .filter((r) => r.missing > 0)
    .sort((a, b) => b.missing - a.missing || a.unitId.localeCompare(b.unitId));
  return { units: result, shortfalls, ignored };
}
