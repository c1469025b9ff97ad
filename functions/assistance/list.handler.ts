/** GET /api/assistance: the assistance ledger (帮扶台账) in the caller's reach. */
import { ledgerListHandler } from '../platform/records-http.ts';
import { assistanceView } from './assistance.view.ts';

export const handler = ledgerListHandler('listAssistancePlans', assistanceView);
