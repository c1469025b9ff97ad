import { ledgerExportHandler } from '../shared/records-export.ts';
import { dataErrorSheet, dataErrorView } from '../quality-shared/views.ts';

export const handler = ledgerExportHandler('exportDataErrors', dataErrorView, dataErrorSheet);
