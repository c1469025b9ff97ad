/**
 * The authorisation rules, as pure functions: who may call a route (`hasRole`) and
 * which stored records they reach through it (`canReach`). The HTTP middleware and
 * the store adapter call these; the authorisation-matrix test exercises every route
 * of the route table against them.
 */
import { ForbiddenError } from '../shared/errors.ts';
import * as z from '../shared/zod-mini.ts';
import { roleSchema, type Principal, type Role, type Scope } from './roles.ts';

/** Where a stored record sits in the tree: what scope checks compare against. */
export interface RecordLocation {
  countyCode: string;
  villageId?: string;
  townId?: string;
  /** The user who made the record, for `own` scope. */
  ownerId?: string;
}

/** How far a person reaches by their post: a village, a town, or the whole county. */
export type Reach = 'village' | 'town' | 'county';

/**
 * Roles whose unit is a village: 村/社区信息员, and 帮扶干部/驻村工作队, whose unit is
 * the village they are stationed in.
 */
const villageRoles: ReadonlySet<Role> = new Set(['village-officer', 'assistance-cadre']);

/**
 * A person's reach. Town staff reach their town. A leader reaches the town they
 * lead when their account names a town, the county otherwise. Every other role
 * works at county level (the auditor included: 督查考核 is a county function).
 */
export function reachOf(p: Principal): Reach {
  if (villageRoles.has(p.role)) return 'village';
  if (p.role === 'town-staff') return 'town';
  if (p.role === 'leader' && p.townId !== undefined) return 'town';
  return 'county';
}

/** The town a town-level person works in: their town attribute, else their unit. */
function townOf(p: Principal): string {
  return p.townId ?? p.unitId;
}

/**
 * Whether `p` may call a route open to `allowed`. An empty list admits nobody:
 * public routes skip authentication altogether and never ask.
 */
export function hasRole(p: Principal, allowed: readonly Role[]): boolean {
  return allowed.includes(p.role);
}

/**
 * Whether `p` reaches the stored record at `loc` through a route of `scope`.
 *
 * The scope names the level the route's records sit at: `village` records (a
 * household) carry a village and a town, `town` records (a town's review) a town,
 * `county` records (a county report) only the county. A person reaches a record
 * when their own unit contains it: a village officer their village's records, town
 * staff every record of their town, county roles every record of the county. So a
 * village officer reaches no town- or county-level record. `own` reaches only
 * records the caller made; `none` is for routes that touch no org-scoped record.
 * Nobody ever reaches another county.
 */
export function canReach(p: Principal, scope: Scope, loc: RecordLocation): boolean {
  if (p.countyCode !== loc.countyCode) return false;
  if (scope === 'none') return true;
  if (scope === 'own') return loc.ownerId !== undefined && loc.ownerId === p.userId;
  const reach = reachOf(p);
  if (reach === 'county') return true;
  if (scope === 'county') return false;
  if (reach === 'town') return loc.townId !== undefined && loc.townId === townOf(p);
  return scope === 'village' && loc.villageId !== undefined && loc.villageId === p.unitId;
}

/** Throws the 403 the middleware maps and logs when `p` does not reach `loc`. */
export function assertReach(p: Principal, scope: Scope, loc: RecordLocation): void {
  if (!canReach(p, scope, loc)) throw new ForbiddenError('AUTH.OUT_OF_SCOPE', '您无权访问其他单位的数据');
}

/** Paths the auditor may read: the report archive, the audit trail, and who they are. */
export const auditorPathPattern = /^\/api\/(archive|audit|me)(\/|$)/;

const scopeSchema = z.enum(['village', 'town', 'county', 'own', 'none']);

/**
 * The access part of a route declaration, as every route must give it. Checked by
 * a test over the whole route table, so a route without a declaration, or one that
 * breaks a standing rule, fails the build rather than reaching production.
 */
export const routeAccessSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    path: z.string().check(z.startsWith('/')),
    roles: z.readonly(z.array(roleSchema)),
    scope: scopeSchema,
  })
  .check(
    z.superRefine((r, ctx) => {
      // A public route (no roles) has no caller to scope records by and takes no body. What it
      // may reach it must be given by something else: the emailed download link's token.
      if (r.roles.length === 0 && (r.scope !== 'none' || r.method !== 'GET')) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles'],
          message: `route ${r.id}: a public route must be GET with scope none`,
        });
      }
      if (new Set(r.roles).size !== r.roles.length) {
        ctx.addIssue({ code: 'custom', path: ['roles'], message: `route ${r.id}: a role is listed twice` });
      }
      // Auditors change nothing and read only the archive and the audit trail.
      if (r.roles.includes('auditor') && (r.method !== 'GET' || !auditorPathPattern.test(r.path))) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles'],
          message: `route ${r.id}: the auditor may only read the archive and the audit trail`,
        });
      }
      // Leaders read reports and ledgers; they do not enter or change data.
      if (r.roles.includes('leader') && r.method !== 'GET') {
        ctx.addIssue({ code: 'custom', path: ['roles'], message: `route ${r.id}: leaders may only read` });
      }
    }),
  );
export type RouteAccess = z.infer<typeof routeAccessSchema>;
