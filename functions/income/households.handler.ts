/**
 * GET /api/households?village=ID&period=YYYY-MM: the worklist of a village for a
 * month: every household due, its status (未录入/已录入/已审核/疑似), this month's
 * record, the previous month and the same month last year beside it, the county's
 * open comparison note, and whether entry is still open. Village officers see
 * their own village; town staff pick among their town's villages.
 */
import { assertReach, canReach } from '#domain/auth/access.ts';
import { incomeStatusOf, openCountyRound } from '#domain/income/income.schema.ts';
import { entryWindowState } from '#domain/income/income.window.ts';
import { isIncomeMonitored } from '#domain/org/org.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { periodSchema, previousPeriod, sameMonthLastYear } from '#domain/shared/period.ts';
import { countyConfigFromEnv } from '../platform/county-config.ts';
import { httpRoute } from '../platform/http.ts';
import { listEntryWindows, listVillageIncome } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';
import { now } from '#functions/platform/clock.ts';

const config = countyConfigFromEnv();

export const handler = httpRoute('listHouseholds', undefined, async ({ principal, query }) => {
  const county = principal.countyCode;
  const period = periodSchema.safeParse(query.period);
  const units = await listOrgUnits(county);
  const reachable = units
    .filter(
      (u) =>
        u.kind === 'village' &&
        canReach(principal, 'village', {
          countyCode: county,
          villageId: u.id,
          ...(u.parentId ? { townId: u.parentId } : {}),
        }),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  // Without a choice yet, the first village the caller reaches: the page then offers the rest
  // (the monitoring centre's comparison page opened on an empty list before).
  const villageId = query.village ?? reachable[0]?.id;
  if (!villageId || !period.success) {
    throw new ValidationError([
      ...(villageId ? [] : [{ path: 'village', code: 'required', message: '请选择村/社区' }]),
      ...(period.success ? [] : [{ path: 'period', code: 'invalid', message: '月份格式应为 YYYY-MM' }]),
    ]);
  }
  const village = units.find((u) => u.id === villageId && u.kind === 'village');
  if (!village) throw new ValidationError([{ path: 'village', code: 'unknown', message: '未找到该村/社区' }]);
  assertReach(principal, 'village', {
    countyCode: county,
    villageId: village.id,
    ...(village.parentId ? { townId: village.parentId } : {}),
  });
  const [households, current, previous, lastYear, windows] = await Promise.all([
    listVillageHouseholds(county, village.id),
    listVillageIncome(county, period.data, village.id),
    listVillageIncome(county, previousPeriod(period.data), village.id),
    listVillageIncome(county, sameMonthLastYear(period.data), village.id),
    listEntryWindows(county, period.data),
  ]);
  const cur = new Map(current.map((r) => [r.householdId, r]));
  const prev = new Map(previous.map((r) => [r.householdId, r]));
  const ly = new Map(lastYear.map((r) => [r.householdId, r]));
  const items = households
    .filter(isIncomeMonitored)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((h) => {
      const c = cur.get(h.id) ?? null;
      return {
        id: h.id,
        headName: h.headName,
        category: h.category,
        memberCount: h.memberCount,
        flags: h.flags ?? [],
        status: incomeStatusOf(c),
        countyNote: c ? (openCountyRound(c) ?? null) : null,
        current: c,
        previous: prev.get(h.id) ?? null,
        lastYear: ly.get(h.id) ?? null,
      };
    });
  const window = entryWindowState(
    period.data,
    { villageId: village.id, townId: village.parentId ?? '' },
    now(),
    config,
    windows,
  );
  return {
    status: 200,
    body: {
      village: { id: village.id, name: village.name },
      villages: reachable.map((v) => ({ id: v.id, name: v.name, townId: v.parentId ?? null })),
      period: period.data,
      window,
      items,
    },
  };
});
