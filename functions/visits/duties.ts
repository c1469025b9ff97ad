/**
 * One person's duties under the ten measures, read for one visit: the same
 * `dutyPlan` the targets list and the coverage report use, over just the
 * directory the visit's target needs (its household, when it is one), so
 * recording a visit never reads a whole town.
 */
import { dutyPlan, monthDutyPeriod, type PersonDuties } from '#domain/duties/duty-rules.ts';
import type { VisitTarget } from '#domain/visits/visit.schema.ts';
import { getHousehold, getStaffEntry, listAssignmentsOf, listOrgUnits } from '../store/visits.repository.ts';

/** The duties of staff member `staffId` in the month of `day` that could name `target`. */
export async function dutiesFor(
  county: string,
  staffId: string,
  target: VisitTarget,
  day: string,
): Promise<PersonDuties | undefined> {
  const entry = await getStaffEntry(county, staffId);
  if (!entry?.staff) return undefined;
  const [units, assignments, household] = await Promise.all([
    listOrgUnits(county),
    listAssignmentsOf(county, staffId),
    target.kind === 'household' ? getHousehold(county, target.id) : Promise.resolve(undefined),
  ]);
  const plan = dutyPlan(
    { units, households: household ? [household] : [], staff: [entry.staff], assignments },
    monthDutyPeriod(day.slice(0, 7)),
  );
  return plan.people[0];
}
