/** The routes of visits and inspections (十条措施): visit records, duty targets, the problem ledger. */
import type { RouteDef } from '../system/route.ts';

/**
 * visits and inspections: who records visits and keeps the problem ledger (each duty
 * holder to their duty targets; county leaders only read, their visits are entered
 * for them by the coordination office and credited to them:
 * `domain/visits/visit.access.ts`), and who reads.
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
export const visitRoutes = (() => {
  const read = { table: 'read' } as const;
  return [
    {
      id: 'createVisit',
      method: 'POST',
      path: '/api/visits',
      handler: 'visits/create',
      roles: visitWriters,
      scope: 'village',
      access: { table: 'write' },
    },
    {
      // Coverage of the duties (走访覆盖): one's own, one's town's or the county's, as the report counts it.
      id: 'visitCoverage',
      method: 'GET',
      path: '/api/visits/coverage',
      handler: 'visits/coverage',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'listVisitTargets',
      method: 'GET',
      path: '/api/visits/targets',
      handler: 'visits/targets',
      roles: visitWriters,
      scope: 'village',
      access: read,
    },
    {
      id: 'listVisits',
      method: 'GET',
      path: '/api/visits',
      handler: 'visits/list',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportVisits',
      method: 'GET',
      path: '/api/visits/export',
      handler: 'visits/export',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'visitHistory',
      method: 'GET',
      path: '/api/visits/{id}/history',
      handler: 'visits/history',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'listProblems',
      method: 'GET',
      path: '/api/problems',
      handler: 'visits/problem-list',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'exportProblems',
      method: 'GET',
      path: '/api/problems/export',
      handler: 'visits/problem-export',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'problemHistory',
      method: 'GET',
      path: '/api/problems/{id}/history',
      handler: 'visits/problem-history',
      roles: visitReaders,
      scope: 'village',
      access: read,
    },
    {
      id: 'updateProblem',
      method: 'PUT',
      path: '/api/problems/{id}',
      handler: 'visits/problem-update',
      roles: visitWriters,
      scope: 'village',
      access: { table: 'write' },
    },
  ] as const satisfies readonly RouteDef[];
})();
