/** The data-quality routes (数据质量提升): errors, rule runs, spot checks, the officer roster, joint meetings. */
import type { RouteDef } from '../system/route.ts';

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
export const qualityRoutes = (() => {
  const read = { table: 'read' } as const;
  const write = { table: 'write' } as const;
  return [
    {
      id: 'createDataError',
      method: 'POST',
      path: '/api/quality/errors',
      handler: 'quality/error-create',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listDataErrors',
      method: 'GET',
      path: '/api/quality/errors',
      handler: 'quality/error-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportDataErrors',
      method: 'GET',
      path: '/api/quality/errors/export',
      handler: 'quality/error-export',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'closeDataError',
      method: 'POST',
      path: '/api/quality/errors/{id}/close',
      handler: 'quality/error-close',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'dataErrorHistory',
      method: 'GET',
      path: '/api/quality/errors/{id}/history',
      handler: 'quality/error-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'runQualityRules',
      method: 'POST',
      path: '/api/quality/rule-runs',
      handler: 'quality/rule-run',
      roles: qualityCounty,
      scope: 'county',
      access: write,
    },
    {
      id: 'createSpotCheck',
      method: 'POST',
      path: '/api/quality/spot-checks',
      handler: 'quality/spot-check-create',
      roles: qualityWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listSpotChecks',
      method: 'GET',
      path: '/api/quality/spot-checks',
      handler: 'quality/spot-check-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportSpotChecks',
      method: 'GET',
      path: '/api/quality/spot-checks/export',
      handler: 'quality/spot-check-export',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'spotCheckHistory',
      method: 'GET',
      path: '/api/quality/spot-checks/{id}/history',
      handler: 'quality/spot-check-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'addInfoOfficer',
      method: 'POST',
      path: '/api/quality/officers',
      handler: 'quality/officer-add',
      roles: rosterWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'listInfoOfficers',
      method: 'GET',
      path: '/api/quality/officers',
      handler: 'quality/officer-list',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'removeInfoOfficer',
      method: 'POST',
      path: '/api/quality/officers/{id}/remove',
      handler: 'quality/officer-remove',
      roles: rosterWriters,
      scope: 'village',
      access: write,
    },
    {
      id: 'infoOfficerHistory',
      method: 'GET',
      path: '/api/quality/officers/{id}/history',
      handler: 'quality/officer-history',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'officerStaffing',
      method: 'GET',
      path: '/api/quality/staffing',
      handler: 'quality/staffing',
      roles: qualityReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'createQualityMeeting',
      method: 'POST',
      path: '/api/quality/meetings',
      handler: 'quality/meeting-create',
      roles: qualityCounty,
      scope: 'county',
      access: write,
    },
    {
      id: 'listQualityMeetings',
      method: 'GET',
      path: '/api/quality/meetings',
      handler: 'quality/meeting-list',
      roles: meetingReaders,
      scope: 'county',
      access: read,
    },
    {
      id: 'qualityMeetingHistory',
      method: 'GET',
      path: '/api/quality/meetings/{id}/history',
      handler: 'quality/meeting-history',
      roles: meetingReaders,
      scope: 'county',
      access: read,
    },
  ] as const satisfies readonly RouteDef[];
})();
