import { ledgerListHandler } from '../platform/records-http.ts';
import { dataErrorView } from './views.ts';

export const handler = ledgerListHandler('listDataErrors', dataErrorView);
