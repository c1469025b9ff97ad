/** Records a spot check (暗访、电话抽查、问卷调查) of a village's data. */
import { qualityKinds, spotCheckCreateSchema, type SpotCheck } from '#domain/quality/quality.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { findUnit, householdLocation, unitLocation } from './views.ts';

export const handler = createRecordHandler({
  routeId: 'createSpotCheck',
  kind: qualityKinds.spotCheck,
  scope: 'village',
  form: 'quality-spot-check',
  schema: spotCheckCreateSchema,
  locate: async (b, p) => {
    const at = unitLocation(await findUnit(p.countyCode, b.villageId, ['village']));
    // A household named must be one of that village's.
    if (b.householdId && (await householdLocation(p.countyCode, b.householdId)).villageId !== b.villageId) {
      throw new ValidationError([
        { path: 'householdId', code: 'custom', message: '该农户不属于所选村/社区' },
      ]);
    }
    return at;
  },
  build: ({ submissionId, ...fields }) => ({ id: `SC-${submissionId}`, data: fields satisfies SpotCheck }),
});
