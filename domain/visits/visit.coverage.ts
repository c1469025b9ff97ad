/**
 * The visit-coverage analysis (走访排查覆盖情况): the duty plan of a period
 * (`domain/duties/duty-rules.ts`) against the visits recorded, and the problems
 * those visits found. Pure: the job reads the store and passes everything in.
 *
 * Counting rules, so that the figures can be checked by hand:
 * - A target is one (person, target) pair of the plan: a target two of a
 *   person's duties reach counts once for that person and their town. The table
 *   by duty rule counts it under each rule that reaches it. "Visited" means the
 *   person recorded at least one visit to it dated inside the period, recorded
 *   by the cut-off.
 * - A village target counts as visited by a visit to the village itself or to
 *   any household in it: the visitor was in the village.
 * - Overnight stays (每周驻村不少于一天一夜) are judged on whole Monday–Sunday
 *   weeks inside the period; a week cut by the period's edge is left to the
 *   report of the period that holds the rest of it. A stay counts in any village
 *   of the linked town.
 * - Key-village visits (每月至少一次) are judged on whole months inside the period.
 * - Problems found are those with a visit date in the period; rectified are those
 *   of them rectified by the cut-off; overdue are all problems not rectified by
 *   then whose deadline is before `asOf`, whenever they were found. The job reads
 *   visits and problems as they stood at the cut-off (`asOf`'s end).
 */
import {
  dutyRules,
  monthDutyPeriod,
  type DutyPeriod,
  type DutyPlan,
  type DutyRule,
  type DutyTargetKind,
} from '../duties/duty-rules.ts';
import { unknownHouseholdName, unknownPersonName, unknownUnitName } from '../shared/names.ts';
import { counted, type FigureLineage, type RecordRef } from '../shared/lineage.ts';
import type { Period } from '../shared/period.ts';
import { isProblemOverdue, type ProblemCategory, type ProblemStatus } from './visit.schema.ts';

/** One visit as the analysis needs it. */
export interface VisitFact {
  id: string;
  /** The version read (for the lineage); 1 when unknown. */
  version?: number;
  /** Staff id of the visitor; visits by accounts without a staff record count for nobody's duty. */
  staffId?: string;
  date: string;
  targetKind: DutyTargetKind;
  targetId: string;
  townId: string;
  villageId?: string;
  overnightStay: boolean;
}

export interface ProblemFact {
  id: string;
  /** The version read (for the lineage); 1 when unknown. */
  version?: number;
  townId: string;
  villageId?: string;
  targetName: string;
  category: ProblemCategory;
  description: string;
  foundByName: string;
  visitDate: string;
  status: ProblemStatus;
  deadline?: string;
  completedOn?: string;
}

/** Names for tables: people, units and households (head of household's name). */
export interface CoverageNames {
  staff: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
  households: ReadonlyMap<string, string>;
}

export interface CoverageInput {
  plan: DutyPlan;
  visits: readonly VisitFact[];
  problems: readonly ProblemFact[];
  /** The day the report is made (`YYYY-MM-DD`): overdue is judged on it. */
  asOf: string;
  names: CoverageNames;
  /** Towns to report on, in display order (id and name). */
  towns: readonly { id: string; name: string }[];
  /** Restrict everything to one town (a town's own report). */
  townId?: string;
}

export interface Tally {
  required: number;
  visited: number;
  /** visited / required; null when nothing was required. */
  coverage: number | null;
}

export interface RuleCoverage extends Tally {
  rule: DutyRule;
  people: number;
}

export interface PersonCoverage extends Tally {
  staffId: string;
  name: string;
  rules: DutyRule[];
  /** Whole weeks with an overnight-stay duty, and those with a stay. */
  stayWeeks: number;
  stayWeeksMet: number;
  /** Whole months with a key-village duty (per village), and those with a visit. */
  keyVillageMonths: number;
  keyVillageMonthsMet: number;
  visits: number;
}

export interface TownCoverage extends Tally {
  townId: string;
  name: string;
  problemsFound: number;
  problemsRectified: number;
  rectificationRate: number | null;
  overdue: number;
}

export interface UnvisitedTarget {
  staffId: string;
  staffName: string;
  /** The person's duties that reach the target (one row per person and target). */
  rules: DutyRule[];
  kind: DutyTargetKind;
  id: string;
  name: string;
  townId: string;
  townName: string;
}

