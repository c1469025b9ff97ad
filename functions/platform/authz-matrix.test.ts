/**
 * The authorisation matrix, generated from the route table: every route × every
 * role (and post) × a record inside and one just outside the person's reach. A
 * route added to `routes` is covered without touching this file.
 *
 * The expected answers come from the tables below, written down independently of
 * `canReach`, so a change in the rules shows up as a failing cell, not as a
 * silently regenerated expectation.
 */
import { describe, expect, it } from 'vitest';
import {
  auditorPathPattern,
  canReach,
  hasRole,
  routeAccessSchema,
  type Reach,
  type RecordLocation,
} from '#domain/auth/access.ts';
import { roles, type Principal, type Role, type Scope } from '#domain/auth/roles.ts';
import { routes, type RouteDef } from '#domain/system/routes.ts';

const county = '610999';
const otherCounty = '610998';

/** One person per role; the leader twice, as county and as town leader. */
interface Persona {
  label: string;
  principal: Principal;
  reach: Reach;
}

function persona(role: Role, reach: Reach, extra: Partial<Principal> = {}, label: string = role): Persona {
  const unit =
    reach === 'village'
      ? { unitId: 'V-001', townId: 'T-01' }
      : reach === 'town'
        ? { unitId: 'T-01', townId: 'T-01' }
        : { unitId: county };
  return {
    label,
    reach,
    principal: { userId: `user-${label}`, name: label, countyCode: county, role, ...unit, ...extra },
  };
}

const reachByRole: Record<Role, Reach> = {
  'county-admin': 'county',
  'monitoring-centre': 'county',
  'coordination-office': 'county',
  'department-staff': 'county',
  'town-staff': 'town',
  'village-officer': 'village',
  'assistance-cadre': 'village',
  leader: 'county',
  auditor: 'county',
};

const personas: Persona[] = [
  ...roles.map((r) => persona(r, reachByRole[r], r === 'department-staff' ? { unitId: 'D-EDU' } : {})),
  persona('leader', 'town', {}, 'leader (town)'),
];

/** Whether a person of `reach` reaches a record of `scope` lying inside their own unit. */
const insideAllowed: Record<Reach, Record<Scope, boolean>> = {
  village: { village: true, town: false, county: false, own: true, none: true },
  town: { village: true, town: true, county: false, own: true, none: true },
  county: { village: true, town: true, county: true, own: true, none: true },
};

/** A record of `scope`, located inside the person's unit (and, for `own`, made by them). */
function inside(p: Persona, scope: Scope): RecordLocation {
  const c = { countyCode: county };
  switch (scope) {
    case 'village':
      return { ...c, townId: 'T-01', villageId: 'V-001' };
    case 'town':
      return { ...c, townId: 'T-01' };
    case 'county':
    case 'none':
      return c;
    case 'own':
      return { ...c, townId: 'T-01', villageId: 'V-001', ownerId: p.principal.userId };
  }
}

/**
 * The nearest records just outside the person's reach: the neighbouring village
 * for a village, a village of another town for a town, another county for the
 * county; for `own`, a record of the same village made by a colleague. All must
 * be refused. Another county's record is refused for everyone and every scope.
 */
function outside(p: Persona, scope: Scope): RecordLocation[] {
  const elsewhere = {
    countyCode: otherCounty,
    townId: 'T-01',
    villageId: 'V-001',
    ownerId: p.principal.userId,
  };
  if (scope === 'own')
    return [{ countyCode: county, townId: 'T-01', villageId: 'V-001', ownerId: 'someone-else' }, elsewhere];
  if (scope === 'none') return [elsewhere];
  const near: RecordLocation[] =
    p.reach === 'village'
      ? [
          { countyCode: county, townId: 'T-01', villageId: 'V-002' },
          { countyCode: county, townId: 'T-01' },
        ]
      : p.reach === 'town'
        ? [
            { countyCode: county, townId: 'T-02', villageId: 'V-201' },
            { countyCode: county, townId: 'T-02' },
          ]
        : [];
  return [...near, elsewhere];
}

