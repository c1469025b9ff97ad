/** Staffing compliance rows as the page and the export show them. */
import { staffingCompliance } from '#domain/org/staffing.ts';
import { orgUnitKindLabels, settlementTypeLabels } from '#domain/org/org.schema.ts';
import { listOfficers, listStaffFull, listUnits } from '../store/directory.repository.ts';

export async function staffingView(county: string) {
  const [units, roster, staff] = await Promise.all([
    listUnits(county),
    listOfficers(county),
    listStaffFull(county),
  ]);
  const summary = staffingCompliance(units, roster, staff);
  const names = new Map(units.map((u) => [u.id, u]));
  const row = (s: (typeof summary.units)[number]) => {
    const u = names.get(s.unitId);
    return {
      unitId: s.unitId,
      unitName: s.unitName,
      kind: u?.settlement ? settlementTypeLabels[u.settlement] : orgUnitKindLabels[s.kind],
      townName: s.townId ? (names.get(s.townId)?.name ?? s.townId) : '',
      required: s.required,
      actual: s.actual,
      missing: s.missing,
    };
  };
  return {
    units: summary.units.length,
    compliant: summary.units.length - summary.shortfalls.length,
    shortfalls: summary.shortfalls.map(row),
    ignored: summary.ignored.length,
  };
}
