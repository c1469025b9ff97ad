/**
 * What the home page tells each person about this month's income cycle: the stage
 * that is theirs (village entry, town review, county comparison), its deadline on
 * the official calendar, how many working days are left (还剩 N 个工作日, counting
 * today when it is one) or that it has passed. One definition, read by the page
 * and tested here; the deadlines are the very ones the server enforces.
 */
import type { Role } from '../auth/roles.ts';
import type { CountyConfig } from '../config/county-config.ts';
import { dayLabel, periodLabel, reportingPeriodAt, shanghaiDate, type Period } from '../shared/period.ts';
import { isWorkingDay, nextDay } from '../shared/work-calendar.ts';
import { stageDeadline, type IncomeStage } from './income.window.ts';

/** The stage each role carries in the cycle. */
const stageOf: Partial<Record<Role, IncomeStage>> = {
  'village-officer': 'villageEntry',
  'assistance-cadre': 'villageEntry',
  'town-staff': 'townReview',
  'monitoring-centre': 'countyComparison',
};

const stageLabels: Record<IncomeStage, string> = {
  villageEntry: '村级录入',
  townReview: '镇级比对研判',
  countyComparison: '县级比对',
};

/** Where the stage's page is. */
const stageHrefs: Record<IncomeStage, string> = {
  villageEntry: '/income/entry/',
  townReview: '/income/review/',
  countyComparison: '/income/compare/',
};

export interface CycleTodo {
  period: Period;
  stage: IncomeStage;
  /** e.g. `2026年11月收入：村级录入`. */
  title: string;
  deadline: string;
  /** Working days from today through the deadline, today included when it is one; 0 once passed. */
  workingDaysLeft: number;
  overdue: boolean;
  /** e.g. `截止 12月8日，还剩 3 个工作日`. */
  text: string;
  href: string;
}

/** Working days from `from` through `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string, config: CountyConfig): number {
  let n = 0;
  // A deadline is at most weeks away; the bound keeps a bad date from looping.
  for (let d = from, i = 0; d <= to && i < 400; d = nextDay(d), i++)
    if (isWorkingDay(d, config.calendar)) n++;
  return n;
}

/** The person's stage of the month being reported at `now`, or undefined for roles without one. */
export function cycleTodo(role: Role, now: Date, config: CountyConfig): CycleTodo | undefined {
  const stage = stageOf[role];
  if (!stage) return undefined;
  const period = reportingPeriodAt(now);
  const today = shanghaiDate(now);
  const deadline = stageDeadline(period, stage, config);
  const overdue = today > deadline;
  const workingDaysLeft = overdue ? 0 : workingDaysBetween(today, deadline, config);
  const when = dayLabel(deadline).replace(/^\d{4}年/, '');
  const text = overdue
    ? `已于 ${when} 截止；如需补录，请联系县乡村振兴局重新开放`
    : today === deadline
      ? `今天（${when}）截止`
      : `截止 ${when}，还剩 ${workingDaysLeft} 个工作日`;
  return {
    period,
    stage,
    title: `${periodLabel(period)}收入：${stageLabels[stage]}`,
    deadline,
    workingDaysLeft,
    overdue,
    text,
    href: stageHrefs[stage],
  };
}
