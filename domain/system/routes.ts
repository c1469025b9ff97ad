import { roles, type Role, type Scope } from '../auth/roles.ts';

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
  access: {
    table?: 'read' | 'write';
    archive?: 'read' | 'write';
    email?: boolean;
    /** Cognito admin calls on the county's user pool (account creation and disabling). */
    userPool?: 'admin';
  };
}

const incomeWriters = ['village-officer', 'town-staff', 'monitoring-centre', 'county-admin'] as const;
/** income cycle: who keeps the assistance ledger (帮扶台账). */
const assistanceWriters = [
  'village-officer',
  'assistance-cadre',
  'town-staff',
  'monitoring-centre',
  'county-admin',
] as const;
/** archive and delivery: who may search, download and verify archived reports. */
const archiveReaders = ['auditor', 'county-admin', 'coordination-office'] as const;
/** petitions and public opinion: who takes in petitions (village screening, town and county windows), who reads them. */
const petitionWriters = [
  'village-officer',
  'assistance-cadre',
  'town-staff',
  'coordination-office',
  'county-admin',
] as const;
const petitionReaders = [...petitionWriters, 'monitoring-centre', 'leader'] as const;
const opinionWriters = ['town-staff', 'coordination-office', 'county-admin'] as const;
const meetingWriters = [
  'village-officer',
  'assistance-cadre',
  'town-staff',
  'department-staff',
  'coordination-office',
  'county-admin',
] as const;

/**
 * visits and inspections: who records visits and keeps the problem ledger (county
 * leaders read; their visits are entered by the coordination office), and who reads.
 */
const visitWriters = [
  'village-officer',
  'assistance-cadre',
  'town-staff',
  'department-staff',
  'coordination-office',
  'county-admin',
] as const;
const visitReaders = [...visitWriters, 'monitoring-centre', 'leader'] as const;
function visitRoutes() {
  const read = { table: 'read' } as const;
  return [
    {
      id: 'createVisit',
      method: 'POST',
      path: '/api/visits',
      handler: 'visit-create',
      roles: visitWriters,
      scope: 'village',
      access: { table: 'write' },
    },
    {
      id: 'listVisitTargets',
      method: 'GET',
      path: '/api/visits/targets',
      handler: 'visit-targets',
      roles: visitWriters,
      scope: 'village',
      access: read,
    },
    {
      id: 'listVisits',
      method: 'GET',
      path: '/api/visits',
      handler: 'visit-list',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportVisits',
      method: 'GET',
      path: '/api/visits/export',
      handler: 'visit-export',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'visitHistory',
      method: 'GET',
      path: '/api/visits/{id}/history',
      handler: 'visit-history',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'listProblems',
      method: 'GET',
      path: '/api/problems',
      handler: 'problem-list',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportProblems',
      method: 'GET',
      path: '/api/problems/export',
      handler: 'problem-export',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'problemHistory',
      method: 'GET',
      path: '/api/problems/{id}/history',
      handler: 'problem-history',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'updateProblem',
      method: 'PUT',
      path: '/api/problems/{id}',
      handler: 'problem-update',
      roles: visitWriters,
      scope: 'village',
      access: { table: 'write' },
    },
  ] as const;
}

/**
 * data quality (数据质量提升): error records, logic-rule runs, spot checks, the
 * information-officer roster and joint meetings. Village officers record and
 * correct their village's errors; towns and county bodies check and correct.
 */
