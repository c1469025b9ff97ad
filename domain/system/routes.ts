/**
 * The route table: the one description of the HTTP API, as the list of the
 * features' routes (each feature declares its own in `domain/<feature>/*.routes.ts`).
 * The CDK app creates one HTTP API route (and one function per handler) per
 * entry; the local runtime serves the same entries; the authorisation middleware
 * reads `roles` and `scope`. Order matters only within a feature (static paths
 * before `{id}` ones).
 */
import { incomeRoutes } from '../income/income.routes.ts';
import { archiveRoutes } from '../delivery/archive.routes.ts';
import { petitionRoutes } from '../petitions/petition.routes.ts';
import { visitRoutes } from '../visits/visit.routes.ts';
import { qualityRoutes } from '../quality/quality.routes.ts';
import { sessionRoutes } from '../auth/session.routes.ts';
import { directoryRoutes } from '../directory/directory.routes.ts';
import type { RouteDef } from './route.ts';

export { handlerEntry, handlerName, jobHandler, type RouteDef } from './route.ts';

export const routes = [
  ...incomeRoutes,
  ...archiveRoutes,
  ...petitionRoutes,
  ...visitRoutes,
  ...qualityRoutes,
  ...sessionRoutes,
  ...directoryRoutes,
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDef {
  const r = routes.find((x) => x.id === id);
  if (!r) throw new Error(`unknown route ${id}`);
  return r;
}
