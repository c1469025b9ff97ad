/** GET /api/archive/reports: auditors search the archive by period, kind, town and title text. */
import { archiveQuerySchema } from '#domain/delivery/archive.schema.ts';
import { parseOrThrow } from '#domain/shared/zod-issues.ts';
import { searchReports } from '../delivery/archive.ts';
import { listDeliveriesOfReport } from '../store/deliveries.repository.ts';
import { reportView } from '../delivery/views.ts';
import { httpRoute } from '../platform/http.ts';

export const handler = httpRoute('searchArchive', undefined, async ({ principal, query }) => {
  const q = parseOrThrow(archiveQuerySchema, query);
  const county = principal.countyCode;
  const page = await searchReports(county, {
    limit: q.limit,
    ...(q.period ? { period: q.period } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.scope ? { scope: q.scope } : {}),
    ...(q.q ? { text: q.q } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  const items = await Promise.all(
    page.items.map(async (r) => reportView(r, await listDeliveriesOfReport(county, r.reportId))),
  );
  return { status: 200, body: { items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
});
