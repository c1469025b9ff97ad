/** POST /api/income/entry-windows: the county reopens a period's entry for a village or town (who, why, until). */
import { randomUUID } from 'node:crypto';
import {
  ENTRY_WINDOW_KIND,
  entryWindowRequestSchema,
  type EntryWindow,
} from '#domain/income/income.window.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { createRecordHandler } from '../platform/records-http.ts';
import { listOrgUnits } from '../store/org.repository.ts';

export const handler = createRecordHandler({
  routeId: 'reopenIncomeEntry',
  kind: ENTRY_WINDOW_KIND,
  scope: 'county',
  form: 'income-entry-window',
  schema: entryWindowRequestSchema,
  locate: async (body, p) => {
    const unit = (await listOrgUnits(p.countyCode)).find(
      (u) => u.id === body.unitId && (u.kind === 'village' || u.kind === 'town'),
    );
    if (!unit)
      throw new ValidationError([{ path: 'unitId', code: 'unknown', message: '未找到该村/社区或镇/街道' }]);
    return unit.kind === 'village'
      ? { villageId: unit.id, ...(unit.parentId ? { townId: unit.parentId } : {}) }
      : { townId: unit.id };
  },
  build: (body, _p, now) => {
    if (body.until < shanghaiDate(now)) {
      throw new ValidationError(
        [{ path: 'until', code: 'past', message: '开放截止日期不能早于今天' }],
        'INCOME.WINDOW_IN_PAST',
      );
    }
    const data: EntryWindow = {
      period: body.period,
      unitId: body.unitId,
      until: body.until,
      reason: body.reason,
    };
    return { id: `EW-${randomUUID()}`, data };
  },
});
