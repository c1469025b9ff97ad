/** GET /api/petitions/export: the filtered petition ledger as XLSX (personal data masked). */
import { namedExportHandler } from './petition.export.ts';
import { petitionColumns, petitionView } from './views.ts';

export const handler = namedExportHandler('exportPetitions', petitionView, {
  name: '信访排查台账',
  filename: '信访排查台账',
  columns: petitionColumns,
});
