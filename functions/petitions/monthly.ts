/** The monthly report form (月报表) for the caller's reach: one line per town, then the total. */
import { reachOf } from '#domain/auth/access.ts';
import type { Principal } from '#domain/auth/roles.ts';
import type { Opinion } from '#domain/petitions/opinion.schema.ts';
import { monthWindow, monthlyReportForm, type MonthlyFormRow } from '#domain/petitions/petition.analysis.ts';
import type { Petition } from '#domain/petitions/petition.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { cutoffOf } from '#domain/shared/as-of.ts';
import { periodSchema, reportingPeriodAt, shanghaiDate } from '#domain/shared/period.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { OPINION, PETITION, reachableRecords } from './views.ts';
import { now } from '#functions/platform/clock.ts';

export async function monthlyForm(
  p: Principal,
  month: string | undefined,
): Promise<{ month: string; rows: MonthlyFormRow[] }> {
  const parsed = periodSchema.safeParse(month ?? reportingPeriodAt(now()));
  if (!parsed.success)
    throw new ValidationError([{ path: 'month', code: 'invalid', message: '月份格式应为 YYYY-MM' }]);
  const at = now();
  // The same figures as the month's summary report: records as they stood when the month
  // ended (or now, while it runs), items judged on that day.
  const w = monthWindow(parsed.data, shanghaiDate(at));
  const cutoff = cutoffOf(w.asOf, at);
  const [units, petitions, opinions] = await Promise.all([
    listOrgUnits(p.countyCode),
    reachableRecords<Petition>(p, PETITION, cutoff),
    reachableRecords<Opinion>(p, OPINION, cutoff),
  ]);
  // County roles see every town's line; town and village staff their own town's.
  const ownTown = reachOf(p) === 'county' ? undefined : (p.townId ?? p.unitId);
  const towns = units
    .filter((u) => u.kind === 'town' && (ownTown === undefined || u.id === ownTown))
    .map((u) => ({ id: u.id, name: u.name }));
  const strip = <T>(r: { id: string; townId?: string; villageId?: string; data: T }) => ({
    id: r.id,
    data: r.data,
    ...(r.townId ? { townId: r.townId } : {}),
    ...(r.villageId ? { villageId: r.villageId } : {}),
  });
  return {
    month: parsed.data,
    rows: monthlyReportForm({ ...w, towns, petitions: petitions.map(strip), opinions: opinions.map(strip) }),
  };
}

export const monthlyColumns: SheetColumn[] = [
  { header: '镇/街道', key: 'townName', width: 10 },
  { header: '受理件数', key: 'received', width: 8 },
  { header: '即办', key: 'immediate', width: 6 },
  { header: '交办', key: 'assigned', width: 6 },
  { header: '限期办', key: 'deadline', width: 6 },
  { header: '涉“两不愁三保障”及饮水', key: 'monitoringReview', width: 12 },
  { header: '办结', key: 'concluded', width: 6 },
  { header: '解决', key: 'resolved', width: 6 },
  { header: '按期办结', key: 'onTime', width: 8 },
  { header: '按期办结率', key: 'onTimeRate', width: 10, numFmt: '0.0%' },
  { header: '逾期未办结', key: 'overdue', width: 10 },
  { header: '回访次数', key: 'callbacks', width: 8 },
  { header: '满意', key: 'satisfied', width: 6 },
  { header: '网络舆情', key: 'opinions', width: 8 },
];
