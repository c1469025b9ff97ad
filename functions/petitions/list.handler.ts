/** GET /api/petitions: the petition ledger (信访排查台账) with each petition's clock. */
import { namedLedgerHandler, petitionView } from './views.ts';

export const handler = namedLedgerHandler('listPetitions', petitionView);
