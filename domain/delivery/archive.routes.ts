/** The archive's routes: search, download, verify, the emailed links, the audit trail, delivery status. */
import type { RouteDef } from '../system/route.ts';

/** archive and delivery: who may search, download and verify archived reports. */
const archiveReaders = ['auditor', 'county-admin', 'coordination-office'] as const;

export const archiveRoutes = [
  // archive and delivery
  {
    id: 'searchArchive',
    method: 'GET',
    path: '/api/archive/reports',
    handler: 'archive/search',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'getArchivedReport',
    method: 'GET',
    path: '/api/archive/reports/{id}',
    handler: 'archive/report',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    // A GET that writes: the audit entry of the download is stored before the link is given out.
    id: 'downloadArchivedReport',
    method: 'GET',
    path: '/api/archive/reports/{id}/download',
    handler: 'archive/download',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'write', archive: 'read' },
  },
  {
    // The download link of a report email (files too large to attach). Public: the
    // link's unguessable token is the credential, and the recipient may not be signed
    // in. A GET that writes, as above: the download is recorded, then a 302 to a
    // presigned URL valid for minutes (domain/delivery/email-link.ts).
    id: 'followEmailLink',
    method: 'GET',
    path: '/api/archive/links/{token}',
    handler: 'archive/link',
    roles: [],
    scope: 'none',
    access: { table: 'write', archive: 'read' },
  },
  {
    id: 'verifyArchivedReport',
    method: 'GET',
    path: '/api/archive/verify/{sha256}',
    handler: 'archive/verify',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'listArchiveDownloads',
    method: 'GET',
    path: '/api/audit/downloads',
    handler: 'archive/audit',
    roles: archiveReaders,
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'listDeliveries',
    method: 'GET',
    path: '/api/deliveries',
    handler: 'archive/deliveries',
    roles: ['county-admin', 'coordination-office'],
    scope: 'county',
    access: { table: 'read' },
  },
] as const satisfies readonly RouteDef[];
