/** GET /api/visits/export: the filtered visit ledger as XLSX. */
import { ledgerExportHandler } from '../shared/records-export.ts';
import { visitSheet, visitView } from '../visit-shared/views.ts';

export const handler = ledgerExportHandler('exportVisits', visitView, visitSheet);
