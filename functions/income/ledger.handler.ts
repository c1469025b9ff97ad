/** GET /api/income/ledger/{period}: the month's income ledger in the caller's reach, filtered, sorted, paged. */
import { httpRoute } from '../platform/http.ts';
import { parseLedgerQuery } from '../platform/records-http.ts';
import { incomeLedgerRows, ledgerAsOf, ledgerPeriod } from './ledger.ts';

export const handler = httpRoute('incomeLedger', undefined, async ({ principal, params, query }) => {
  const q = parseLedgerQuery(query);
  const asOf = ledgerAsOf(query.asOf);
  const rows = await incomeLedgerRows(principal, ledgerPeriod(params.period), q, asOf);
  const start = (q.page - 1) * q.pageSize;
  return {
    status: 200,
    body: {
      total: rows.length,
      ...(asOf ? { asOf } : {}),
      page: q.page,
      pageSize: q.pageSize,
      items: rows.slice(start, start + q.pageSize),
    },
  };
});
