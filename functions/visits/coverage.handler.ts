/**
 * GET /api/visits/coverage?period=YYYY-MM: the duties' coverage (走访覆盖) as the
 * coverage report counts it, narrowed to what the caller may see: the county's
 * for county roles, the town's for town staff and town leaders, one's own for
 * everyone with duties (village officers, cadres, first secretaries, department
 * staff). Reads only the directory that scope needs.
 */
import { reachOf } from '#domain/auth/access.ts';
import { monthDutyPeriod } from '#domain/duties/duty-rules.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { periodSchema, shanghaiDate } from '#domain/shared/period.ts';
import { analyseVisitCoverage, coverageView, type CoverageViewScope } from '#domain/visits/visit.coverage.ts';
import { now } from '#functions/platform/clock.ts';
import { httpRoute } from '../platform/http.ts';
import {
  callerStaff,
  getHousehold,
  listAssignments,
  listAssignmentsOf,
  listOrgUnits,
  listStaffEntries,
} from '../store/visits.repository.ts';
import { readCoverageInput } from './coverage-input.ts';

export const handler = httpRoute('visitCoverage', undefined, async ({ principal, query, event }) => {
  const county = principal.countyCode;
  const asked = query.period ? periodSchema.safeParse(query.period) : undefined;
  if (asked && !asked.success)
    throw new ValidationError([{ path: 'period', code: 'invalid', message: '月份格式应为 YYYY-MM' }]);
  // Coverage runs through the month: this month unless another is asked for.
  const period = asked?.data ?? shanghaiDate(now()).slice(0, 7);
  const span = monthDutyPeriod(period);
  const cutoff = cutoffOf(span.end, now());
  const units = await listOrgUnits(county);
  const reach = reachOf(principal);
  const townId = principal.townId ?? principal.unitId;
  const villagesOf = (t?: string) =>
    units.filter((u) => u.kind === 'village' && (t === undefined || u.parentId === t)).map((u) => u.id);

  let scope: CoverageViewScope;
  let input;
  if (reach === 'county' || reach === 'town') {
    // Everyone's duties, over the households of the county or of the caller's town.
    scope = reach === 'county' ? { level: 'county' } : { level: 'town', townId };
    const [staff, assignments] = await Promise.all([listStaffEntries(county), listAssignments(county)]);
    input = await readCoverageInput({
      county,
      span,
      cutoff,
      units,
      staff,
      assignments,
      villages: villagesOf(reach === 'county' ? undefined : townId),
    });
  } else {
    // One's own duties: their staff record and assignments, the villages those name.
    const me = await callerStaff(principal, event);
    scope = { level: 'person', staffId: me?.id ?? '' };
    const assignments = me ? await listAssignmentsOf(county, me.id) : [];
    const villages = new Set<string>([principal.unitId]);
    for (const a of assignments) {
      if (a.kind === 'town-link') villagesOf(a.targetId).forEach((v) => villages.add(v));
      if (a.kind === 'village-lead' || a.kind === 'resident' || a.kind === 'key-village')
        villages.add(a.targetId);
    }
    // A paired household may sit in another village: read that village too.
    const paired = await Promise.all(
      assignments.filter((a) => a.kind === 'household').map((a) => getHousehold(county, a.targetId)),
    );
    for (const h of paired) if (h) villages.add(h.villageId);
    input = await readCoverageInput({
      county,
      span,
      cutoff,
      units,
      staff: me ? [me] : [],
      assignments,
      villages: [...villages],
    });
  }
  const analysis = analyseVisitCoverage({ ...input, ...(scope.level === 'town' ? { townId } : {}) });
  return { status: 200, body: coverageView(analysis, scope) };
});
