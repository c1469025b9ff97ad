/** Closes a data error once the record is corrected: the fix and the right value land in its history. */
import { dataErrorCloseSchema, qualityKinds, type DataError } from '#domain/quality/quality.schema.ts';
import { DomainError } from '#domain/shared/errors.ts';
import { updateRecordHandler } from '../platform/records-http.ts';

export const handler = updateRecordHandler({
  routeId: 'closeDataError',
  kind: qualityKinds.error,
  scope: 'village',
  form: 'quality-error-close',
  schema: dataErrorCloseSchema,
  apply: (current, b): DataError => {
    const data = current.data as DataError;
    if (data.status === 'closed')
      throw new DomainError('QUALITY.ERROR_ALREADY_CLOSED', '该错误已修正关闭，无需再次关闭', 'conflict');
    return { ...data, status: 'closed', rightValue: b.rightValue, fixedOn: b.fixedOn, fixNote: b.fixNote };
  },
  reason: (b) => `已修正：${b.fixNote}`,
});
