/**
 * The county's rules for petitions, as pure functions the intake form and the
 * functions both run: when a petition is due under its handling mode, which
 * dates and units each mode needs, and how the clock reads on a given day.
 */
import { ValidationError, type FieldIssue } from '../shared/errors.ts';
import {
  monitoringCategories,
  type Callback,
  type HandlingMode,
  type Petition,
  type PetitionHandling,
  type PetitionIntake,
} from './petition.schema.ts';

/** A petition rule broken: 400 with the field and a stable code such as `PETITION.DEADLINE_PAST`. */
export class PetitionRuleError extends ValidationError {
  constructor(code: string, path: string, message: string) {
    super([{ path, code, message }], code, message);
  }
}

/**
 * Days allowed per handling mode when no deadline is set. 即办 is settled on the
 * spot or the next day; 交办 follows the 15 days the county gives an assigned unit
 * to answer. 限期办 always names its own deadline, at most 60 days after receipt
 * (the handling limit of the 信访工作条例).
 */
export const handlingDays: Record<Exclude<HandlingMode, 'deadline'>, number> = { immediate: 1, assigned: 15 };
export const maxDeadlineDays = 60;
/** The clock turns "due soon" this many days before the due date. */
export const dueSoonDays = 3;

const DAY = 86_400_000;

/** `2026-11-14` plus `n` days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** Every intake rule broken, as field issues (an empty list when the intake is sound). */
export function intakeIssues(i: Omit<PetitionIntake, 'submissionId'>, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (i.receivedDate > today)
    issues.push({
      path: 'receivedDate',
      code: 'PETITION.RECEIVED_IN_FUTURE',
      message: '受理日期不能晚于今天',
    });
  if (i.handlingMode === 'deadline') {
    if (!i.deadline) {
      issues.push({ path: 'deadline', code: 'PETITION.DEADLINE_REQUIRED', message: '限期办须填写办理期限' });
    } else if (i.deadline < today) {
      issues.push({ path: 'deadline', code: 'PETITION.DEADLINE_PAST', message: '办理期限不能早于今天' });
    } else if (daysBetween(i.receivedDate, i.deadline) > maxDeadlineDays) {
      issues.push({
        path: 'deadline',
        code: 'PETITION.DEADLINE_TOO_FAR',
        message: `办理期限不能超过受理之日起 ${maxDeadlineDays} 天`,
      });
    }
  }
  if (i.handlingMode !== 'immediate' && !i.assignedUnit)
    issues.push({
      path: 'assignedUnit',
      code: 'PETITION.ASSIGNED_UNIT_REQUIRED',
      message: '交办、限期办须填写承办单位',
    });
  return issues;
}

/** Throws the first broken intake rule's code with every issue attached. */
export function assertIntake(i: Omit<PetitionIntake, 'submissionId'>, today: string): void {
  const issues = intakeIssues(i, today);
  const first = issues[0];
  if (first) throw new ValidationError(issues, first.code, first.message);
}

export function dueDateOf(i: Pick<PetitionIntake, 'handlingMode' | 'receivedDate' | 'deadline'>): string {
  if (i.handlingMode === 'deadline' && i.deadline) return i.deadline;
  if (i.handlingMode === 'deadline')
    throw new PetitionRuleError('PETITION.DEADLINE_REQUIRED', 'deadline', '限期办须填写办理期限');
  return addDays(i.receivedDate, handlingDays[i.handlingMode]);
}

/** A new petition from a checked intake: due date fixed, monitoring flag set, nothing handled yet. */
export function newPetition(intake: PetitionIntake, today: string): Petition {
  assertIntake(intake, today);
  const { submissionId: _s, deadline, assignedUnit, ...rest } = intake;
  return {
    ...rest,
    ...(rest.handlingMode === 'deadline' && deadline ? { deadline } : {}),
    ...(rest.handlingMode !== 'immediate' && assignedUnit ? { assignedUnit } : {}),
    dueDate: dueDateOf(intake),
    monitoringReview: monitoringCategories.has(intake.category),
    status: 'open',
    handling: [],
    callbacks: [],
  };
}

/** Adds a handling step (and the result, when it concludes the petition). */
export function applyHandling(p: Petition, h: PetitionHandling, byName: string, today: string): Petition {
  if (p.status !== 'open')
    throw new PetitionRuleError('PETITION.ALREADY_CONCLUDED', 'date', '该信访件已办结，不能再登记办理情况');
  if (h.date > today) throw new PetitionRuleError('PETITION.DATE_IN_FUTURE', 'date', '办理日期不能晚于今天');
  if (h.date < p.receivedDate)
    throw new PetitionRuleError('PETITION.DATE_BEFORE_RECEIPT', 'date', '办理日期不能早于受理日期');
  const handling = [...p.handling, { date: h.date, note: h.note, byName }];
  if (!h.result) return { ...p, handling };
  return { ...p, handling, status: h.result.outcome, result: { ...h.result, date: h.date } };
}

/** Adds a callback: only after the petition is concluded (回访 asks about the result). */
export function applyCallback(p: Petition, c: Callback, today: string): Petition {
  if (p.status === 'open')
    throw new PetitionRuleError('PETITION.CALLBACK_BEFORE_CONCLUSION', 'date', '信访件办结后才能回访');
  if (c.date > today) throw new PetitionRuleError('PETITION.DATE_IN_FUTURE', 'date', '回访日期不能晚于今天');
  if (p.result && c.date < p.result.date)
    throw new PetitionRuleError('PETITION.CALLBACK_BEFORE_RESULT', 'date', '回访日期不能早于办结日期');
  const { notes, ...rest } = c;
  return { ...p, callbacks: [...p.callbacks, { ...rest, ...(notes ? { notes } : {}) }] };
}

export type ClockState = 'on-track' | 'due-soon' | 'overdue' | 'done-on-time' | 'done-late';
export const clockLabels: Record<ClockState, string> = {
  'on-track': '办理中',
  'due-soon': '即将到期',
  overdue: '已逾期',
  'done-on-time': '按期办结',
  'done-late': '超期办结',
};

export interface Clock {
  state: ClockState;
  dueDate: string;
  /** Days left until the due date (negative when overdue); absent once concluded. */
  daysLeft?: number;
  /** `剩 5 天`, `今日到期`, `逾期 2 天`, `按期办结`. */
  label: string;
}

/** How a petition's clock reads on `today`: open ones count down to the due date, concluded ones say whether they made it. */
export function petitionClock(p: Pick<Petition, 'status' | 'dueDate' | 'result'>, today: string): Clock {
  if (p.status !== 'open') {
    const late = (p.result?.date ?? today) > p.dueDate;
    const state: ClockState = late ? 'done-late' : 'done-on-time';
    return { state, dueDate: p.dueDate, label: clockLabels[state] };
  }
  const daysLeft = daysBetween(today, p.dueDate);
  if (daysLeft < 0) return { state: 'overdue', dueDate: p.dueDate, daysLeft, label: `逾期 ${-daysLeft} 天` };
  const label = daysLeft === 0 ? '今日到期' : `剩 ${daysLeft} 天`;
  return { state: daysLeft <= dueSoonDays ? 'due-soon' : 'on-track', dueDate: p.dueDate, daysLeft, label };
}
