/** GET /api/archive/reports/{id}: one archived report with its delivery to each recipient. */
import { NotFoundError } from '#domain/shared/errors.ts';
import { getReport } from '../delivery/archive.ts';
import { listDeliveriesOfReport } from '../delivery/deliveries.ts';
import { deliveryView, reportView } from '../delivery/views.ts';
import { httpRoute } from '../shared/http.ts';

export const handler = httpRoute('getArchivedReport', undefined, async ({ principal, params }) => {
  const report = params.id ? await getReport(principal.countyCode, params.id) : undefined;
  if (!report) throw new NotFoundError('ARCHIVE.NOT_FOUND', '未找到该报告');
  const deliveries = await listDeliveriesOfReport(principal.countyCode, report.reportId);
  return {
    status: 200,
    body: { report: reportView(report, deliveries), deliveries: deliveries.map(deliveryView) },
  };
});
