/**
 * The data-quality analysis (数据质量通报) for one month: errors found and
 * corrected by kind and by town, logic-rule failures, information-officer
 * staffing and spot-check results. Pure: the job reads the records and passes
 * them in.
 */
import type { OrgUnit } from '../org/org.schema.ts';
import type { InformationOfficer } from '../org/staff.schema.ts';
import { staffingCompliance, type StaffingSummary, type UnitStaffing } from '../org/staffing.ts';
import { counted, type FigureLineage, type RecordRef } from '../shared/lineage.ts';
import { lastDayOfPeriod, shanghaiDate, type Period } from '../shared/period.ts';
import {
  infoKinds,
  foundByKinds,
  spotCheckMethods,
  type DataError,
  type FoundBy,
  type InfoKind,
  type InfoOfficer,
  type SpotCheck,
} from './quality.schema.ts';
import { ruleIds, type RuleId } from './quality.rules.ts';

/** The part of a stored record the analysis reads. */
export interface Located<T> {
  id: string;
  /** The version read (for the lineage); 1 when unknown. */
  version?: number;
  townId?: string;
  villageId?: string;
  createdAt: string;
  data: T;
}

export interface FoundCorrected {
  found: number;
  corrected: number;
  /** corrected / found; 0 when nothing was found. */
  rate: number;
}

export interface TownQuality extends FoundCorrected {
  townId: string;
  townName: string;
  /** Open errors of the town, whenever found. */
  open: number;
  officersRequired: number;
  officersMissing: number;
}

export interface QualityAnalysis {
  period: Period;
  totals: FoundCorrected & { open: number; ruleFailures: number; spotChecks: number; spotProblems: number };
  byKind: (FoundCorrected & { kind: InfoKind })[];
  byFoundBy: (FoundCorrected & { foundBy: FoundBy })[];
  byTown: TownQuality[];
  rules: { ruleId: RuleId; found: number; corrected: number }[];
  staffing: {
    units: number;
    compliant: number;
    required: number;
    actual: number;
    shortfalls: UnitStaffing[];
  };
  spotChecks: { method: SpotCheck['method']; count: number; withProblems: number; problems: number }[];
  /** The month's errors, for the detail table and the workbook. */
  errors: Located<DataError>[];
  /** Names of the scope's units by id, so the detail rows print 镇 and 村 by name. */
  unitNames: Record<string, string>;
  /** For every headline figure, the records it counted. */
  lineage: FigureLineage[];
}

/**
 * Staffing of every unit judged on the roster register, with the directory's rule
 * (`staffingCompliance`): each roster entry stands in for one person, active ones count.
 */
export function rosterStaffing(
  units: readonly OrgUnit[],
  officers: readonly Located<InfoOfficer>[],
): StaffingSummary {
  const roster: InformationOfficer[] = officers.map((o) => ({
    countyCode: '000000',
    unitId: o.data.unitId,
    staffId: o.id,
  }));
  return staffingCompliance(
    units,
    roster,
    officers.map((o) => ({ id: o.id, active: o.data.active })),
  );
}

const rate = (corrected: number, found: number) => (found === 0 ? 0 : corrected / found);

/** The day an error was found: its own date, or the day it was recorded. */
const foundOnOf = (e: Located<DataError>) => e.data.foundOn ?? shanghaiDate(new Date(e.createdAt));

/**
 * Whether an error stood corrected at the end of the day `asOf`: closed, with the
 * correction made by then. An error corrected later was still open then.
 */
export const correctedBy = (e: Located<DataError>, asOf: string): boolean =>
  e.data.status === 'closed' && (e.data.fixedOn ?? asOf) <= asOf;

const ref =
  (kind: string) =>
  (r: Located<unknown>): RecordRef => ({ kind, id: r.id, version: r.version ?? 1 });

/**
 * Analyses one month, as it stood at the month's end. `errors` may hold every
 * error of the scope (in the version they had at the month's end, or as found when
 * recorded later): those found in the month are counted as found, and as corrected
 * when corrected by the month's end; every error found by the month's end and not
 * corrected by then counts as open. Spot checks count by the day of the check.
 */
