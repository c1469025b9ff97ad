/** POST /api/petitions: a petition taken in (信访登记), placed in its village and checked against the intake rules. */
import { newPetition } from '#domain/petitions/petition.rules.ts';
import { petitionIntakeSchema } from '#domain/petitions/petition.schema.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { PetitionRuleError } from '#domain/petitions/petition.rules.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { getHousehold, listOrgUnits } from '../store/org.repository.ts';
import { PETITION } from './views.ts';

export const handler = createRecordHandler({
  routeId: 'createPetition',
  kind: PETITION,
  scope: 'village',
  form: 'petition-intake',
  schema: petitionIntakeSchema,
  locate: async (body, p) => {
    const village = (await listOrgUnits(p.countyCode)).find(
      (u) => u.id === body.villageId && u.kind === 'village',
    );
    if (!village) throw new NotFoundError('PETITION.VILLAGE_NOT_FOUND', '未找到该村/社区');
    if (body.householdId) {
      const hh = await getHousehold(p.countyCode, body.householdId);
      if (!hh) throw new NotFoundError('PETITION.HOUSEHOLD_NOT_FOUND', '未找到该农户');
      if (hh.villageId !== village.id)
        throw new PetitionRuleError(
          'PETITION.HOUSEHOLD_NOT_IN_VILLAGE',
          'householdId',
          '该农户不属于所选村/社区',
        );
    }
    return { villageId: village.id, ...(village.parentId ? { townId: village.parentId } : {}) };
  },
  // The submission id names the record, so a retry after a lost answer finds the same record.
  build: (body, _p, now) => ({ id: body.submissionId, data: newPetition(body, shanghaiDate(now)) }),
});
