/** GET /api/visits: the visit ledger (走访台账), scoped to the caller. */
import { ledgerListHandler } from '../shared/records-http.ts';
import { visitView } from '../visit-shared/views.ts';

export const handler = ledgerListHandler('listVisits', visitView);
