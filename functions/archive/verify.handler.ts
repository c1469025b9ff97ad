/**
 * GET /api/archive/verify/{sha256}: is a file with this SHA-256 an archived report,
 * which one, and when was it sent to whom. The browser computes the hash; the file
 * itself never leaves the auditor's machine.
 */
import { sha256Schema } from '#domain/delivery/archive.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { findReportsBySha } from '../delivery/archive.ts';
import { listDeliveriesOfReport } from '../store/deliveries.repository.ts';
import { deliveryView, reportView } from '../delivery/views.ts';
import { httpRoute } from '../platform/http.ts';

export const handler = httpRoute('verifyArchivedReport', undefined, async ({ principal, params }) => {
  const sha = sha256Schema.safeParse(params.sha256);
  if (!sha.success) {
    throw new ValidationError([
      { path: 'sha256', code: 'invalid', message: 'SHA-256 应为 64 位十六进制字符' },
    ]);
  }
  const found = await findReportsBySha(principal.countyCode, sha.data);
  const matches = await Promise.all(
    found.map(async (r) => {
      const deliveries = await listDeliveriesOfReport(principal.countyCode, r.reportId);
      const sent = deliveries.filter((d) => d.status === 'sent' && d.fileSha256 === sha.data);
      return { report: reportView(r, deliveries), sentTo: sent.map(deliveryView) };
    }),
  );
  return { status: 200, body: { sha256: sha.data, archived: matches.length > 0, matches } };
});
