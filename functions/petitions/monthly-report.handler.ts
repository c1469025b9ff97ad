/** GET /api/petitions/monthly-report?month=YYYY-MM: the monthly report form (月报表). */
import { httpRoute } from '../platform/http.ts';
import { monthlyForm } from './monthly.ts';

export const handler = httpRoute('petitionMonthlyReport', undefined, async ({ principal, query }) => {
  const { month, rows } = await monthlyForm(principal, query.month);
  return {
    status: 200,
    body: {
      month,
      total: rows.length,
      page: 1,
      pageSize: rows.length,
      items: rows.map((r) => ({ id: r.townId, ...r })),
    },
  };
});
