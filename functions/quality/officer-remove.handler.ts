/** Takes an officer off a unit's roster: the entry stays, inactive, with the reason in its history. */
import { infoOfficerRemoveSchema, qualityKinds, type InfoOfficer } from '#domain/quality/quality.schema.ts';
import { DomainError } from '#domain/shared/errors.ts';
import { updateRecordHandler } from '../platform/records-http.ts';

export const handler = updateRecordHandler({
  routeId: 'removeInfoOfficer',
  kind: qualityKinds.officer,
  scope: 'village',
  form: 'quality-officer-remove',
  schema: infoOfficerRemoveSchema,
  apply: (current, b): InfoOfficer => {
    const data = current.data as InfoOfficer;
    if (!data.active)
      throw new DomainError('QUALITY.OFFICER_ALREADY_REMOVED', '该信息员已调整出名册', 'conflict');
    return { ...data, active: false, endedOn: b.endedOn };
  },
  reason: (b) => b.reason,
});
