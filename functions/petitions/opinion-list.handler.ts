/** GET /api/opinions: the public-opinion ledger. */
import { namedLedgerHandler, opinionView } from './views.ts';

export const handler = namedLedgerHandler('listOpinions', opinionView);
