/** GET /api/opinions/export: the filtered public-opinion ledger as XLSX. */
import { namedExportHandler } from './petition.export.ts';
import { opinionColumns, opinionView } from './views.ts';

export const handler = namedExportHandler('exportOpinions', opinionView, {
  name: '网络舆情台账',
  filename: '网络舆情台账',
  columns: opinionColumns,
});
