import type { Directory, DirectoryIndex } from '../directory/directory.ts';
import { indexDirectory } from '../directory/directory.ts';
import { categoryOn, type Household, type HouseholdCategory } from '../org/org.schema.ts';
import type { Staff } from '../org/staff.schema.ts';
import { makePeriod, periodParts, type Period } from '../shared/period.ts';
import type { DutyAssignment } from './duty.schema.ts';

/**
 * The visiting duties of the "ten measures" (十条措施), one rule per row of the
 * duty table in domain.md. Pure functions of the directory and a period: the
 * coverage analysis compares what they return with the visits recorded.
 */
export const dutyRules = [
  'town-link',
  'key-village',
  'town-head',
  'village-lead',
  'department-cadre',
  'local-cadre',
  'resident',
] as const;
export type DutyRule = (typeof dutyRules)[number];

export const dutyRuleLabels: Record<DutyRule, string> = {
  'town-link': '联镇县级领导、县直部门负责人：走遍所联镇全部村、社区工厂和重点监测户，每周驻村不少于一天一夜',
  'key-village': '联系省级重点帮扶村的县级领导：每月至少到村一次',
  'town-head': '镇党政主要领导：走遍本镇全部村、社区工厂和监测户',
  'village-lead': '包村领导：走遍所包村全部脱贫户',
  'department-cadre': '县直部门帮扶干部：走遍结对的脱贫户',
  'local-cadre': '镇村干部：走遍结对的脱贫户和一般农户',
  resident: '驻村第一书记、工作队：走遍本村全部脱贫户、监测户和一般农户',
};

/** Short names for tables and chart legends. */
export const dutyRuleShortLabels: Record<DutyRule, string> = {
  'town-link': '联镇领导',
  'key-village': '联系重点村',
  'town-head': '镇党政主要领导',
  'village-lead': '包村领导',
  'department-cadre': '县直帮扶干部',
  'local-cadre': '镇村干部',
  resident: '驻村工作队',
};

/** Household categories each household rule reaches. */
const householdCategoriesOf: Partial<Record<DutyRule, ReadonlySet<HouseholdCategory>>> = {
  'town-link': new Set(['monitored']),
  'town-head': new Set(['monitored']),
  'village-lead': new Set(['alleviated']),
  'department-cadre': new Set(['alleviated']),
  'local-cadre': new Set(['alleviated', 'ordinary']),
  resident: new Set(['alleviated', 'monitored', 'ordinary']),
};

/** A span of calendar days, both ends included (`YYYY-MM-DD`). */
export interface DutyPeriod {
  start: string;
  end: string;
}

