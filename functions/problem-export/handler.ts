/** GET /api/problems/export: the filtered problem ledger as XLSX. */
import { ledgerExportHandler } from '../shared/records-export.ts';
import { problemSheet, problemView } from '../visit-shared/views.ts';

export const handler = ledgerExportHandler('exportProblems', problemView, problemSheet);
