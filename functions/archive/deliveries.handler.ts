/**
 * GET /api/deliveries?period=YYYY-MM[&status=…]: the delivery of every report of a
 * period to each recipient, for the county office to see what reached whom.
 */
import * as z from '#domain/shared/zod.ts';
import { periodSchema, reportingPeriodAt } from '#domain/shared/period.ts';
import { parseOrThrow } from '#domain/shared/zod-issues.ts';
import { getReport } from '../delivery/archive.ts';
import { listDeliveriesOfPeriod } from '../store/deliveries.repository.ts';
import { deliveryView } from '../delivery/views.ts';
import { httpRoute } from '../platform/http.ts';
import { now } from '#functions/platform/clock.ts';

const querySchema = z.object({
  period: z.optional(periodSchema),
  status: z.enum(['sending', 'sent', 'failed', 'abandoned']).optional(),
});

export const handler = httpRoute('listDeliveries', undefined, async ({ principal, query }) => {
  const q = parseOrThrow(querySchema, query);
  const period = q.period ?? reportingPeriodAt(now());
  const all = await listDeliveriesOfPeriod(principal.countyCode, period);
  const items = q.status ? all.filter((d) => d.status === q.status) : all;
  const titles = new Map<string, string>();
  await Promise.all(
    [...new Set(items.map((d) => d.reportId))].map(async (id) => {
      titles.set(id, (await getReport(principal.countyCode, id))?.title ?? id);
    }),
  );
  return {
    status: 200,
    body: {
      period,
      items: items.map((d) => ({ ...deliveryView(d), title: titles.get(d.reportId) ?? d.reportId })),
    },
  };
});