/** The calendar month `period` as a duty period. */
export function monthDutyPeriod(period: Period): DutyPeriod {
  const { year, month } = periodParts(period);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

export type DutyTargetKind = 'village' | 'factory' | 'household';

/** One thing one person must visit under one rule. */
export interface DutyTarget {
  rule: DutyRule;
  kind: DutyTargetKind;
  /** Unit id for villages and factories, household id for households. */
  id: string;
  townId: string;
  /** Village of a household or the village itself; absent for factories. */
  villageId?: string;
}

/** A Monday-to-Sunday week, clipped to the period; `partial` when clipped. */
export interface WeekSpan {
  start: string;
  end: string;
  partial: boolean;
}

/** 每周驻村不少于一天一夜: at least one overnight stay in a village of `townId` in each week. */
export interface OvernightStayRequirement {
  rule: 'town-link';
  townId: string;
  /** Overnight stays (一天一夜) required per week. */
  perWeek: number;
  weeks: WeekSpan[];
}

/** At least `minVisits` visits to the key village in each month of the period. */
export interface MonthlyVisitRequirement {
  rule: 'key-village';
  villageId: string;
  minVisits: number;
  months: Period[];
}

/** Everything one person must do in the period. */
export interface PersonDuties {
  staffId: string;
  /** One entry per rule and target; a target reached by two rules appears twice. */
  targets: DutyTarget[];
  overnightStays: OvernightStayRequirement[];
  monthlyVisits: MonthlyVisitRequirement[];
}

export type UnmatchedReason = 'staff-unknown' | 'staff-inactive' | 'target-unknown' | 'target-not-in-rule';

/** Assignments in force that yield no duty: data-quality findings for the directory. */
export interface UnmatchedAssignment {
  assignment: DutyAssignment;
  reason: UnmatchedReason;
}

export const unmatchedReasonLabels: Record<UnmatchedReason, string> = {
  'staff-unknown': '责任人不在人员名册中',
  'staff-inactive': '责任人已停用',
  'target-unknown': '责任对象不存在',
  'target-not-in-rule': '结对农户类别不在该责任范围内',
};

export interface DutyPlan {
  period: DutyPeriod;
  /** Staff with at least one duty, in staff-list order. */
  people: PersonDuties[];
  unmatched: UnmatchedAssignment[];
}

export type DutyDirectory = Pick<Directory, 'units' | 'households' | 'staff' | 'assignments'>;

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The Monday-to-Sunday weeks that overlap the period, clipped to it. */
export function weeksOf(period: DutyPeriod): WeekSpan[] {
  const start = toDay(period.start);
  const end = toDay(period.end);
  // 1970-01-01 was a Thursday: day 4 is the first Monday.
  const firstMonday = start - ((((start - 4) % 7) + 7) % 7);
  const weeks: WeekSpan[] = [];
  for (let monday = firstMonday; monday <= end; monday += 7) {
    const s = Math.max(monday, start);
    const e = Math.min(monday + 6, end);
    weeks.push({ start: fromDay(s), end: fromDay(e), partial: s !== monday || e !== monday + 6 });
  }
  return weeks;
}

/** The calendar months that overlap the period. */
export function monthsOf(period: DutyPeriod): Period[] {
  const [sy, sm] = period.start.split('-').map(Number) as [number, number];
  const last = period.end.slice(0, 7);
  const months: Period[] = [];
  for (let i = 0; ; i++) {
    const p = makePeriod(sy, sm + i);
    if (p > last) break;
    months.push(p);
  }
  return months;
}

/** Whether an assignment is in force on some day of the period. */
export function assignmentInForce(a: Pick<DutyAssignment, 'from' | 'to'>, period: DutyPeriod): boolean {
  return (a.from === undefined || a.from <= period.end) && (a.to === undefined || a.to >= period.start);
}

/** Household rule for a pairing: department cadres differ from town and village cadres. */
function cadreRule(staff: Staff, index: DirectoryIndex): DutyRule {
  if (staff.position === 'department-cadre' || staff.position === 'department-head')
    return 'department-cadre';
  return index.unitById.get(staff.unitId)?.kind === 'department' ? 'department-cadre' : 'local-cadre';
}

/**
 * The duty plan for a period: for each active member of staff, the villages,
 * factories and households they must visit under each rule, their weekly
 * overnight-stay duty and their monthly key-village visits. A household counts
 * with the category it had at the end of the period.
 */
export function dutyPlan(directory: DutyDirectory, period: DutyPeriod): DutyPlan {
  const index = indexDirectory(directory);
  const byStaff = new Map<string, PersonDuties>();
  const seen = new Set<string>();
  const unmatched: UnmatchedAssignment[] = [];
  const weeks = weeksOf(period);
  const months = monthsOf(period);
  const categoryAtEnd = new Map<string, HouseholdCategory | undefined>();
  const category = (h: Household): HouseholdCategory | undefined => {
    if (!categoryAtEnd.has(h.id)) categoryAtEnd.set(h.id, categoryOn(h, period.end));
    return categoryAtEnd.get(h.id);
  };

  const duties = (staffId: string): PersonDuties => {
    let d = byStaff.get(staffId);
    if (!d) {
      d = { staffId, targets: [], overnightStays: [], monthlyVisits: [] };
      byStaff.set(staffId, d);
    }
    return d;
  };
  const add = (staffId: string, t: DutyTarget): void => {
    const key = `${staffId}|${t.rule}|${t.kind}|${t.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    duties(staffId).targets.push(t);
  };
  const addHousehold = (staffId: string, rule: DutyRule, h: Household): boolean => {
    const c = category(h);
    if (c === undefined || !householdCategoriesOf[rule]?.has(c)) return false;
    add(staffId, { rule, kind: 'household', id: h.id, townId: h.townId, villageId: h.villageId });
    return true;
  };
  const addTownWide = (staffId: string, rule: 'town-link' | 'town-head', townId: string): void => {
    for (const v of index.villagesByTown.get(townId) ?? [])
      add(staffId, { rule, kind: 'village', id: v.id, townId, villageId: v.id });
    for (const f of index.factoriesByTown.get(townId) ?? [])
      add(staffId, { rule, kind: 'factory', id: f.id, townId });
    for (const h of index.householdsByTown.get(townId) ?? []) addHousehold(staffId, rule, h);
  };

  // Town heads: the duty follows from the position, no assignment needed.
  for (const s of directory.staff) {
    if (!s.active || s.position !== 'town-head') continue;
    const townId = s.townId ?? s.unitId;
    if (index.unitById.get(townId)?.kind === 'town') addTownWide(s.id, 'town-head', townId);
  }

  for (const a of directory.assignments) {
    if (!assignmentInForce(a, period)) continue;
    const staff = index.staffById.get(a.staffId);
    if (!staff) {
      unmatched.push({ assignment: a, reason: 'staff-unknown' });
      continue;
    }
    if (!staff.active) {
      unmatched.push({ assignment: a, reason: 'staff-inactive' });
      continue;
    }
    if (a.kind === 'household') {
      const h = index.householdById.get(a.targetId);
      if (!h) unmatched.push({ assignment: a, reason: 'target-unknown' });
      else if (!addHousehold(a.staffId, cadreRule(staff, index), h)) {
        unmatched.push({ assignment: a, reason: 'target-not-in-rule' });
      }
      continue;
    }
    const unit = index.unitById.get(a.targetId);
    const expected = a.kind === 'town-link' ? 'town' : 'village';
    if (!unit || unit.kind !== expected) {
      unmatched.push({ assignment: a, reason: 'target-unknown' });
      continue;
    }
    switch (a.kind) {
      case 'town-link': {
        addTownWide(a.staffId, 'town-link', unit.id);
        const d = duties(a.staffId);
        if (!d.overnightStays.some((o) => o.townId === unit.id)) {
          d.overnightStays.push({ rule: 'town-link', townId: unit.id, perWeek: 1, weeks });
        }
        break;
      }
      case 'key-village': {
        const townId = unit.parentId ?? '';
        add(a.staffId, { rule: 'key-village', kind: 'village', id: unit.id, townId, villageId: unit.id });
        const d = duties(a.staffId);
        if (!d.monthlyVisits.some((m) => m.villageId === unit.id)) {
          d.monthlyVisits.push({ rule: 'key-village', villageId: unit.id, minVisits: 1, months });
        }
        break;
      }
      case 'village-lead':
      case 'resident': {
        const rule: DutyRule = a.kind;
        for (const h of index.householdsByVillage.get(unit.id) ?? []) addHousehold(a.staffId, rule, h);
        break;
      }
    }
  }

  const people = directory.staff.flatMap((s) => {
    const d = byStaff.get(s.id);
    return d ? [d] : [];
  });
  return { period, people, unmatched };
}

/** Number of targets per rule in a plan: the denominators of the coverage report. */
export function targetCountsByRule(plan: DutyPlan): Record<DutyRule, number> {
  const counts = Object.fromEntries(dutyRules.map((r) => [r, 0])) as Record<DutyRule, number>;
  for (const p of plan.people) for (const t of p.targets) counts[t.rule] += 1;
  return counts;
}
