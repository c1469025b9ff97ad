/** POST /api/opinions: a public-opinion item (网络舆情), placed at the town or village it concerns, if any. */
import { newOpinion } from '#domain/petitions/opinion.rules.ts';
import { opinionCreateSchema } from '#domain/petitions/opinion.schema.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { OPINION } from './views.ts';

export const handler = createRecordHandler({
  routeId: 'createOpinion',
  kind: OPINION,
  scope: 'village',
  form: 'opinion-item',
  schema: opinionCreateSchema,
  locate: async (body, p) => {
    if (!body.villageId && !body.townId) return {};
    const units = await listOrgUnits(p.countyCode);
    if (body.villageId) {
      const v = units.find((u) => u.id === body.villageId && u.kind === 'village');
      if (!v) throw new NotFoundError('OPINION.UNIT_NOT_FOUND', '未找到该村/社区');
      return { villageId: v.id, ...(v.parentId ? { townId: v.parentId } : {}) };
    }
    const t = units.find((u) => u.id === body.townId && u.kind === 'town');
    if (!t) throw new NotFoundError('OPINION.UNIT_NOT_FOUND', '未找到该镇/街道');
    return { townId: t.id };
  },
  build: async (body, p, now) => {
    const { submissionId, ...fields } = body;
    // The town follows from the village, so the stored item cannot contradict its place.
    const townId = body.villageId
      ? (await listOrgUnits(p.countyCode)).find((u) => u.id === body.villageId)?.parentId
      : body.townId;
    return {
      id: submissionId,
      data: newOpinion({ ...fields, ...(townId ? { townId } : {}) }, shanghaiDate(now)),
    };
  },
});
