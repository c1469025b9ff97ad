/**
 * Key builders: the only place that knows how records sit in the table. Every
 * partition starts with the county (`C#610999#...`) so one deployment can serve
 * many counties without a migration.
 */
import { createHash } from 'node:crypto';
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
  submission: (county: string, submissionId: string) => ({
    pk: `${c(county)}#SUB#${submissionId}`,
    sk: 'SUB',
  }),
  /** A record of one of the registers (visit, problem, petition…). */
  record: (county: string, kind: string, id: string) => ({ pk: `${c(county)}#REC#${kind}#${id}`, sk: 'REC' }),
  /** gsi1: a register's records of one town, ordered by creation. */
  recordsByTown: (
    county: string,
    kind: string,
    townId: string | undefined,
    createdAt: string,
    id: string,
  ) => ({
    gsi1pk: `${c(county)}#KIND#${kind}#T#${townId ?? '-'}`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  /** gsi2: a register's records across the county, ordered by creation. */
  recordsOfCounty: (county: string, kind: string, createdAt: string, id: string) => ({
    gsi2pk: `${c(county)}#KIND#${kind}`,
    gsi2sk: `${createdAt}#${id}`,
  }),
  recordHistory: (county: string, kind: string, id: string, version?: number) => ({
    pk: `${c(county)}#RHIST#${kind}#${id}`,
    ...(version === undefined ? {} : { sk: `V${String(version).padStart(6, '0')}` }),
  }),
  // archive and delivery
  /** Archived reports: one item per (kind, period, scope); the report id names that slot. */
  report: (county: string, reportId: string) => ({ pk: `${c(county)}#RPT#${reportId}`, sk: 'RPT' }),
  /** gsi1: the archive by period, then kind and scope (the auditors' search). */
  reportsByPeriod: (county: string, period: string, kind: string, scope: string) => ({
    gsi1pk: `${c(county)}#RPTS`,
    gsi1sk: `${period}#${kind}#${scope}`,
  }),
  reportsAll: (county: string) => ({ gsi1pk: `${c(county)}#RPTS` }),
  /** gsi2: find an archived report by the SHA-256 of its PDF (the auditor's verify page). */
  reportBySha: (county: string, sha256: string, reportId: string) => ({
    gsi2pk: `${c(county)}#SHA#${sha256}`,
    gsi2sk: reportId,
  }),
  reportsWithSha: (county: string, sha256: string) => ({ gsi2pk: `${c(county)}#SHA#${sha256}` }),
  /** Delivery of one report to one recipient: exists once, claimed conditionally. */
  delivery: (county: string, reportId: string, recipient: string) => ({
    pk: `${c(county)}#DLV#${reportId}`,
    sk: recipient,
  }),
  deliveriesOfReport: (county: string, reportId: string) => ({ pk: `${c(county)}#DLV#${reportId}` }),
  /** gsi1: every delivery of a period, for the county office's status page. */
  deliveryByPeriod: (county: string, period: string, reportId: string, recipient: string) => ({
    gsi1pk: `${c(county)}#DLVP#${period}`,
    gsi1sk: `${reportId}#${recipient}`,
  }),
  deliveriesOfPeriod: (county: string, period: string) => ({ gsi1pk: `${c(county)}#DLVP#${period}` }),
  /** gsi2: deliveries waiting for another attempt, by the time it is due (removed once sent or given up). */
  deliveryRetry: (county: string, dueAt: string, reportId: string, recipient: string) => ({
    gsi2pk: `${c(county)}#DLVRETRY`,
    gsi2sk: `${dueAt}#${reportId}#${recipient}`,
  }),
  deliveryRetryQueue: (county: string) => ({ gsi2pk: `${c(county)}#DLVRETRY` }),
  /** Marker: the county office has been told that this delivery was given up (told once). */
  deliveryAlert: (county: string, reportId: string, recipient: string) => ({
    pk: `${c(county)}#DLVALERT#${reportId}`,
    sk: recipient,
  }),
  /** The audit trail of archive downloads, newest last by time. */
  auditEntry: (county: string, at: string, id: string) => ({ pk: `${c(county)}#AUDIT`, sk: `${at}#${id}` }),
  auditTrail: (county: string) => ({ pk: `${c(county)}#AUDIT` }),
  /** A download link sent by email, keyed by the SHA-256 of its secret (the secret itself is stored nowhere). */
  emailLink: (county: string, secretHash: string) => ({
    pk: `${c(county)}#ELINK#${secretHash}`,
    sk: 'ELINK',
  }),
  /** gsi1: the links made for a report, oldest first (what an auditor sees beside its deliveries). */
  emailLinkOfReport: (county: string, reportId: string, createdAt: string, linkId: string) => ({
    gsi1pk: `${c(county)}#ELINKS#${reportId}`,
    gsi1sk: `${createdAt}#${linkId}`,
  }),
  emailLinksOfReport: (county: string, reportId: string) => ({ gsi1pk: `${c(county)}#ELINKS#${reportId}` }),
  /** A counter bumped before any write to households or people (the rule sweep's cue to re-read people). */
  directoryVersion: (county: string) => ({ pk: `${c(county)}#DIRVER`, sk: 'DIRVER' }),
  /** What the last complete logic-rule sweep read: the directory version it saw. */
  ruleSweepState: (county: string) => ({ pk: `${c(county)}#RULESWEEP`, sk: 'STATE' }),
  /** Who the directory names as recipient of a report kind for a scope (`ReportRecipient`). */
  reportRecipient: (county: string, reportKind: string, scopeUnitId: string, staffId: string) => ({
    pk: `${c(county)}#RCPT`,
    sk: `${reportKind}#${scopeUnitId}#${staffId}`,
  }),
  reportRecipients: (county: string) => ({ pk: `${c(county)}#RCPT` }),
  // county directory, import and accounts
  /**
   * A person, keyed by a hash of the ID number: one person, one item, whichever
   * household lists them (so a duplicate across households is one BatchGet away),
   * and no ID number in any key that logs or metrics might show.
   */
  person: (county: string, idNumber: string) => ({ pk: `${c(county)}#PID#${idHash(idNumber)}`, sk: 'P' }),
  /** gsi1: the members of a household, in member order. */
  personByHousehold: (county: string, householdId: string, personId: string) => ({
    gsi1pk: `${c(county)}#HH#${householdId}#P`,
    gsi1sk: personId,
  }),
  householdMembers: (county: string, householdId: string) => ({ gsi1pk: `${c(county)}#HH#${householdId}#P` }),
  /** gsi2: households by the head's name (the search of the directory pages). */
  householdByHeadName: (county: string, headName: string, id: string) => ({
    gsi2pk: `${c(county)}#HHNAME#${headName}`,
    gsi2sk: id,
  }),
  householdsNamed: (county: string, headName: string) => ({ gsi2pk: `${c(county)}#HHNAME#${headName}` }),
  /** Duty assignments, one item per pair (`assignmentKey`). */
  dutyAssignment: (county: string, kind: string, staffId: string, targetId: string) => ({
    pk: `${c(county)}#DUTY`,
    sk: `${kind}#${staffId}#${targetId}`,
  }),
  dutyAssignments: (county: string) => ({ pk: `${c(county)}#DUTY` }),
  /** The information-officer roster, one item per (unit, person). */
  informationOfficer: (county: string, unitId: string, staffId: string) => ({
    pk: `${c(county)}#INFO`,
    sk: `${unitId}#${staffId}`,
  }),
  informationOfficers: (county: string) => ({ pk: `${c(county)}#INFO` }),
  /** An import: its metadata, the uploaded file in chunks, and the checked rows in batches. */
  importMeta: (county: string, importId: string) => ({ pk: `${c(county)}#IMP#${importId}`, sk: 'META' }),
  importChunk: (county: string, importId: string, index: number) => ({
    pk: `${c(county)}#IMP#${importId}`,
    sk: `CHUNK#${String(index).padStart(4, '0')}`,
  }),
  importBatch: (county: string, importId: string, index: number) => ({
    pk: `${c(county)}#IMP#${importId}`,
    sk: `BATCH#${String(index).padStart(4, '0')}`,
  }),
  // data quality and reminder letters
  /** A reminder letter's binding: its frozen content and, once allocated, its number (one per town per day). */
  letter: (county: string, letterKey: string) => ({ pk: `${c(county)}#LTR`, sk: letterKey }),
  letters: (county: string) => ({ pk: `${c(county)}#LTR` }),
  /** The year's letter counter: the last number given and the letter it went to. */
  letterCounter: (county: string, year: number) => ({ pk: `${c(county)}#LTRSEQ`, sk: String(year) }),
} as const;

/** A one-way name for an ID number in keys; the number itself stays inside the item. */
function idHash(idNumber: string): string {
  return createHash('sha256').update(`shouwang-person:${idNumber}`).digest('hex').slice(0, 32);
}

/** Strips key attributes before a stored item leaves the adapter. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, ...rest } = item;
  return rest;
}
