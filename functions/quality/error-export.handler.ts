import { ledgerExportHandler } from '../platform/records-export.ts';
import { dataErrorSheet, dataErrorView } from './views.ts';

export const handler = ledgerExportHandler('exportDataErrors', dataErrorView, dataErrorSheet);
