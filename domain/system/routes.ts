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
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDef {
  const r = routes.find((x) => x.id === id);
  if (!r) throw new Error(`unknown route ${id}`);
  return r;
}
