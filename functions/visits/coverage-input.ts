/**
 * What a visit-coverage analysis reads, as of a cut-off: the duty plan over the
 * directory it is given (the whole county for the reports, one town or one
 * person for the coverage page), the visits recorded by then and the problems
 * in the state they had then. One reader for the job and the API, so the page
 * and the emailed report count alike.
 */
import { dutyPlan, type DutyPeriod } from '#domain/duties/duty-rules.ts';
import type { DutyAssignment } from '#domain/duties/duty.schema.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import type { CoverageInput, ProblemFact, VisitFact } from '#domain/visits/visit.coverage.ts';
import { problemKind, visitKind, type ProblemData, type VisitData } from '#domain/visits/visit.schema.ts';
import { listRecordsAsOf } from '../store/as-of.ts';
import { householdsOfVillages, type StaffEntry } from '../store/visits.repository.ts';

export function visitFact(r: StoredRecord<VisitData>): VisitFact {
  const d = r.data;
  return {
    id: r.id,
    version: r.version,
    ...(d.visitor.staffId ? { staffId: d.visitor.staffId } : {}),
    date: d.date,
    targetKind: d.target.kind,
    targetId: d.target.id,
    townId: d.target.townId,
    ...(d.target.villageId ? { villageId: d.target.villageId } : {}),
    overnightStay: d.overnightStay,
  };
}

export function problemFact(r: StoredRecord<ProblemData>): ProblemFact {
  const d = r.data;
  return {
    id: r.id,
    version: r.version,
    townId: d.target.townId,
    ...(d.target.villageId ? { villageId: d.target.villageId } : {}),
    targetName: d.target.name,
    category: d.category,
    description: d.description,
    foundByName: d.foundBy.name,
    visitDate: d.visitDate,
    status: d.status,
    ...(d.deadline ? { deadline: d.deadline } : {}),
    ...(d.completedOn ? { completedOn: d.completedOn } : {}),
  };
}

/** The analysis input for `staff` with `assignments`, reading the households of `villages`. */
export async function readCoverageInput(args: {
  county: string;
  span: DutyPeriod;
  /** ISO instant the records are read as of. */
  cutoff: string;
  units: readonly OrgUnit[];
  staff: readonly StaffEntry[];
  assignments: readonly DutyAssignment[];
  villages: readonly string[];
}): Promise<Omit<CoverageInput, 'townId'>> {
  const { county, span, cutoff, units, staff, assignments } = args;
  const [households, visits, problems] = await Promise.all([
    householdsOfVillages(county, args.villages),
    // Entered on or after the first day: a visit is never recorded before it happens.
    listRecordsAsOf(county, visitKind, cutoff, { from: span.start }),
    listRecordsAsOf(county, problemKind, cutoff),
  ]);
  const plan = dutyPlan(
    { units, households, staff: staff.flatMap((s) => s.staff ?? []), assignments: [...assignments] },
    span,
  );
  return {
    plan,
    visits: (visits as StoredRecord<VisitData>[]).map(visitFact),
    problems: (problems as StoredRecord<ProblemData>[]).map(problemFact),
    asOf: shanghaiDate(new Date(cutoff)),
    names: {
      staff: new Map(staff.map((s) => [s.id, s.name])),
      units: new Map(units.map((u) => [u.id, u.name])),
      households: new Map(households.map((h) => [h.id, h.headName])),
    },
    towns: units.filter((u) => u.kind === 'town').map((t) => ({ id: t.id, name: t.name })),
  };
}
