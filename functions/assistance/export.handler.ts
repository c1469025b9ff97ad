/** GET /api/assistance/export: the filtered assistance ledger as XLSX. */
import { ledgerExportHandler } from '../platform/records-export.ts';
import { assistanceColumns, assistanceView } from './assistance.view.ts';

export const handler = ledgerExportHandler('exportAssistancePlans', assistanceView, {
  name: '帮扶台账',
  filename: '帮扶台账',
  columns: assistanceColumns,
});
