/** PUT /api/opinions/{id}: investigation, official reply and callbacks as they happen. */
import { applyOpinionUpdate } from '#domain/petitions/opinion.rules.ts';
import { opinionUpdateSchema } from '#domain/petitions/opinion.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { updateRecordHandler } from '../platform/records-http.ts';
import { OPINION } from './views.ts';

export const handler = updateRecordHandler({
  routeId: 'updateOpinion',
  kind: OPINION,
  scope: 'village',
  form: 'opinion-item',
  schema: opinionUpdateSchema,
  apply: (current, body, _p, now) => applyOpinionUpdate(current.data, body, shanghaiDate(now)),
  reason: (body) => (body.addCallback ? '回访' : body.officialReply ? '官方回复' : '核查情况'),
});
