/**
 * Key builders: the only place that knows how records sit in the table. Every
 * partition starts with the county (`C#610999#...`) so one deployment can serve
 * many counties without a migration.
 */
import type { Period } from '#domain/shared/period.ts';

const c = (county: string) => `C#${county}`;

export const keys = {
  orgUnits: (county: string) => ({ pk: `${c(county)}#ORG` }),
  orgUnit: (county: string, unitId: string) => ({ pk: `${c(county)}#ORG`, sk: unitId }),
  /** Marks a county as seeded, so restarts keep data and do not seed twice. */
  seedMarker: (county: string) => ({ pk: `${c(county)}#META`, sk: 'SEED' }),
  staffAll: (county: string) => ({ pk: `${c(county)}#STAFF` }),
  staff: (county: string, staffId: string) => ({ pk: `${c(county)}#STAFF`, sk: staffId }),
  household: (county: string, id: string) => ({ pk: `${c(county)}#HH#${id}`, sk: 'HH' }),
  /** gsi1: the households of a village. */
  householdByVillage: (county: string, villageId: string, id: string) => ({
    gsi1pk: `${c(county)}#VIL#${villageId}#HH`,
    gsi1sk: id,
  }),
  villageHouseholds: (county: string, villageId: string) => ({ gsi1pk: `${c(county)}#VIL#${villageId}#HH` }),
  /** Income records of a period, partitioned by village so month-end writes spread out. */
  income: (county: string, period: Period, villageId: string, householdId: string) => ({
    pk: `${c(county)}#INC#${period}#V#${villageId}`,
    sk: householdId,
  }),
  incomeOfVillage: (county: string, period: Period, villageId: string) => ({
    pk: `${c(county)}#INC#${period}#V#${villageId}`,
  }),
  /** gsi1: a household's income over the months. */
  incomeByHousehold: (county: string, householdId: string, period: Period) => ({
    gsi1pk: `${c(county)}#HH#${householdId}#INC`,
    gsi1sk: period,
  }),
  /** History of a household's records: immutable, one item per version. */
  history: (county: string, householdId: string, recordKind: string, period: string, version: number) => ({
    pk: `${c(county)}#HIST#${householdId}`,
    sk: `${recordKind}#${period}#V${String(version).padStart(6, '0')}`,
  }),
  /** Marker of a processed submission id: retries find it and store nothing new. */
  submission: (county: string, submissionId: string) => ({ pk: `${c(county)}#SUB#${submissionId}`, sk: 'SUB' }),
  /** Archived reports: one item per file. */
  report: (county: string, reportId: string) => ({ pk: `${c(county)}#RPT#${reportId}`, sk: 'RPT' }),
  reportsByTime: (county: string, generatedAt: string, reportId: string) => ({
    gsi1pk: `${c(county)}#RPTS`,
    gsi1sk: `${generatedAt}#${reportId}`,
  }),
  /** gsi2: find an archived report by the SHA-256 of its PDF (the auditor's verify page). */
  reportBySha: (county: string, sha256: string, reportId: string) => ({
    gsi2pk: `${c(county)}#SHA#${sha256}`,
    gsi2sk: reportId,
  }),
  /** Delivery of one report to one recipient: exists once, claimed conditionally. */
  delivery: (county: string, reportKey: string, recipient: string) => ({
    pk: `${c(county)}#DLV#${reportKey}`,
    sk: recipient,
  }),
} as const;

/** Strips key attributes before a stored item leaves the adapter. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  return rest;
}
