/** GET /api/problems: the problem ledger (问题台账), overdue rows flagged. */
import { ledgerListHandler } from '../platform/records-http.ts';
import { problemView } from './views.ts';

export const handler = ledgerListHandler('listProblems', problemView);
