/** PUT /api/petitions/{id}: a handling step, and the result when it concludes the petition. */
import { applyHandling } from '#domain/petitions/petition.rules.ts';
import { petitionHandlingSchema } from '#domain/petitions/petition.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { updateRecordHandler } from '../platform/records-http.ts';
import { PETITION } from './views.ts';

export const handler = updateRecordHandler({
  routeId: 'handlePetition',
  kind: PETITION,
  scope: 'village',
  form: 'petition-handling',
  schema: petitionHandlingSchema,
  apply: (current, body, p, now) => applyHandling(current.data, body, p.name, shanghaiDate(now)),
  reason: (body) => (body.result ? '办结' : '办理情况'),
});
