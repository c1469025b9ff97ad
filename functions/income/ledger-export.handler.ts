/** GET /api/income/ledger/{period}/export: the same filtered ledger as XLSX (formula-injection safe). */
import { periodLabel } from '#domain/shared/period.ts';
import { buildWorkbook } from '#reports/xlsx/workbook.ts';
import { httpRoute } from '../platform/http.ts';
import { parseLedgerQuery } from '../platform/records-http.ts';
import { incomeLedgerColumns, incomeLedgerRows, ledgerAsOf, ledgerPeriod } from './ledger.ts';

export const handler = httpRoute('incomeLedgerExport', undefined, async ({ principal, params, query }) => {
  const period = ledgerPeriod(params.period);
  const rows = await incomeLedgerRows(
    principal,
    period,
    { ...parseLedgerQuery(query), page: 1, pageSize: 1e9 },
    ledgerAsOf(query.asOf),
  );
  const content = await buildWorkbook(
    [{ name: `${periodLabel(period)}收入台账`, columns: incomeLedgerColumns, rows }],
    {
      creator: principal.name,
    },
  );
  return {
    status: 200,
    body: null,
    file: {
      content,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `收入台账-${period}.xlsx`,
    },
  };
});
