/**
 * Who receives a report: resolved from the directory by report kind and scope.
 * Everyone gets the report of their own scope only: county-wide reports go to
 * county-level people, a town's report to that town's people.
 */
import type { Role } from '../auth/roles.ts';
import type { ReportKind } from '../org/staff.schema.ts';

/** What recipient resolution needs to know of a person in the directory. */
export interface DirectoryPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  unitId: string;
  townId?: string;
  position?: string;
  active: boolean;
}

/** The unit a report is about: the whole county, or one town. */
export interface ReportScope {
  level: 'county' | 'town';
  unitId: string;
}

/** A directory entry naming a person as recipient of a kind for a scope (`ReportRecipient`). */
export interface RecipientEntry {
  reportKind: string;
  scopeUnitId: string;
  staffId: string;
}

/**
 * Kinds delivered to the people of another kind: the quarterly income pack goes
 * to whoever receives the monthly income analysis (by role and by directory
 * entry), so the directory names them once.
 */
const recipientsOfKind = {
  'quarterly-income': 'monthly-income',
} as const satisfies Partial<Record<ReportKind, ReportKind>>;

/** A kind whose recipients are its own. */
type RecipientKind = Exclude<ReportKind, keyof typeof recipientsOfKind>;

/** The kind whose recipients a report of `kind` goes to. */
export function recipientKindOf(kind: ReportKind): RecipientKind {
  return kind in recipientsOfKind
    ? recipientsOfKind[kind as keyof typeof recipientsOfKind]
    : (kind as RecipientKind);
}

/** County-level roles that receive each county-wide report by default. */
const countyRoles: Record<RecipientKind, readonly Role[]> = {
  'monthly-income': ['leader', 'coordination-office', 'monitoring-centre'],
  'visit-coverage': ['leader', 'coordination-office'],
  'petition-summary': ['leader', 'coordination-office'],
  'data-quality': ['coordination-office', 'monitoring-centre'],
  'reminder-letter': ['coordination-office'],
};

/** A town's heads: its town staff, its party and government heads, and the county leader linked to it. */
function isTownHead(p: DirectoryPerson, townId: string): boolean {
  const inTown = p.townId === townId || p.unitId === townId;
  if (p.role === 'town-staff' && inTown) return true;
  if (p.position === 'town-head' && inTown) return true;
  return p.role === 'leader' && p.townId === townId;
}

/** County-level people: a leader linked to a town reaches that town only (see `reachOf`). */
function isCountyLevel(p: DirectoryPerson, countyCode: string, kind: RecipientKind): boolean {
  if (!countyRoles[kind].includes(p.role)) return false;
  if (p.role === 'leader') return p.townId === undefined && p.unitId === countyCode;
  return true;
}

/**
 * The recipients of a report of `kind` for `scope`: the people the rules above
 * name, together with those the directory names for that kind and scope. Only
 * active people with an email address; each address once; in a stable order.
 */
export function resolveRecipients(input: {
  kind: ReportKind;
  scope: ReportScope;
  countyCode: string;
  people: readonly DirectoryPerson[];
  entries?: readonly RecipientEntry[];
}): DirectoryPerson[] {
  const { scope, countyCode, people } = input;
  const kind = recipientKindOf(input.kind);
  const named = new Set(
    (input.entries ?? [])
      .filter((e) => e.reportKind === kind && e.scopeUnitId === scope.unitId)
      .map((e) => e.staffId),
  );
  const chosen = people.filter(
    (p) =>
      named.has(p.id) ||
      (scope.level === 'county' ? isCountyLevel(p, countyCode, kind) : isTownHead(p, scope.unitId)),
  );
  return dedupe(chosen);
}

/** The county office told when a delivery finally fails: the coordination office and the county administrators. */
export function countyOfficeContacts(people: readonly DirectoryPerson[]): DirectoryPerson[] {
  return dedupe(people.filter((p) => p.role === 'coordination-office' || p.role === 'county-admin'));
}

function dedupe(people: readonly DirectoryPerson[]): DirectoryPerson[] {
  const seen = new Set<string>();
  return [...people]
    .filter((p) => p.active && p.email !== '')
    .sort((a, b) => a.id.localeCompare(b.id))
    .filter((p) => {
      const key = p.email.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
