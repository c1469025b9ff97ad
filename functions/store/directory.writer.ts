/**
 * Item builders for directory records, used by the seed loader, the test fixture
 * and the import: the key layout stays inside the store adapter. Each builder
 * copies the record and adds its keys; nothing else is derived here.
 */
import type { DutyAssignment } from '#domain/duties/duty.schema.ts';
import type { Household, OrgUnit, Person } from '#domain/org/org.schema.ts';
import type { InformationOfficer, ReportRecipient } from '#domain/org/staff.schema.ts';
import type { StaffContact } from './staff.repository.ts';
import { keys } from './keys.ts';

export const orgUnitItem = (county: string, u: OrgUnit) => ({ ...keys.orgUnit(county, u.id), ...u });

/** A household: its own partition, listed by village (gsi1) and found by the head's name (gsi2). */
export const householdItem = (county: string, h: Household & Record<string, unknown>) => ({
  ...keys.household(county, h.id),
  ...keys.householdByVillage(county, h.villageId, h.id),
  ...keys.householdByHeadName(county, h.headName, h.id),
  ...h,
});

export const staffItem = (county: string, s: StaffContact & Record<string, unknown>) => ({
  ...keys.staff(county, s.id),
  ...s,
});

/** A person, keyed by ID number and listed with their household (gsi1). */
export const personItem = (county: string, p: Person & Record<string, unknown>) => ({
  ...keys.person(county, p.idNumber),
  ...keys.personByHousehold(county, p.householdId, p.id),
  ...p,
});

export const assignmentItem = (county: string, a: DutyAssignment) => ({
  ...keys.dutyAssignment(county, a.kind, a.staffId, a.targetId),
  ...a,
});

export const informationOfficerItem = (county: string, o: InformationOfficer) => ({
  ...keys.informationOfficer(county, o.unitId, o.staffId),
  ...o,
});

export const reportRecipientItem = (county: string, r: ReportRecipient) => ({
  ...keys.reportRecipient(county, r.reportKind, r.scopeUnitId, r.staffId),
  ...r,
});
