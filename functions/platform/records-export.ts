/**
 * The XLSX export of a register's ledger, apart from the other register handlers
 * so that only export functions bundle exceljs.
 */
import { buildWorkbook, type CellValue, type SheetColumn } from '#reports/xlsx/workbook.ts';
import type { FileReply, RoutesAccepting } from '#domain/system/api.ts';
import { httpRoute } from './http.ts';
import { parseLedgerQuery, queryLedger, type LedgerView } from './records-http.ts';
import { now } from '#functions/platform/clock.ts';

/** GET export route: the same filtered ledger as an XLSX (cells neutralised against formula injection). */
export function ledgerExportHandler<T>(
  routeId: RoutesAccepting<FileReply>,
  view: LedgerView<T>,
  sheet: { name: string; filename: string; columns: SheetColumn[] },
) {
  return httpRoute(routeId, undefined, async ({ principal, query }) => {
    const { rows } = await queryLedger(
      view,
      principal,
      { ...parseLedgerQuery(query), page: 1, pageSize: 1e9 },
      now(),
    );
    const content = await buildWorkbook(
      [{ name: sheet.name, columns: sheet.columns, rows: rows as Record<string, CellValue>[] }],
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
        filename: `${sheet.filename}.xlsx`,
      },
    };
  });
}
