/**
 * POST /api/visits: records a visit (走访记录) by the signed-in person (or, by the
 * coordination office, for a duty holder: `visitorStaffId`), and one problem record
 * per problem found. Authorised by duty or reach (`domain/visits/visit.access.ts`).
 * Idempotent on the form's submission id.
 */
import { shanghaiDate } from '#domain/shared/period.ts';
import { recordVisit } from '#domain/visits/visit.record.ts';
import { visitEntrySchema } from '#domain/visits/visit.schema.ts';
import { httpRoute } from '../platform/http.ts';
import { recordRepository } from '../store/records.repository.ts';
import { callerStaff, getStaffEntry, resolveTarget } from '../store/visits.repository.ts';
import { dutiesFor } from './duties.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

export const handler = httpRoute('createVisit', visitEntrySchema, async ({ body, principal, event }) => {
  const now = clockNow();
  const { visit, problems, replayed } = await recordVisit(
    body,
    {
      who: principal,
      repo: recordRepository,
      now,
      today: shanghaiDate(now),
      submissionId: body.submissionId,
      form: 'visit-entry',
      scope: 'village',
    },
    {
      resolveTarget: (ref) => resolveTarget(principal.countyCode, ref),
      staffId: async () => (await callerStaff(principal, event))?.id,
      staffById: (staffId) => getStaffEntry(principal.countyCode, staffId),
      // The duties of the visit's own month: a visit entered late still counts for that month.
      dutiesOf: (staffId, target) => dutiesFor(principal.countyCode, staffId, target, body.date),
    },
  );
  return {
    status: 201,
    body: { record: visit, problems },
    headers: { 'x-idempotent-replay': String(replayed) },
  };
});
