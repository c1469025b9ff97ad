/** POST /api/imports/{id}/preview: checks every row of the uploaded file; writes nothing to the directory. */
import { httpRoute } from '../platform/http.ts';
import { importIdOf } from './import.ids.ts';
import { previewImport } from './import.preview.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('importPreview', undefined, async ({ principal, params }) => ({
  status: 200,
  body: await previewImport(principal.countyCode, importIdOf(params), now()),
}));
