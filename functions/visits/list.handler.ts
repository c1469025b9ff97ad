/** GET /api/visits: the visit ledger (走访台账), scoped to the caller. */
import { ledgerListHandler } from '../platform/records-http.ts';
import { visitView } from './views.ts';

export const handler = ledgerListHandler('listVisits', visitView);
