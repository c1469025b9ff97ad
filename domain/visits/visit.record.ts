/**
 * Recording a visit: the visit and one problem record per problem found, all in
 * the generic register. No transactions are needed: every record's id and
 * submission id derive from the form's submission id, the problems are written
 * first and the visit last, so the visit is the commit point. A retry after a
 * crash completes the missing problems (each idempotent) and then the visit; a
 * retry after success finds the visit's submission and returns it unchanged.
 */
import { canReach, type RecordLocation } from '../auth/access.ts';
import type { PersonDuties } from '../duties/duty-rules.ts';
import type { Scope } from '../auth/roles.ts';
import { createRecord, type CommandContext } from '../records/record.commands.ts';
import type { StoredRecord } from '../records/record.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { authoriseVisit, isDutyTarget } from './visit.access.ts';
import {
  problemIdOf,
  problemKind,
  problemSubmissionIdOf,
  visitIdOf,
  visitKind,
  visitRuleIssues,
  type ProblemData,
  type VisitData,
  type VisitEntry,
  type VisitTarget,
  type Visitor,
  type VisitTargetRef,
} from './visit.schema.ts';

export interface RecordVisitDeps {
  /** The target with its name and place, or undefined when the directory has no such target. */
  resolveTarget: (ref: VisitTargetRef) => Promise<VisitTarget | undefined>;
  /** The signed-in person's staff id in the directory, when they have one. */
  staffId: () => Promise<string | undefined>;
  /** A staff member by id (whose visit the office enters), or undefined. */
  staffById: (staffId: string) => Promise<{ id: string; name: string; username: string } | undefined>;
  /** The duties of staff member `staffId` in the visit's month (one duty definition: `dutyPlan`). */
  dutiesOf: (staffId: string, target: VisitTarget) => Promise<PersonDuties | undefined>;
}

export interface RecordVisitResult {
  visit: StoredRecord<VisitData>;
  problems: StoredRecord<ProblemData>[];
  replayed: boolean;
}

export const locationOf = (t: VisitTarget): Omit<RecordLocation, 'countyCode'> => ({
  townId: t.townId,
  ...(t.villageId ? { villageId: t.villageId } : {}),
});

export async function recordVisit(
  entry: VisitEntry,
  ctx: CommandContext & { today: string; scope: Scope },
  deps: RecordVisitDeps,
): Promise<RecordVisitResult> {
  const earlier = await ctx.repo.findSubmission(ctx.who.countyCode, ctx.submissionId);
  if (earlier) {
    // A retry by whoever stored it: createRecord checks that and returns the stored visit.
    const { record } = await createRecord<VisitData>(
      {
        kind: visitKind,
        id: earlier.id,
        data: earlier.data as VisitData,
        location: earlier,
        scope: 'own',
      },
      ctx,
    );
    return { visit: record, problems: [], replayed: true };
  }
  const issues = visitRuleIssues(entry, ctx.today);
  if (issues.length) throw new ValidationError(issues);
  const target = await deps.resolveTarget(entry.target);
  if (!target) throw new NotFoundError('VISIT.TARGET_NOT_FOUND', '未找到所选走访对象，请重新选择');
  const location = { ...locationOf(target), countyCode: ctx.who.countyCode };
  const callerStaffId = await deps.staffId();
  let visitor: Visitor;
  if (entry.visitorStaffId !== undefined && entry.visitorStaffId !== callerStaffId) {
    const staff = await deps.staffById(entry.visitorStaffId);
    if (!staff) throw new NotFoundError('VISIT.VISITOR_NOT_FOUND', '未找到所选走访人，请重新选择');
    authoriseVisit({
      who: ctx.who,
      onBehalfOf: staff.name,
      dutyTarget: isDutyTarget(await deps.dutiesOf(staff.id, target), target),
      reachable: false,
      targetName: target.name,
    });
    visitor = {
      // The visitor's sign-in name: their account is not the one that sent the visit.
      userId: staff.username,
      name: staff.name,
      staffId: staff.id,
      enteredBy: { userId: ctx.who.userId, name: ctx.who.name },
    };
  } else {
    authoriseVisit({
      who: ctx.who,
      dutyTarget:
        callerStaffId !== undefined && isDutyTarget(await deps.dutiesOf(callerStaffId, target), target),
      reachable: canReach(ctx.who, ctx.scope, location),
      targetName: target.name,
    });
    visitor = {
      userId: ctx.who.userId,
      name: ctx.who.name,
      ...(callerStaffId ? { staffId: callerStaffId } : {}),
    };
  }
  // Authorised above, by duty or by reach: the records need only be in the caller's county.
  const recordScope = 'none' as const;
  const visitId = visitIdOf(ctx.submissionId);

  const problems: StoredRecord<ProblemData>[] = [];
  for (const [i, p] of entry.problems.entries()) {
    const data: ProblemData = {
      category: p.category,
      description: p.description,
      visitId,
      visitDate: entry.date,
      foundBy: visitor,
      target,
      status: 'open',
    };
    const { record } = await createRecord(
      { kind: problemKind, id: problemIdOf(ctx.submissionId, i), data, location, scope: recordScope },
      { ...ctx, submissionId: problemSubmissionIdOf(ctx.submissionId, i) },
    );
    problems.push(record);
  }
  const data: VisitData = {
    visitor,
    date: entry.date,
    target,
    overnightStay: entry.overnightStay,
    findings: entry.findings,
    problemIds: problems.map((p) => p.id),
  };
  const { record, replayed } = await createRecord(
    { kind: visitKind, id: visitId, data, location, scope: recordScope },
    ctx,
  );
  return { visit: record, problems, replayed };
}
