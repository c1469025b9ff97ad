/** POST /api/petitions/{id}/callbacks: a callback (回访) to the petitioner, kept in the petition's history. */
import { applyCallback } from '#domain/petitions/petition.rules.ts';
import { petitionCallbackSchema } from '#domain/petitions/petition.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { updateRecordHandler } from '../platform/records-http.ts';
import { PETITION } from './views.ts';

export const handler = updateRecordHandler({
  routeId: 'addPetitionCallback',
  kind: PETITION,
  scope: 'village',
  form: 'petition-callback',
  schema: petitionCallbackSchema,
  apply: (current, { submissionId: _s, expectedVersion: _v, ...callback }, _p, now) =>
    applyCallback(current.data, callback, shanghaiDate(now)),
  reason: () => '回访',
});
