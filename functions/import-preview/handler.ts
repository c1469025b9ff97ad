/** POST /api/imports/{id}/preview: checks every row of the uploaded file; writes nothing to the directory. */
import { httpRoute } from '../shared/http.ts';
import { importIdOf } from '../import-common/ids.ts';
import { previewImport } from '../import-common/preview.ts';
import { now } from '#functions/shared/clock.ts';

export const handler = httpRoute('importPreview', undefined, async ({ principal, params }) => ({
  status: 200,
  body: await previewImport(principal.countyCode, importIdOf(params), now()),
}));
