/**
 * GET /api/directory/households?q=&village=: finds households by the head's name
 * (county-wide), a member's full ID number, a household number, or within a
 * village by part of the name. Only households the caller reaches are returned,
 * and the head's ID number only masked.
 */
import { canReach } from '#domain/auth/access.ts';
import { isValidIdNumber, normaliseIdNumber } from '#domain/org/id-number.ts';
import { maskIdNumber } from '#domain/org/mask.ts';
import type { Household } from '#domain/org/org.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { httpRoute } from '../platform/http.ts';
import {
  getHouseholdItem,
  getPersonItem,
  householdsNamed,
  householdsOfVillage,
  listUnits,
  membersOf,
  toFullHousehold,
} from '../store/directory.repository.ts';

const maxResults = 50;

export const handler = httpRoute('directoryHouseholds', undefined, async ({ principal, query }) => {
  const county = principal.countyCode;
  const q = (query.q ?? '').trim().slice(0, 30);
  const village =
    query.village?.toUpperCase() ??
    (principal.role === 'village-officer' && !q ? principal.unitId : undefined);
  if (!q && !village)
    throw new ValidationError([
      { path: 'q', code: 'required', message: '请输入户主姓名、身份证号码或选择村/社区' },
    ]);
  let found: Household[];
  if (q && isValidIdNumber(q)) {
    const person = await getPersonItem(county, normaliseIdNumber(q));
    const item = person ? await getHouseholdItem(county, String(person.householdId)) : undefined;
    found = item ? [toFullHousehold(item)] : [];
  } else if (q && /^[A-Za-z0-9-]{2,40}$/.test(q) && !village) {
    const item = await getHouseholdItem(county, q.toUpperCase());
    found = item ? [toFullHousehold(item)] : [];
  } else if (village) {
    const all = await householdsOfVillage(county, village);
    found = q ? all.filter((h) => h.headName.includes(q) || h.id.includes(q.toUpperCase())) : all;
  } else {
    found = await householdsNamed(county, q);
  }
  const visible = found.filter((h) =>
    canReach(principal, 'village', { countyCode: county, villageId: h.villageId, townId: h.townId }),
  );
  visible.sort((a, b) => a.id.localeCompare(b.id));
  const units = new Map((await listUnits(county)).map((u) => [u.id, u.name]));
  const page = visible.slice(0, maxResults);
  const heads = await Promise.all(
    page.map(async (h) => (await membersOf(county, h.id)).find((m) => m.relation === 'head')),
  );
  return {
    status: 200,
    body: {
      total: visible.length,
      items: page.map((h, i) => ({
        id: h.id,
        headName: h.headName,
        headIdMasked: heads[i] ? maskIdNumber(heads[i].idNumber) : null,
        category: h.category,
        monitoredType: h.monitoredType ?? null,
        memberCount: h.memberCount,
        villageId: h.villageId,
        villageName: units.get(h.villageId) ?? h.villageId,
        townId: h.townId,
        townName: units.get(h.townId) ?? h.townId,
      })),
    },
  };
});
