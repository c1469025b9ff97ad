/** GET /api/visits/export: the filtered visit ledger as XLSX. */
import { ledgerExportHandler } from '../platform/records-export.ts';
import { visitSheet, visitView } from './views.ts';

export const handler = ledgerExportHandler('exportVisits', visitView, visitSheet);