export function analyseDataQuality(input: {
  period: Period;
  units: readonly OrgUnit[];
  errors: readonly Located<DataError>[];
  spotChecks: readonly Located<SpotCheck>[];
  officers: readonly Located<InfoOfficer>[];
}): QualityAnalysis {
  const { period } = input;
  const end = lastDayOfPeriod(period);
  const fc = (list: readonly Located<DataError>[]): FoundCorrected => {
    const corrected = list.filter((e) => correctedBy(e, end)).length;
    return { found: list.length, corrected, rate: rate(corrected, list.length) };
  };
  const openAtEnd = input.errors.filter((e) => foundOnOf(e) <= end && !correctedBy(e, end));
  const month = input.errors
    .filter((e) => foundOnOf(e).startsWith(period))
    .sort((a, b) => (a.townId ?? '').localeCompare(b.townId ?? '') || a.id.localeCompare(b.id));
  const checks = input.spotChecks.filter((s) => s.data.checkedOn.startsWith(period));

  const staffing = rosterStaffing(input.units, input.officers);
  const towns = input.units.filter((u) => u.kind === 'town').sort((a, b) => a.id.localeCompare(b.id));

  const byTown: TownQuality[] = towns.map((t) => {
    const own = month.filter((e) => e.townId === t.id);
    const units = staffing.units.filter((u) => u.townId === t.id);
    return {
      townId: t.id,
      townName: t.name,
      ...fc(own),
      open: openAtEnd.filter((e) => e.townId === t.id).length,
      officersRequired: units.reduce((s, u) => s + u.required, 0),
      officersMissing: units.reduce((s, u) => s + u.missing, 0),
    };
  });

  const ruleErrors = month.filter((e) => e.data.foundBy === 'logic-rule');
  return {
    period,
    totals: {
      ...fc(month),
      open: openAtEnd.length,
      ruleFailures: ruleErrors.length,
      spotChecks: checks.length,
      spotProblems: checks.reduce((s, c) => s + c.data.problemCount, 0),
    },
    byKind: infoKinds.map((kind) => ({ kind, ...fc(month.filter((e) => e.data.infoKind === kind)) })),
    byFoundBy: foundByKinds.map((foundBy) => ({
      foundBy,
      ...fc(month.filter((e) => e.data.foundBy === foundBy)),
    })),
    byTown,
    rules: ruleIds
      .map((ruleId) => {
        const own = ruleErrors.filter((e) => e.data.ruleId === ruleId);
        return { ruleId, found: own.length, corrected: own.filter((e) => correctedBy(e, end)).length };
      })
      .filter((r) => r.found > 0),
    staffing: {
      units: staffing.units.length,
      compliant: staffing.units.filter((u) => u.missing === 0).length,
      required: staffing.units.reduce((s, u) => s + u.required, 0),
      actual: staffing.units.reduce((s, u) => s + Math.min(u.actual, u.required), 0),
      shortfalls: staffing.shortfalls,
    },
    spotChecks: spotCheckMethods.map((method) => {
      const own = checks.filter((c) => c.data.method === method);
      return {
        method,
        count: own.length,
        withProblems: own.filter((c) => c.data.result === 'problems').length,
        problems: own.reduce((s, c) => s + c.data.problemCount, 0),
      };
    }),
    errors: month,
    unitNames: Object.fromEntries(input.units.map((u) => [u.id, u.name])),
    lineage: [
      counted('quality.found', '本月发现错误（数据错误记录）', month.map(ref('data-error'))),
      counted(
        'quality.corrected',
        '其中月末前已修正（数据错误记录）',
        month.filter((e) => correctedBy(e, end)).map(ref('data-error')),
      ),
      counted('quality.ruleFailures', '逻辑校验发现（数据错误记录）', ruleErrors.map(ref('data-error'))),
      counted('quality.open', '截至月末未修正（数据错误记录）', openAtEnd.map(ref('data-error'))),
      counted('quality.spotChecks', '本月抽查（抽查记录）', checks.map(ref('spot-check'))),
      counted(
        'quality.officers',
        '在岗信息员（信息员记录）',
        input.officers.filter((o) => o.data.active).map(ref('info-officer')),
      ),
    ],
  };
}