const declared = routes as readonly RouteDef[];
const authenticated = declared.filter((r) => r.roles.length > 0);

describe('route table declarations', () => {
  it.each(declared.map((r) => [r.id, r] as const))(
    '%s declares roles and scope that pass the access rules',
    (_id, route) => {
      const parsed = routeAccessSchema.safeParse(route);
      expect(parsed.success, parsed.error?.issues.map((i) => i.message).join('; ')).toBe(true);
    },
  );

  it('rejects declarations without roles or scope, or that break a standing rule', () => {
    const ok = { id: 'x', method: 'GET', path: '/api/x', roles: ['county-admin'], scope: 'county' };
    expect(routeAccessSchema.safeParse(ok).success).toBe(true);
    const { roles: _r, ...noRoles } = ok;
    const { scope: _s, ...noScope } = ok;
    expect(routeAccessSchema.safeParse(noRoles).success).toBe(false);
    expect(routeAccessSchema.safeParse(noScope).success).toBe(false);
    expect(routeAccessSchema.safeParse({ ...ok, roles: ['chief'] }).success).toBe(false);
    expect(routeAccessSchema.safeParse({ ...ok, scope: 'province' }).success).toBe(false);
    expect(routeAccessSchema.safeParse({ ...ok, roles: [], method: 'POST', scope: 'none' }).success).toBe(
      false,
    );
    expect(routeAccessSchema.safeParse({ ...ok, roles: [], scope: 'village' }).success).toBe(false);
    expect(routeAccessSchema.safeParse({ ...ok, roles: ['auditor'], path: '/api/households' }).success).toBe(
      false,
    );
    expect(
      routeAccessSchema.safeParse({ ...ok, roles: ['auditor'], path: '/api/archive', method: 'POST' })
        .success,
    ).toBe(false);
    expect(
      routeAccessSchema.safeParse({ ...ok, roles: ['auditor'], path: '/api/archive/{key}' }).success,
    ).toBe(true);
    expect(routeAccessSchema.safeParse({ ...ok, roles: ['leader'], method: 'PUT' }).success).toBe(false);
  });

  it('gives every route a unique id and a unique method and path', () => {
    expect(new Set(declared.map((r) => r.id)).size).toBe(declared.length);
    expect(new Set(declared.map((r) => `${r.method} ${r.path}`)).size).toBe(declared.length);
  });
});

describe('the auditor', () => {
  const auditor = personas.find((p) => p.principal.role === 'auditor')?.principal as Principal;

  it('can call no write route', () => {
    const writes = declared.filter((r) => r.method !== 'GET' && hasRole(auditor, r.roles));
    expect(writes.map((r) => r.id)).toEqual([]);
  });

  it('reaches the archive and the audit trail only', () => {
    const reachable = declared.filter((r) => hasRole(auditor, r.roles));
    expect(reachable.filter((r) => !auditorPathPattern.test(r.path)).map((r) => r.id)).toEqual([]);
    // Holds today, where no such route exists yet, and keeps holding as they are added.
    expect(
      declared.filter((r) => !auditorPathPattern.test(r.path)).every((r) => !hasRole(auditor, r.roles)),
    ).toBe(true);
  });
});

describe.each(authenticated.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))(
  '%s',
  (_name, route) => {
    const cells = personas.map((p) => {
      const allowedByRole = route.roles.includes(p.principal.role);
      return [p.label, p, allowedByRole] as const;
    });

    it.each(cells)('%s: inside its reach', (_label, p, allowedByRole) => {
      const expected = allowedByRole && insideAllowed[p.reach][route.scope];
      expect(hasRole(p.principal, route.roles)).toBe(allowedByRole);
      expect(
        hasRole(p.principal, route.roles) && canReach(p.principal, route.scope, inside(p, route.scope)),
      ).toBe(expected);
    });

    it.each(cells)('%s: outside its reach', (_label, p) => {
      for (const loc of outside(p, route.scope)) {
        expect(
          hasRole(p.principal, route.roles) && canReach(p.principal, route.scope, loc),
          JSON.stringify(loc),
        ).toBe(false);
      }
    });
  },
);
