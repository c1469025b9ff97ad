/**
 * The XLSX export of a petition-side ledger. Kept apart from `views.ts` so that
 * only the export functions carry the spreadsheet library.
 */
import type { FileReply, RoutesAccepting } from '#domain/system/api.ts';
import { buildWorkbook, type CellValue, type SheetColumn } from '#reports/xlsx/workbook.ts';
import { httpRoute } from '../platform/http.ts';
import { parseLedgerQuery, queryLedger, type LedgerView } from '../platform/records-http.ts';
import { unitNames, type Names } from './views.ts';
import { now } from '#functions/platform/clock.ts';

/** The XLSX of exactly what the ledger filters show. */
export function namedExportHandler<T>(
  routeId: RoutesAccepting<FileReply>,
  makeView: (names: Names) => LedgerView<T>,
  sheet: { name: string; filename: string; columns: SheetColumn[] },
  keep: (row: Record<string, unknown>) => boolean = () => true,
) {
  return httpRoute(routeId, undefined, async ({ principal, query }) => {
    const view = makeView(await unitNames(principal.countyCode));
    const q = { ...parseLedgerQuery(query), page: 1, pageSize: 1e9 };
    const rows = (await queryLedger(view, principal, q, now())).rows.filter(keep);
    const content = await buildWorkbook(
      [{ name: sheet.name, columns: sheet.columns, rows: rows as Record<string, CellValue>[] }],
      { creator: principal.name },
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