const qualityWriters = [
  'village-officer',
  'town-staff',
  'department-staff',
  'monitoring-centre',
  'coordination-office',
  'county-admin',
] as const;
const qualityReaders = [...qualityWriters, 'leader'] as const;
const qualityCounty = ['monitoring-centre', 'coordination-office', 'county-admin'] as const;
const meetingReaders = [...qualityCounty, 'department-staff', 'leader'] as const;
const rosterWriters = ['town-staff', 'monitoring-centre', 'coordination-office', 'county-admin'] as const;
function qualityRoutes() {
  const read = { table: 'read' } as const;
  const write = { table: 'write' } as const;
  return [
    {
      id: 'createDataError',
      method: 'POST',
      path: '/api/quality/errors',
      handler: 'quality-error-create',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listDataErrors',
      method: 'GET',
      path: '/api/quality/errors',
      handler: 'quality-error-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportDataErrors',
      method: 'GET',
      path: '/api/quality/errors/export',
      handler: 'quality-error-export',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'closeDataError',
      method: 'POST',
      path: '/api/quality/errors/{id}/close',
      handler: 'quality-error-close',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'dataErrorHistory',
      method: 'GET',
      path: '/api/quality/errors/{id}/history',
      handler: 'quality-error-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'runQualityRules',
      method: 'POST',
      path: '/api/quality/rule-runs',
      handler: 'quality-rule-run',
      roles: qualityCounty,
      scope: 'county',
      access: write,
    },
    {
      id: 'createSpotCheck',
      method: 'POST',
      path: '/api/quality/spot-checks',
      handler: 'quality-spot-check-create',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listSpotChecks',
      method: 'GET',
      path: '/api/quality/spot-checks',
      handler: 'quality-spot-check-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportSpotChecks',
      method: 'GET',
      path: '/api/quality/spot-checks/export',
      handler: 'quality-spot-check-export',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'spotCheckHistory',
      method: 'GET',
      path: '/api/quality/spot-checks/{id}/history',
      handler: 'quality-spot-check-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'addInfoOfficer',
      method: 'POST',
      path: '/api/quality/officers',
      handler: 'quality-officer-add',
      roles: rosterWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listInfoOfficers',
      method: 'GET',
      path: '/api/quality/officers',
      handler: 'quality-officer-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'removeInfoOfficer',
      method: 'POST',
      path: '/api/quality/officers/{id}/remove',
      handler: 'quality-officer-remove',
      roles: rosterWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'infoOfficerHistory',
      method: 'GET',
      path: '/api/quality/officers/{id}/history',
      handler: 'quality-officer-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'officerStaffing',
      method: 'GET',
      path: '/api/quality/staffing',
      handler: 'quality-staffing',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'createQualityMeeting',
      method: 'POST',
      path: '/api/quality/meetings',
      handler: 'quality-meeting-create',
      roles: qualityCounty,
      scope: 'county',
      access: write,
    },
    {
      id: 'listQualityMeetings',
      method: 'GET',
      path: '/api/quality/meetings',
      handler: 'quality-meeting-list',
      roles: meetingReaders,
      scope: 'county',
      access: read,
    },
    {
      id: 'qualityMeetingHistory',
      method: 'GET',
      path: '/api/quality/meetings/{id}/history',
      handler: 'quality-meeting-history',
      roles: meetingReaders,
      scope: 'county',
      access: read,
    },
  ] as const;
}

