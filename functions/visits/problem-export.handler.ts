/** GET /api/problems/export: the filtered problem ledger as XLSX. */
import { ledgerExportHandler } from '../platform/records-export.ts';
import { problemSheet, problemView } from './views.ts';

export const handler = ledgerExportHandler('exportProblems', problemView, problemSheet);
