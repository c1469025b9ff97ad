/** GET /api/petitions/dispute-register: the dispute screening register (矛盾纠纷摸底排查登记表). */
import { namedLedgerHandler, petitionView } from './views.ts';

export const handler = namedLedgerHandler('listDisputeRegister', petitionView);
