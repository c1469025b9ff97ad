/**
 * GET /api/petitions/places[?village=ID]: the towns and villages the caller may
 * take petitions for, and the households of a chosen village, for the intake form.
 */
import { assertReach, canReach } from '#domain/auth/access.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { httpRoute } from '../platform/http.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';

export const handler = httpRoute('listPetitionPlaces', undefined, async ({ principal, query }) => {
  const county = principal.countyCode;
  const units = await listOrgUnits(county);
  const villages = units
    .filter(
      (u) =>
        u.kind === 'village' &&
        canReach(principal, 'village', {
          countyCode: county,
          villageId: u.id,
          ...(u.parentId ? { townId: u.parentId } : {}),
        }),
    )
    .map((u) => ({ id: u.id, name: u.name, townId: u.parentId ?? '' }));
  const townIds = new Set(villages.map((v) => v.townId));
  const towns = units
    .filter((u) => u.kind === 'town' && townIds.has(u.id))
    .map((u) => ({ id: u.id, name: u.name }));
  let households: { id: string; headName: string; category: string }[] = [];
  if (query.village) {
    const v = villages.find((x) => x.id === query.village);
    if (!v) throw new NotFoundError('PETITION.VILLAGE_NOT_FOUND', '未找到该村/社区');
    assertReach(principal, 'village', { countyCode: county, villageId: v.id, townId: v.townId });
    households = (await listVillageHouseholds(county, v.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((h) => ({ id: h.id, headName: h.headName, category: h.category }));
  }
  return { status: 200, body: { towns, villages, households } };
});
