/** The signed-in person's own routes. */
import type { RouteDef } from '../system/route.ts';
import { roles } from './roles.ts';
export const sessionRoutes = [
  // county directory, import and accounts
  {
    // Everyone but the auditor, whose routes are limited to the archive (see routeAccessSchema).
    id: 'me',
    method: 'GET',
    path: '/api/me',
    handler: 'session/me',
    // Everyone signed in, whatever the role: the list is the one in roles.ts.
    roles,
    scope: 'none',
    access: { table: 'read' },
  },
] as const satisfies readonly RouteDef[];
