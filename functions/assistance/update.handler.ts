/** PUT /api/assistance/{id}: changes a plan's cause, measures or responsible person, or adds a follow-up. */
import {
  ASSISTANCE_KIND,
  applyAssistanceUpdate,
  assistanceUpdateSchema,
  type AssistancePlan,
} from '#domain/income/assistance.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { updateRecordHandler } from '../platform/records-http.ts';

export const handler = updateRecordHandler({
  routeId: 'updateAssistancePlan',
  kind: ASSISTANCE_KIND,
  scope: 'village',
  form: 'assistance-plan',
  schema: assistanceUpdateSchema,
  apply: (current, body, _p, now) =>
    applyAssistanceUpdate(current.data as AssistancePlan, body, shanghaiDate(now)),
  reason: (body) => body.reason ?? (body.followUp ? `跟进：${body.followUp.result}` : undefined),
});
