import { ValidationError } from '#domain/shared/errors.ts';

/** The import id from the path: a UUID the page made. */
export function importIdOf(params: Record<string, string | undefined>): string {
  const id = params.id ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new ValidationError([{ path: 'id', code: 'invalid', message: '导入编号无效' }]);
  }
  return id.toLowerCase();
}
