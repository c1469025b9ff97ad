/** Records a data error (错误信息记录) found by comparison, visit, phone check or questionnaire. */
import { dataErrorCreateSchema, qualityKinds, type DataError } from '#domain/quality/quality.schema.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { householdLocation } from './views.ts';

export const handler = createRecordHandler({
  routeId: 'createDataError',
  kind: qualityKinds.error,
  scope: 'village',
  form: 'quality-error',
  schema: dataErrorCreateSchema,
  locate: (b, p) => householdLocation(p.countyCode, b.householdId),
  build: ({ submissionId, ...fields }) => ({
    id: `DE-${submissionId}`,
    data: { ...fields, status: 'open' } satisfies DataError,
  }),
});
