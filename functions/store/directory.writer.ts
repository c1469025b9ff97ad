/**
 * Item builders for directory records, used by the seed loader and (later) the
 * import functions: the key layout stays inside the store adapter.
 */
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import type { StaffContact } from './staff.repository.ts';
import { keys } from './keys.ts';

export const orgUnitItem = (county: string, u: OrgUnit) => ({ ...keys.orgUnit(county, u.id), ...u });

export const householdItem = (county: string, h: Household) => ({
  ...keys.household(county, h.id),
  ...keys.householdByVillage(county, h.villageId, h.id),
  ...h,
});

export const staffItem = (county: string, s: StaffContact & Record<string, unknown>) => ({
  ...keys.staff(county, s.id),
  ...s,
});
