/** Adds an information officer (信息员) to a unit's roster. */
import { infoOfficerCreateSchema, qualityKinds, type InfoOfficer } from '#domain/quality/quality.schema.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { findUnit, unitLocation } from './views.ts';

export const handler = createRecordHandler({
  routeId: 'addInfoOfficer',
  kind: qualityKinds.officer,
  scope: 'village',
  form: 'quality-officer',
  schema: infoOfficerCreateSchema,
  locate: async (b, p) =>
    unitLocation(await findUnit(p.countyCode, b.unitId, ['village', 'town', 'department'])),
  build: ({ submissionId, ...fields }) => ({
    id: `IO-${submissionId}`,
    data: { ...fields, active: true } satisfies InfoOfficer,
  }),
});
