import { ledgerListHandler } from '../shared/records-http.ts';
import { dataErrorView } from '../quality-shared/views.ts';

export const handler = ledgerListHandler('listDataErrors', dataErrorView);
