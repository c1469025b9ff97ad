/**
 * GET /api/me: who is signed in, with the names of their unit and town from the
 * directory (the token carries only ids) and their name from the staff list
 * (cognito-local's tokens carry none).
 */
import { roleLabels } from '#domain/auth/roles.ts';
import { httpRoute } from '../platform/http.ts';
import { listStaffFull, listUnits } from '../store/directory.repository.ts';

/** The directory changes rarely and every page asks: a warm container keeps it a few minutes. */
const ttlMs = 5 * 60_000;
let cache: { county: string; at: number; units: Map<string, string>; staff: Map<string, string> } | undefined;

async function lookups(county: string) {
  if (!cache || cache.county !== county || Date.now() - cache.at > ttlMs) {
    const [units, staff] = await Promise.all([listUnits(county), listStaffFull(county)]);
    cache = {
      county,
      at: Date.now(),
      units: new Map(units.map((u) => [u.id, u.name])),
      staff: new Map(staff.map((s) => [s.username, s.name])),
    };
  }
  return cache;
}

export const handler = httpRoute('me', undefined, async ({ principal }) => {
  const { units, staff } = await lookups(principal.countyCode);
  return {
    status: 200,
    body: {
      userId: principal.userId,
      name: staff.get(principal.name) ?? principal.name,
      role: principal.role,
      roleLabel: roleLabels[principal.role],
      countyCode: principal.countyCode,
      unitId: principal.unitId,
      unitName: units.get(principal.unitId) ?? null,
      townId: principal.townId ?? null,
      townName: principal.townId ? (units.get(principal.townId) ?? null) : null,
    },
  };
});
