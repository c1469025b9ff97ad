/** Information-officer staffing per unit: required, on the roster, missing (the caller's units only). */
import { reachOf } from '#domain/auth/access.ts';
import { rosterStaffing } from '#domain/quality/quality.analysis.ts';
import { qualityKinds, type InfoOfficer } from '#domain/quality/quality.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { httpRoute } from '../platform/http.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { recordRepository } from '../store/records.repository.ts';

export const handler = httpRoute('officerStaffing', undefined, async ({ principal: p }) => {
  const [units, officers] = await Promise.all([
    listOrgUnits(p.countyCode),
    recordRepository.list(p.countyCode, qualityKinds.officer) as Promise<StoredRecord<InfoOfficer>[]>,
  ]);
  const summary = rosterStaffing(units, officers);
  const reach = reachOf(p);
  const town = p.townId ?? p.unitId;
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = summary.units
    .filter((u) => reach === 'county' || (reach === 'town' ? u.townId === town : u.unitId === p.unitId))
    .map((u) => ({ ...u, townName: u.townId ? (names.get(u.townId) ?? u.townId) : '' }));
  return {
    status: 200,
    body: {
      units: rows,
      totals: {
        units: rows.length,
        compliant: rows.filter((u) => u.missing === 0).length,
        required: rows.reduce((s, u) => s + u.required, 0),
        missing: rows.reduce((s, u) => s + u.missing, 0),
      },
    },
  };
});