export interface OvernightWeek {
  staffId: string;
  staffName: string;
  townId: string;
  townName: string;
  weekStart: string;
  weekEnd: string;
  stays: number;
  met: boolean;
}

export interface KeyVillageMonth {
  staffId: string;
  staffName: string;
  villageId: string;
  villageName: string;
  month: Period;
  visits: number;
  met: boolean;
}

export interface VisitCoverage {
  period: DutyPeriod;
  asOf: string;
  totals: Tally & {
    people: number;
    visits: number;
    overnightWeeks: number;
    overnightWeeksMet: number;
    overnightCompliance: number | null;
    keyVillageMonths: number;
    keyVillageMonthsMet: number;
    problemsFound: number;
    problemsRectified: number;
    rectificationRate: number | null;
    overdue: number;
  };
  byRule: RuleCoverage[];
  byPerson: PersonCoverage[];
  byTown: TownCoverage[];
  unvisited: UnvisitedTarget[];
  overnight: OvernightWeek[];
  keyVillages: KeyVillageMonth[];
  overdueProblems: ProblemFact[];
  /** For every headline figure, the records it counted. */
  lineage: FigureLineage[];
}

/** A (person, target) pair of the duty plan, as the lineage names it: derived, so always version 1. */
export const dutyTargetRef = (staffId: string, kind: DutyTargetKind, id: string): RecordRef => ({
  kind: 'duty-target',
  id: `${staffId}>${kind}:${id}`,
  version: 1,
});
const visitRef = (v: VisitFact): RecordRef => ({ kind: 'visit', id: v.id, version: v.version ?? 1 });
const problemRef = (p: ProblemFact): RecordRef => ({ kind: 'problem', id: p.id, version: p.version ?? 1 });

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const tally = (required: number, visited: number): Tally => ({
  required,
  visited,
  coverage: share(visited, required),
});
const inPeriod = (date: string, p: DutyPeriod) => date >= p.start && date <= p.end;

