import type { Role, Scope } from '../auth/roles.ts';

/**
 * The route table: the one description of the HTTP API. The CDK app creates one
 * HTTP API route (and one function) per entry; the local runtime serves the same
 * entries; the authorisation middleware reads `roles` and `scope`.
 */
export interface RouteDef {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax, e.g. `/api/households/{id}`. */
  path: string;
  /** Folder under `functions/` holding `handler.ts`. */
  handler: string;
  /** Roles that may call the route; empty means public (no token). */
  roles: readonly Role[];
  /** How far the caller reaches, checked against the stored record. */
  scope: Scope;
  /** Tables and buckets the function needs, for least-privilege grants. */
  access: { table?: 'read' | 'write'; archive?: 'read' | 'write'; email?: boolean };
}

const incomeWriters = ['village-officer', 'town-staff', 'monitoring-centre', 'county-admin'] as const;
/** archive and delivery: who may search, download and verify archived reports. */
const archiveReaders = ['auditor', 'county-admin', 'coordination-office'] as const;

export const routes = [
  {
    id: 'submitIncome',
    method: 'POST',
    path: '/api/income',
    handler: 'submit-income',
    roles: incomeWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'listHouseholds',
    method: 'GET',
    path: '/api/households',
    handler: 'list-households',
    roles: [...incomeWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  // archive and delivery
  {
    id: 'searchArchive',
    method: 'GET',
    path: '/api/archive/reports',
    handler: 'archive-search',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'getArchivedReport',
    method: 'GET',
    path: '/api/archive/reports/{id}',
    handler: 'archive-report',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    // A GET that writes: the audit entry of the download is stored before the link is given out.
    id: 'downloadArchivedReport',
    method: 'GET',
    path: '/api/archive/reports/{id}/download',
    handler: 'archive-download',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'write', archive: 'read' },
  },
  {
    id: 'verifyArchivedReport',
    method: 'GET',
    path: '/api/archive/verify/{sha256}',
    handler: 'archive-verify',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'listArchiveDownloads',
    method: 'GET',
    path: '/api/audit/downloads',
    handler: 'archive-audit',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'listDeliveries',
    method: 'GET',
    path: '/api/deliveries',
    handler: 'deliveries-list',
    roles: ['county-admin', 'coordination-office'],
    scope: 'county',
    access: { table: 'read' },
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDef {
  const r = routes.find((x) => x.id === id);
  if (!r) throw new Error(`unknown route ${id}`);
  return r;
}
