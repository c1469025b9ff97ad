/**
 * PUT /api/imports/{id}/chunks: one chunk of a file to import. Files travel in
 * chunks so that each request stays under the API's body limit and the page can
 * show upload progress; the import id is made by the page.
 */
import { importChunkSchema } from '#domain/directory/import.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { httpRoute } from '../platform/http.ts';
import { saveChunk } from '../store/directory.imports.ts';
import { importIdOf } from './import.ids.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('importChunk', importChunkSchema, async ({ body, principal, params }) => {
  const importId = importIdOf(params);
  if (body.index >= body.total)
    throw new ValidationError([{ path: 'index', code: 'too_big', message: '分片序号超出范围' }]);
  await saveChunk(
    principal.countyCode,
    {
      importId,
      kind: body.kind,
      filename: body.filename,
      size: body.size,
      total: body.total,
      createdBy: principal.userId,
      createdAt: now().toISOString(),
    },
    body.index,
    body.data,
  );
  return { status: 200, body: { importId, received: body.index + 1, total: body.total } };
});