export function analyseVisitCoverage(input: CoverageInput): VisitCoverage {
  const { plan, names, asOf } = input;
  const period = plan.period;
  const town = input.townId;
  const keepTown = (t: string) => town === undefined || t === town;
  // A name missing from the directory reads as a placeholder, never as the id.
  const unitName = (id: string) => names.units.get(id) ?? unknownUnitName;
  const staffName = (id: string) => names.staff.get(id) ?? unknownPersonName;

  // Visits in the period, indexed by person for the lookups below.
  const visits = input.visits.filter((v) => inPeriod(v.date, period));
  const byVisitor = new Map<string, VisitFact[]>();
  for (const v of visits) {
    if (!v.staffId) continue;
    const list = byVisitor.get(v.staffId) ?? [];
    list.push(v);
    byVisitor.set(v.staffId, list);
  }
  const visitedKeys = new Map<string, Set<string>>();
  for (const [staffId, list] of byVisitor) {
    const keys = new Set<string>();
    for (const v of list) {
      keys.add(`${v.targetKind}:${v.targetId}`);
      if (v.villageId) keys.add(`village:${v.villageId}`);
    }
    visitedKeys.set(staffId, keys);
  }

  const ruleTallies = new Map<DutyRule, { required: number; visited: number; people: Set<string> }>();
  const townTallies = new Map<string, { required: number; visited: number }>();
  const byPerson: PersonCoverage[] = [];
  const unvisited: UnvisitedTarget[] = [];
  const overnight: OvernightWeek[] = [];
  const keyVillages: KeyVillageMonth[] = [];
  const requiredRefs: RecordRef[] = [];
  const visitedRefs: RecordRef[] = [];

  for (const person of plan.people) {
    const targets = person.targets.filter((t) => keepTown(t.townId));
    const stays = person.overnightStays.filter((o) => keepTown(o.townId));
    const monthly = person.monthlyVisits.filter((m) =>
      targets.some((t) => t.rule === 'key-village' && t.id === m.villageId),
    );
    if (targets.length === 0 && stays.length === 0) continue;
    const name = staffName(person.staffId);
    const seen = visitedKeys.get(person.staffId) ?? new Set<string>();
    const own = byVisitor.get(person.staffId) ?? [];
    // One entry per distinct target, with every rule of the person's that reaches it.
    const distinct = new Map<
      string,
      { kind: DutyTargetKind; id: string; townId: string; rules: DutyRule[] }
    >();
    for (const t of targets) {
      const key = `${t.kind}:${t.id}`;
      const d = distinct.get(key) ?? { kind: t.kind, id: t.id, townId: t.townId, rules: [] };
      if (!d.rules.includes(t.rule)) d.rules.push(t.rule);
      distinct.set(key, d);
    }
    let visited = 0;
    for (const [key, t] of distinct) {
      const hit = seen.has(key);
      const ref = dutyTargetRef(person.staffId, t.kind, t.id);
      requiredRefs.push(ref);
      if (hit) {
        visited += 1;
        visitedRefs.push(ref);
      }
      for (const rule of t.rules) {
        const r = ruleTallies.get(rule) ?? { required: 0, visited: 0, people: new Set<string>() };
        r.required += 1;
        r.visited += hit ? 1 : 0;
        r.people.add(person.staffId);
        ruleTallies.set(rule, r);
      }
      const tt = townTallies.get(t.townId) ?? { required: 0, visited: 0 };
      tt.required += 1;
      tt.visited += hit ? 1 : 0;
      townTallies.set(t.townId, tt);
      if (!hit) {
        unvisited.push({
          staffId: person.staffId,
          staffName: name,
          rules: dutyRules.filter((r) => t.rules.includes(r)),
          kind: t.kind,
          id: t.id,
          name:
            t.kind === 'household' ? (names.households.get(t.id) ?? unknownHouseholdName) : unitName(t.id),
          townId: t.townId,
          townName: unitName(t.townId),
        });
      }
    }
    let stayWeeks = 0;
    let stayWeeksMet = 0;
    for (const o of stays) {
      for (const w of o.weeks) {
        if (w.partial) continue;
        const count = own.filter(
          (v) => v.overnightStay && v.townId === o.townId && v.date >= w.start && v.date <= w.end,
        ).length;
        const met = count >= o.perWeek;
        stayWeeks += 1;
        stayWeeksMet += met ? 1 : 0;
        overnight.push({
          staffId: person.staffId,
          staffName: name,
          townId: o.townId,
          townName: unitName(o.townId),
          weekStart: w.start,
          weekEnd: w.end,
          stays: count,
          met,
        });
      }
    }
    let keyVillageMonths = 0;
    let keyVillageMonthsMet = 0;
    for (const m of monthly) {
      for (const month of m.months) {
        const span = monthDutyPeriod(month);
        if (span.start < period.start || span.end > period.end) continue;
        const count = own.filter(
          (v) => (v.villageId === m.villageId || v.targetId === m.villageId) && inPeriod(v.date, span),
        ).length;
        const met = count >= m.minVisits;
        keyVillageMonths += 1;
        keyVillageMonthsMet += met ? 1 : 0;
        keyVillages.push({
          staffId: person.staffId,
          staffName: name,
          villageId: m.villageId,
          villageName: unitName(m.villageId),
          month,
          visits: count,
          met,
        });
      }
    }
    byPerson.push({
      staffId: person.staffId,
      name,
      rules: dutyRules.filter((r) => targets.some((t) => t.rule === r)),
      ...tally(distinct.size, visited),
      stayWeeks,
      stayWeeksMet,
      keyVillageMonths,
      keyVillageMonthsMet,
      visits: own.filter((v) => keepTown(v.townId)).length,
    });
  }

  const problems = input.problems.filter((p) => keepTown(p.townId));
  const found = problems.filter((p) => inPeriod(p.visitDate, period));
  const overdueProblems = problems
    .filter((p) => isProblemOverdue(p, asOf))
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.id.localeCompare(b.id));

  const byTown: TownCoverage[] = input.towns
    .filter((t) => keepTown(t.id))
    .map((t) => {
      const tt = townTallies.get(t.id) ?? { required: 0, visited: 0 };
      const tf = found.filter((p) => p.townId === t.id);
      const rectified = tf.filter((p) => p.status === 'rectified').length;
      return {
        townId: t.id,
        name: t.name,
        ...tally(tt.required, tt.visited),
        problemsFound: tf.length,
        problemsRectified: rectified,
        rectificationRate: share(rectified, tf.length),
        overdue: overdueProblems.filter((p) => p.townId === t.id).length,
      };
    });

  const byRule: RuleCoverage[] = dutyRules.flatMap((rule) => {
    const r = ruleTallies.get(rule);
    return r ? [{ rule, people: r.people.size, ...tally(r.required, r.visited) }] : [];
  });
  const required = byPerson.reduce((s, p) => s + p.required, 0);
  const visitedTotal = byPerson.reduce((s, p) => s + p.visited, 0);
  const overnightWeeks = overnight.length;
  const overnightWeeksMet = overnight.filter((w) => w.met).length;
  const rectifiedList = found.filter((p) => p.status === 'rectified');
  const rectified = rectifiedList.length;
  const scopeVisits = visits.filter((v) => keepTown(v.townId));
  const lineage: FigureLineage[] = [
    counted('visit.required', '应走访责任对象（责任人>对象）', requiredRefs),
    counted('visit.visited', '已走访责任对象（责任人>对象）', visitedRefs),
    counted('visit.visits', '走访次数（走访记录）', scopeVisits.map(visitRef)),
    counted('visit.problemsFound', '发现问题（问题记录）', found.map(problemRef)),
    counted('visit.problemsRectified', '已整改问题（问题记录）', rectifiedList.map(problemRef)),
    counted('visit.overdue', '逾期未整改问题（问题记录）', overdueProblems.map(problemRef)),
  ];
  return {
    period,
    asOf,
    lineage,
    totals: {
      ...tally(required, visitedTotal),
      people: byPerson.length,
      visits: scopeVisits.length,
      overnightWeeks,
      overnightWeeksMet,
      overnightCompliance: share(overnightWeeksMet, overnightWeeks),
      keyVillageMonths: keyVillages.length,
      keyVillageMonthsMet: keyVillages.filter((k) => k.met).length,
      problemsFound: found.length,
      problemsRectified: rectified,
      rectificationRate: share(rectified, found.length),
      overdue: overdueProblems.length,
    },
    byRule,
    byPerson,
    byTown,
    unvisited,
    overnight,
    keyVillages,
    overdueProblems,
  };
}

