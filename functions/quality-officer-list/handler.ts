import { ledgerListHandler } from '../shared/records-http.ts';
import { officerView } from '../quality-shared/views.ts';

export const handler = ledgerListHandler('listInfoOfficers', officerView);
