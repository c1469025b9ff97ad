import type { DutyAssignment } from '../duties/duty.schema.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import type { InformationOfficer, ReportRecipient, Staff } from '../org/staff.schema.ts';

/**
 * The county directory as the pure functions see it: the org tree, households,
 * staff and their pairings. People are not part of it: duties and staffing never
 * need them, and at county scale they are the largest list.
 */
export interface Directory {
  countyCode: string;
  units: readonly OrgUnit[];
  households: readonly Household[];
  staff: readonly Staff[];
  assignments: readonly DutyAssignment[];
  informationOfficers: readonly InformationOfficer[];
  reportRecipients: readonly ReportRecipient[];
}

/** Lookups built once over a directory, so county-scale questions stay linear. */
export interface DirectoryIndex {
  unitById: ReadonlyMap<string, OrgUnit>;
  householdById: ReadonlyMap<string, Household>;
  staffById: ReadonlyMap<string, Staff>;
  /** Villages of each town, in directory order. */
  villagesByTown: ReadonlyMap<string, readonly OrgUnit[]>;
  /** Factories (社区工厂/帮扶车间) of each town. */
  factoriesByTown: ReadonlyMap<string, readonly OrgUnit[]>;
  householdsByVillage: ReadonlyMap<string, readonly Household[]>;
  householdsByTown: ReadonlyMap<string, readonly Household[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the lookups in one pass over each list. */
export function indexDirectory(d: Pick<Directory, 'units' | 'households' | 'staff'>): DirectoryIndex {
  const villagesByTown = new Map<string, OrgUnit[]>();
  const factoriesByTown = new Map<string, OrgUnit[]>();
  for (const u of d.units) {
    if (u.kind === 'village' && u.parentId) push(villagesByTown, u.parentId, u);
    if (u.kind === 'factory' && u.parentId) push(factoriesByTown, u.parentId, u);
  }
  const householdsByVillage = new Map<string, Household[]>();
  const householdsByTown = new Map<string, Household[]>();
  for (const h of d.households) {
    push(householdsByVillage, h.villageId, h);
    push(householdsByTown, h.townId, h);
  }
  return {
    unitById: new Map(d.units.map((u) => [u.id, u])),
    householdById: new Map(d.households.map((h) => [h.id, h])),
    staffById: new Map(d.staff.map((s) => [s.id, s])),
    villagesByTown,
    factoriesByTown,
    householdsByVillage,
    householdsByTown,
  };
}
