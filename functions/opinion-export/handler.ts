/** GET /api/opinions/export: the filtered public-opinion ledger as XLSX. */
import { namedExportHandler } from '../petition-views/export.ts';
import { opinionColumns, opinionView } from '../petition-views/views.ts';

export const handler = namedExportHandler('exportOpinions', opinionView, {
  name: '网络舆情台账',
  filename: '网络舆情台账',
  columns: opinionColumns,
});
