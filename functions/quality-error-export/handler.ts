import { ledgerExportHandler } from '../shared/records-http.ts';
import { dataErrorSheet, dataErrorView } from '../quality-shared/views.ts';

export const handler = ledgerExportHandler('exportDataErrors', dataErrorView, dataErrorSheet);