/** county directory: who may browse the org tree and households (each within their reach). */
const directoryReaders = [
  'county-admin',
  'monitoring-centre',
  'coordination-office',
  'town-staff',
  'village-officer',
  'leader',
] as const;

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
  // income cycle (收入分析研判): review, county comparison, entry windows, ledgers, assistance
  {
    id: 'reviewIncome',
    method: 'POST',
    path: '/api/income/review',
    handler: 'income-review',
    roles: ['town-staff'],
    scope: 'town',
    access: { table: 'write' },
  },
  {
    id: 'flagIncomeByCounty',
    method: 'POST',
    path: '/api/income/county-flags',
    handler: 'income-county-flag',
    roles: ['monitoring-centre', 'county-admin'],
    scope: 'county',
    access: { table: 'write' },
  },
  {
    id: 'incomeHistory',
    method: 'GET',
    path: '/api/income/{period}/{id}/history',
    handler: 'income-history',
    roles: [...incomeWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'incomeLedger',
    method: 'GET',
    path: '/api/income/ledger/{period}',
    handler: 'income-ledger',
    roles: [...incomeWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'incomeLedgerExport',
    method: 'GET',
    path: '/api/income/ledger/{period}/export',
    handler: 'income-ledger-export',
    roles: [...incomeWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'reopenIncomeEntry',
    method: 'POST',
    path: '/api/income/entry-windows',
    handler: 'income-entry-window',
    roles: ['county-admin', 'coordination-office'],
    scope: 'county',
    access: { table: 'write' },
  },
  {
    id: 'listIncomeEntryWindows',
    method: 'GET',
    path: '/api/income/entry-windows',
    handler: 'income-entry-windows-list',
    roles: [...incomeWriters, 'coordination-office'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'createAssistancePlan',
    method: 'POST',
    path: '/api/assistance',
    handler: 'assistance-create',
    roles: assistanceWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'updateAssistancePlan',
    method: 'PUT',
    path: '/api/assistance/{id}',
    handler: 'assistance-update',
    roles: assistanceWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'listAssistancePlans',
    method: 'GET',
    path: '/api/assistance',
    handler: 'assistance-list',
    roles: [...assistanceWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'exportAssistancePlans',
    method: 'GET',
    path: '/api/assistance/export',
    handler: 'assistance-export',
    roles: [...assistanceWriters, 'coordination-office', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'assistancePlanHistory',
    method: 'GET',
    path: '/api/assistance/{id}/history',
    handler: 'assistance-history',
    roles: [...assistanceWriters, 'coordination-office', 'leader'],
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
    // The download link of a report email (files too large to attach). Public: the
    // link's unguessable token is the credential, and the recipient may not be signed
    // in. A GET that writes, as above: the download is recorded, then a 302 to a
    // presigned URL valid for minutes (domain/delivery/email-link.ts).
    id: 'followEmailLink',
    method: 'GET',
    path: '/api/archive/links/{token}',
    handler: 'archive-link',
    roles: [],
    scope: 'none',
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
  // petitions and public opinion (信访舆情): static paths before `{id}` ones
  {
    id: 'createPetition',
    method: 'POST',
    path: '/api/petitions',
    handler: 'petition-create',
    roles: petitionWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'listPetitions',
    method: 'GET',
    path: '/api/petitions',
    handler: 'petition-list',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'exportPetitions',
    method: 'GET',
    path: '/api/petitions/export',
    handler: 'petition-export',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'listPetitionPlaces',
    method: 'GET',
    path: '/api/petitions/places',
    handler: 'petition-places',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'listPetitionMonitoring',
    method: 'GET',
    path: '/api/petitions/monitoring-review',
    handler: 'petition-monitoring',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'listDisputeRegister',
    method: 'GET',
    path: '/api/petitions/dispute-register',
    handler: 'petition-register',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'exportDisputeRegister',
    method: 'GET',
    path: '/api/petitions/dispute-register/export',
    handler: 'petition-register-export',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'petitionMonthlyReport',
    method: 'GET',
    path: '/api/petitions/monthly-report',
    handler: 'petition-monthly',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'exportPetitionMonthlyReport',
    method: 'GET',
    path: '/api/petitions/monthly-report/export',
    handler: 'petition-monthly-export',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'handlePetition',
    method: 'PUT',
    path: '/api/petitions/{id}',
    handler: 'petition-handle',
    roles: petitionWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'addPetitionCallback',
    method: 'POST',
    path: '/api/petitions/{id}/callbacks',
    handler: 'petition-callback',
    roles: petitionWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'petitionHistory',
    method: 'GET',
    path: '/api/petitions/{id}/history',
    handler: 'petition-history',
    roles: petitionReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'createOpinion',
    method: 'POST',
    path: '/api/opinions',
    handler: 'opinion-create',
    roles: opinionWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'listOpinions',
    method: 'GET',
    path: '/api/opinions',
    handler: 'opinion-list',
    roles: [...opinionWriters, 'monitoring-centre', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'exportOpinions',
    method: 'GET',
    path: '/api/opinions/export',
    handler: 'opinion-export',
    roles: [...opinionWriters, 'monitoring-centre', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'updateOpinion',
    method: 'PUT',
    path: '/api/opinions/{id}',
    handler: 'opinion-update',
    roles: opinionWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'opinionHistory',
    method: 'GET',
    path: '/api/opinions/{id}/history',
    handler: 'opinion-history',
    roles: [...opinionWriters, 'monitoring-centre', 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'createMeeting',
    method: 'POST',
    path: '/api/meetings',
    handler: 'meeting-create',
    roles: meetingWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'listMeetings',
    method: 'GET',
    path: '/api/meetings',
    handler: 'meeting-list',
    roles: [...meetingWriters, 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'updateMeeting',
    method: 'PUT',
    path: '/api/meetings/{id}',
    handler: 'meeting-update',
    roles: meetingWriters,
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'meetingHistory',
    method: 'GET',
    path: '/api/meetings/{id}/history',
    handler: 'meeting-history',
    roles: [...meetingWriters, 'leader'],
    scope: 'village',
    access: { table: 'read' },
  },
  // visits and inspections (十条措施): visit records, duty targets, problem ledger
  ...visitRoutes(),
  // data quality (数据质量提升)
  ...qualityRoutes(),
  // county directory, import and accounts
  {
    // Everyone but the auditor, whose routes are limited to the archive (see routeAccessSchema).
    id: 'me',
    method: 'GET',
    path: '/api/me',
    handler: 'me',
    // Everyone signed in, whatever the role: the list is the one in roles.ts.
    roles,
    scope: 'none',
    access: { table: 'read' },
  },
  {
    // The org tree holds no personal data: every directory reader sees the whole county's.
    id: 'directoryUnits',
    method: 'GET',
    path: '/api/directory/units',
    handler: 'directory-units',
    roles: directoryReaders,
    scope: 'none',
    access: { table: 'read' },
  },
  {
    id: 'directoryHouseholds',
    method: 'GET',
    path: '/api/directory/households',
    handler: 'directory-households',
    roles: directoryReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'directoryHousehold',
    method: 'GET',
    path: '/api/directory/households/{id}',
    handler: 'directory-household',
    roles: directoryReaders,
    scope: 'village',
    access: { table: 'read' },
  },
  {
    id: 'directoryHouseholdUpdate',
    method: 'PUT',
    path: '/api/directory/households/{id}',
    handler: 'directory-household-update',
    roles: ['county-admin', 'monitoring-centre', 'town-staff', 'village-officer'],
    scope: 'village',
    access: { table: 'write' },
  },
  {
    id: 'directoryStaffing',
    method: 'GET',
    path: '/api/directory/staffing',
    handler: 'directory-staffing',
    roles: ['county-admin', 'monitoring-centre', 'coordination-office', 'leader'],
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'directoryExport',
    method: 'GET',
    path: '/api/directory/export',
    handler: 'directory-export',
    roles: ['county-admin', 'monitoring-centre', 'coordination-office'],
    scope: 'county',
    access: { table: 'read' },
  },
  {
    id: 'importChunk',
    method: 'PUT',
    path: '/api/imports/{id}/chunks',
    handler: 'import-chunk',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'write' },
  },
  {
    id: 'importPreview',
    method: 'POST',
    path: '/api/imports/{id}/preview',
    handler: 'import-preview',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'write' },
  },
  {
    id: 'importCommit',
    method: 'POST',
    path: '/api/imports/{id}/commit',
    handler: 'import-commit',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'write', userPool: 'admin' },
  },
  {
    id: 'accountsList',
    method: 'GET',
    path: '/api/accounts',
    handler: 'accounts-list',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'read', userPool: 'admin' },
  },
  {
    id: 'accountsCreate',
    method: 'POST',
    path: '/api/accounts',
    handler: 'accounts-create',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'read', userPool: 'admin' },
  },
  {
    id: 'accountsDisable',
    method: 'POST',
    path: '/api/accounts/disable',
    handler: 'accounts-disable',
    roles: ['county-admin'],
    scope: 'county',
    access: { table: 'write', userPool: 'admin' },
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDef {
  const r = routes.find((x) => x.id === id);
  if (!r) throw new Error(`unknown route ${id}`);
  return r;
}
