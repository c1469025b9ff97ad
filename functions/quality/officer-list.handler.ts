import { ledgerListHandler } from '../platform/records-http.ts';
import { officerView } from './views.ts';

export const handler = ledgerListHandler('listInfoOfficers', officerView);
