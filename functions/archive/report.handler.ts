/**
 * GET /api/archive/reports/{id}: one archived report with its delivery to each
 * recipient and the download links sent by email (for whom, until when).
 */
import { NotFoundError } from '#domain/shared/errors.ts';
import { getReport } from '../delivery/archive.ts';
import { listDeliveriesOfReport } from '../store/deliveries.repository.ts';
import { listEmailLinks } from '../store/email-links.repository.ts';
import { deliveryView, emailLinkView, reportView } from '../delivery/views.ts';
import { httpRoute } from '../platform/http.ts';

export const handler = httpRoute('getArchivedReport', undefined, async ({ principal, params }) => {
  const report = params.id ? await getReport(principal.countyCode, params.id) : undefined;
  if (!report) throw new NotFoundError('ARCHIVE.NOT_FOUND', '未找到该报告');
  const [deliveries, links] = await Promise.all([
    listDeliveriesOfReport(principal.countyCode, report.reportId),
    listEmailLinks(principal.countyCode, report.reportId),
  ]);
  return {
    status: 200,
    body: {
      report: reportView(report, deliveries),
      deliveries: deliveries.map(deliveryView),
      emailLinks: links.map(emailLinkView),
    },
  };
});
