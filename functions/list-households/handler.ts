/**
 * GET /api/households?village=ID: the households of a village with this period's
 * income status, for the entry form's picker. Village officers see their own village.
 */
import { assertReach } from '#domain/auth/access.ts';
import { isIncomeMonitored } from '#domain/org/org.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { periodSchema, previousPeriod } from '#domain/shared/period.ts';
import { httpRoute } from '../shared/http.ts';
import { listVillageIncome } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';

export const handler = httpRoute('listHouseholds', undefined, async ({ principal, query }) => {
  const villageId = query.village ?? (principal.role === 'village-officer' ? principal.unitId : undefined);
  const period = periodSchema.safeParse(query.period);
  if (!villageId || !period.success) {
    throw new ValidationError([
      ...(villageId ? [] : [{ path: 'village', code: 'required', message: '请选择村/社区' }]),
      ...(period.success ? [] : [{ path: 'period', code: 'invalid', message: '月份格式应为 YYYY-MM' }]),
    ]);
  }
  const county = principal.countyCode;
  const units = await listOrgUnits(county);
  const village = units.find((u) => u.id === villageId && u.kind === 'village');
  if (!village) throw new ValidationError([{ path: 'village', code: 'unknown', message: '未找到该村/社区' }]);
  assertReach(principal, 'village', { countyCode: county, villageId: village.id, townId: village.parentId });
  const [households, current, previous] = await Promise.all([
    listVillageHouseholds(county, village.id),
    listVillageIncome(county, period.data, village.id),
    listVillageIncome(county, previousPeriod(period.data), village.id),
  ]);
  const cur = new Map(current.map((r) => [r.householdId, r]));
  const prev = new Map(previous.map((r) => [r.householdId, r]));
  const items = households
    .filter(isIncomeMonitored)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((h) => ({
      id: h.id,
      headName: h.headName,
      category: h.category,
      memberCount: h.memberCount,
      current: cur.get(h.id) ?? null,
      previous: prev.get(h.id) ?? null,
    }));
  return { status: 200, body: { village: { id: village.id, name: village.name }, period: period.data, items } };
});