/** The Monday–Sunday week before the one holding `date` (the weekly report's week). */
export function previousWeek(date: string): DutyPeriod {
  const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  // 1970-01-01 was a Thursday: (day - 4) mod 7 is days since Monday.
  const monday = day - ((((day - 4) % 7) + 7) % 7) - 7;
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { start: iso(monday), end: iso(monday + 6) };
}

/** Whose coverage a person sees on the coverage page: their own, their town's, or the county's. */
export type CoverageViewScope =
  { level: 'person'; staffId: string } | { level: 'town'; townId: string } | { level: 'county' };

/** What the coverage page shows: the analysis narrowed to what the viewer may see. */
export interface CoverageView {
  level: CoverageViewScope['level'];
  period: DutyPeriod;
  asOf: string;
  totals: Tally & { people: number; visits: number; problemsFound: number; overdue: number };
  byRule: RuleCoverage[];
  byPerson: PersonCoverage[];
  byTown: TownCoverage[];
  unvisited: UnvisitedTarget[];
  /** How many unvisited targets there are (the list is cut at `unvisitedLimit`). */
  unvisitedTotal: number;
}

export const unvisitedLimit = 500;

/**
 * Narrows an analysis to the viewer: a person their own line and their own
 * unvisited targets (totals recounted from them), a town its people and targets
 * (the analysis is already made for the town), the county everything.
 */
export function coverageView(a: VisitCoverage, scope: CoverageViewScope): CoverageView {
  const mine = scope.level === 'person';
  const byPerson = mine ? a.byPerson.filter((p) => p.staffId === scope.staffId) : a.byPerson;
  const unvisited = mine ? a.unvisited.filter((u) => u.staffId === scope.staffId) : a.unvisited;
  const own = byPerson[0];
  const totals = mine
    ? {
        ...tally(own?.required ?? 0, own?.visited ?? 0),
        people: byPerson.length,
        visits: own?.visits ?? 0,
        problemsFound: 0,
        overdue: 0,
      }
    : {
        required: a.totals.required,
        visited: a.totals.visited,
        coverage: a.totals.coverage,
        people: a.totals.people,
        visits: a.totals.visits,
        problemsFound: a.totals.problemsFound,
        overdue: a.totals.overdue,
      };
  return {
    level: scope.level,
    period: a.period,
    asOf: a.asOf,
    totals,
    byRule: mine ? [] : a.byRule,
    byPerson,
    byTown: scope.level === 'county' ? a.byTown : [],
    unvisited: unvisited.slice(0, unvisitedLimit),
    unvisitedTotal: unvisited.length,
  };
}
