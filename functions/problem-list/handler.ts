/** GET /api/problems: the problem ledger (问题台账), overdue rows flagged. */
import { ledgerListHandler } from '../shared/records-http.ts';
import { problemView } from '../visit-shared/views.ts';

export const handler = ledgerListHandler('listProblems', problemView);
