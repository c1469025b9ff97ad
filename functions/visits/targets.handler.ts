/**
 * GET /api/visits/targets: what the caller may record a visit to, their duty
 * targets under the ten measures first. Reads only the households the caller's
 * duties and reach name, never the whole county's.
 */
import { canReach, reachOf } from '#domain/auth/access.ts';
import { dutyPlan, monthDutyPeriod } from '#domain/duties/duty-rules.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { targetChoices } from '#domain/visits/visit.targets.ts';
import { httpRoute } from '../platform/http.ts';
import {
  callerStaff,
  getHousehold,
  householdsOfVillages,
  listAssignmentsOf,
  listOrgUnits,
} from '../store/visits.repository.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('listVisitTargets', undefined, async ({ principal, event }) => {
  const county = principal.countyCode;
  const [units, me] = await Promise.all([listOrgUnits(county), callerStaff(principal, event)]);
  const assignments = me?.staff ? await listAssignmentsOf(county, me.id) : [];
  const villagesOf = (townId: string) =>
    units.filter((u) => u.kind === 'village' && u.parentId === townId).map((u) => u.id);

  // The villages whose households matter: those of the caller's duties and of their own reach.
  const villages = new Set<string>();
  const reach = reachOf(principal);
  if (reach === 'village') villages.add(principal.unitId);
  if (reach === 'town') villagesOf(principal.townId ?? principal.unitId).forEach((v) => villages.add(v));
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
    // County-level callers choose households only among their duties: the county's list is too long for a picker.
    households: reach === 'county' ? [] : all,
    reachable: (loc) => canReach(principal, 'village', { countyCode: county, ...loc }),
  });
  return { status: 200, body: { staffId: me?.id ?? null, ...choices } };
});
