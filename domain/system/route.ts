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
  /** `<feature>/<action>`: the entry file is `functions/<feature>/<action>.handler.ts` (see `handlerEntry`). */
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

/**
 * Where a handler's entry file is, relative to the project root: the one place
 * that says so, read by the CDK app, the local runtime, the bench and the tests.
 */
export function handlerEntry(handler: string): string {
  if (!/^[a-z]+\/[a-z-]+$/.test(handler))
    throw new Error(`ROUTES.BAD_HANDLER: ${handler} is not <feature>/<action>`);
  return `functions/${handler}.handler.ts`;
}

/** A handler as a name without slashes, for construct ids, function and file names (`income/submit` → `income-submit`). */
export const handlerName = (handler: string): string => handler.replace('/', '-');

/** The function that runs every scheduled and on-demand job. */
export const jobHandler = 'jobs/run-job';
