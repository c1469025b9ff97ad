/** GET /api/income/entry-windows: reopenings in the caller's reach (the county sees all, a village its own). */
import type { EntryWindow } from '#domain/income/income.window.ts';
import { ENTRY_WINDOW_KIND } from '#domain/income/income.window.ts';
import { ledgerListHandler } from '../platform/records-http.ts';

export const handler = ledgerListHandler<EntryWindow>('listIncomeEntryWindows', {
  kind: ENTRY_WINDOW_KIND,
  scope: 'village',
  row: (r) => ({
    period: r.data.period,
    unitId: r.data.unitId,
    until: r.data.until,
    reason: r.data.reason,
    by: r.updatedByName,
  }),
  text: (r) => `${r.data.unitId} ${r.data.reason}`,
});
