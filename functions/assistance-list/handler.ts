/** GET /api/assistance: the assistance ledger (帮扶台账) in the caller's reach. */
import { ledgerListHandler } from '../shared/records-http.ts';
import { assistanceView } from './view.ts';

export const handler = ledgerListHandler('listAssistancePlans', assistanceView);
