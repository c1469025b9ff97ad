/**
 * GET /api/visits/targets: what the caller may record a visit to, their duty
 * targets under the ten measures first; for the coordination office also whom it
 * may enter visits for, and with `?for=<staff id>` that person's duty targets. Reads only the households the caller's
 * duties and reach name, never the whole county's.
 */
import { canReach, reachOf } from '#domain/auth/access.ts';
import { dutyPlan, monthDutyPeriod } from '#domain/duties/duty-rules.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { targetChoices } from '#domain/visits/visit.targets.ts';
import { ForbiddenError, NotFoundError } from '#domain/shared/errors.ts';
import { onBehalfRoles } from '#domain/visits/visit.access.ts';
import type { DutyHolder } from '#domain/visits/visit.api.ts';
import { httpRoute } from '../platform/http.ts';
import {
  callerStaff,
  getHousehold,
  getStaffEntry,
  listAssignments,
  listStaffEntries,
  householdsOfVillages,
  listAssignmentsOf,
  listOrgUnits,
} from '../store/visits.repository.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('listVisitTargets', undefined, async ({ principal, event, query }) => {
  const county = principal.countyCode;
  const mayEnterForOthers = onBehalfRoles.includes(principal.role);
  const caller = await callerStaff(principal, event);
  // `?for=<staff id>`: the coordination office entering a duty holder's visit sees that person's duties only.
  const forId = query.for && query.for !== caller?.id ? query.for : undefined;
  if (forId !== undefined && !mayEnterForOthers)
    throw new ForbiddenError('VISIT.ON_BEHALF_DENIED', '只有县协调办可以代他人录入走访');
  const [units, me] = await Promise.all([
    listOrgUnits(county),
    forId === undefined ? Promise.resolve(caller) : getStaffEntry(county, forId),
  ]);
  if (forId !== undefined && !me)
    throw new NotFoundError('VISIT.VISITOR_NOT_FOUND', '未找到所选走访人，请重新选择');
  const assignments = me?.staff ? await listAssignmentsOf(county, me.id) : [];
  const villagesOf = (townId: string) =>
    units.filter((u) => u.kind === 'village' && u.parentId === townId).map((u) => u.id);

  // The villages whose households matter: those of the caller's duties and of their own reach.
  const villages = new Set<string>();
  const reach = reachOf(principal);
  if (forId === undefined && reach === 'village') villages.add(principal.unitId);
  if (forId === undefined && reach === 'town')
    villagesOf(principal.townId ?? principal.unitId).forEach((v) => villages.add(v));
  if (me?.staff?.position === 'town-head')
    villagesOf(me.staff.townId ?? me.staff.unitId).forEach((v) => villages.add(v));
  for (const a of assignments) {
    if (a.kind === 'town-link') villagesOf(a.targetId).forEach((v) => villages.add(v));
    if (a.kind === 'village-lead' || a.kind === 'resident') villages.add(a.targetId);
  }
  const households = await householdsOfVillages(county, villages);
  const paired = await Promise.all(
    assignments
      .filter((a) => a.kind === 'household' && !households.some((h) => h.id === a.targetId))
      .map((a) => getHousehold(county, a.targetId)),
  );
  const all = [...households, ...paired.flatMap((h) => h ?? [])];

  const plan = me?.staff
    ? dutyPlan(
        { units, households: all, staff: [me.staff], assignments },
        monthDutyPeriod(shanghaiDate(now()).slice(0, 7)),
      )
    : undefined;
  const choices = targetChoices({
    duties: plan?.people[0],
    units,
    households: all,
    // County-level callers choose households only among their duties: the county's list is too long for a picker.
    otherHouseholds: reach !== 'county',
    // Entered for someone else: only that person's duty targets (`authoriseVisit`).
    reachable: (loc) => forId === undefined && canReach(principal, 'village', { countyCode: county, ...loc }),
  });
  return {
    status: 200,
    body: {
      staffId: me?.id ?? null,
      ...(forId !== undefined && me ? { visitor: { staffId: me.id, name: me.name } } : {}),
      ...(mayEnterForOthers ? { dutyHolders: await dutyHolders(county) } : {}),
      ...choices,
    },
  };
});

/** Everyone with a duty in force, by name: whom the coordination office may enter visits for. */
async function dutyHolders(county: string): Promise<DutyHolder[]> {
  const [staff, assignments] = await Promise.all([listStaffEntries(county), listAssignments(county)]);
  const withDuty = new Set(assignments.map((a) => a.staffId));
  return staff
    .filter((s) => withDuty.has(s.id) && s.staff?.active !== false)
    .map((s) => ({ id: s.id, name: s.name, ...(s.staff?.position ? { position: s.staff.position } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
