/** GET /api/petitions/monthly-report/export?month=YYYY-MM: the monthly report form as XLSX. */
import { periodLabel } from '#domain/shared/period.ts';
import { buildWorkbook, type CellValue } from '#reports/xlsx/workbook.ts';
import { httpRoute } from '../platform/http.ts';
import { monthlyColumns, monthlyForm } from './monthly.ts';

export const handler = httpRoute('exportPetitionMonthlyReport', undefined, async ({ principal, query }) => {
  const { month, rows } = await monthlyForm(principal, query.month);
  const title = `信访舆情月报表（${periodLabel(month)}）`;
  const content = await buildWorkbook(
    [{ name: '月报表', columns: monthlyColumns, rows: rows as unknown as Record<string, CellValue>[] }],
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
      filename: `${title}.xlsx`,
    },
  };
});
