/** POST /api/assistance: opens the household's assistance plan (one per household, id derived from it). */
import {
  ASSISTANCE_KIND,
  assistanceCreateSchema,
  assistancePlanId,
  type AssistancePlan,
} from '#domain/income/assistance.schema.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { getHousehold } from '../store/org.repository.ts';

export const handler = createRecordHandler({
  routeId: 'createAssistancePlan',
  kind: ASSISTANCE_KIND,
  scope: 'village',
  form: 'assistance-plan',
  schema: assistanceCreateSchema,
  // Where the plan sits comes from the household as stored, never from the request.
  locate: async (body, p) => {
    const h = await getHousehold(p.countyCode, body.householdId);
    if (!h) throw new NotFoundError('ASSISTANCE.HOUSEHOLD_NOT_FOUND', '未找到该农户，请从列表中选择');
    return { villageId: h.villageId, townId: h.townId };
  },
  build: (body) => {
    const { submissionId: _s, ...plan } = body;
    void _s;
    const data: AssistancePlan = { ...plan, followUps: [] };
    return { id: assistancePlanId(body.householdId), data };
  },
});
