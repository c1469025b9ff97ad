/**
 * The income ledger (收入台账) of a month: one row per household due, entered or
 * not, in the caller's reach, read village by village; filtered, sorted and paged
 * like every other ledger (same query parameters as `records-http`).
 */
import { canReach } from '#domain/auth/access.ts';
import type { Principal } from '#domain/auth/roles.ts';
import {
  incomeReviewActionLabels,
  incomeStatusLabels,
  incomeStatusOf,
  openCountyRound,
} from '#domain/income/income.schema.ts';
import { dueInPeriod, townReviewed } from '#domain/income/income.analysis.ts';
import { householdCategoryLabels } from '#domain/org/org.schema.ts';
import { endOfShanghaiDay } from '#domain/shared/as-of.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { periodSchema, type Period } from '#domain/shared/period.ts';
import type { LedgerCells } from '#domain/records/record.api.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import { mapLimit } from '../jobs/job.types.ts';
import type { LedgerQuery } from '../platform/records-http.ts';
import { listVillageIncome, listVillageIncomeAsOf } from '../store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '../store/org.repository.ts';

export function ledgerPeriod(raw: string | undefined): Period {
  const p = periodSchema.safeParse(raw);
  if (!p.success)
    throw new ValidationError([{ path: 'period', code: 'invalid', message: '月份格式应为 YYYY-MM' }]);
  return p.data;
}

export type IncomeLedgerRow = LedgerCells;

/**
 * The `asOf` query of the ledger: a day (its end, Asia/Shanghai) or an ISO instant.
 * With it the ledger shows the month as a report made then saw it (e.g. the monthly
 * report's cut-off, printed on the report); without it, as it stands now.
 */
export function ledgerAsOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)))
    return endOfShanghaiDay(raw);
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw)))
    return new Date(raw).toISOString();
  throw new ValidationError([
    { path: 'asOf', code: 'invalid', message: '截至时间应为日期（YYYY-MM-DD）或带时区的时间' },
  ]);
}

export async function incomeLedgerRows(
  p: Principal,
  period: Period,
  q: LedgerQuery,
  /** Read the records as of this instant (ISO); now when absent. */
  asOf?: string,
): Promise<IncomeLedgerRow[]> {
  const county = p.countyCode;
  const units = await listOrgUnits(county);
  const towns = new Map(units.filter((u) => u.kind === 'town').map((u) => [u.id, u.name]));
  const villages = units.filter(
    (u) =>
      u.kind === 'village' &&
      (!q.townId || u.parentId === q.townId) &&
      (!q.villageId || u.id === q.villageId) &&
      canReach(p, 'village', {
        countyCode: county,
        villageId: u.id,
        ...(u.parentId ? { townId: u.parentId } : {}),
      }),
  );
  const perVillage = await mapLimit(villages, 8, async (v) => {
    const [households, records] = await Promise.all([
      listVillageHouseholds(county, v.id),
      asOf ? listVillageIncomeAsOf(county, period, v.id, asOf) : listVillageIncome(county, period, v.id),
    ]);
    const byHh = new Map(records.map((r) => [r.householdId, r]));
    // The households due for the month by their category then, as the monthly report counts them.
    return households
      .filter((h) => dueInPeriod(h, period))
      .map((h): IncomeLedgerRow => {
        const r = byHh.get(h.id);
        const status = incomeStatusOf(r);
        const round = r ? openCountyRound(r) : undefined;
        return {
          id: h.id,
          householdId: h.id,
          headName: h.headName,
          category: householdCategoryLabels[h.category],
          townId: h.townId,
          townName: towns.get(h.townId) ?? h.townId,
          villageId: v.id,
          villageName: v.name,
          status,
          statusLabel: incomeStatusLabels[status],
          version: r?.version ?? 0,
          memberCount: r?.memberCount ?? h.memberCount,
          netIncome: r?.netIncome ?? null,
          perCapitaNet: r?.perCapitaNet ?? null,
          reviewed: r ? townReviewed(r) : false,
          review: r?.review ? incomeReviewActionLabels[r.review.action] : '',
          reviewReason: r?.review?.reason ?? '',
          countyNote: round ? `第${round.round}轮：${round.note}` : '',
          enteredAt: r?.enteredAt ?? '',
          updatedAt: r?.updatedAt ?? '',
        };
      });
  });
  const rows = perVillage
    .flat()
    .filter(
      (r) =>
        (!q.status || r.status === q.status) &&
        (!q.q || `${String(r.headName)}${String(r.householdId)}`.includes(q.q)),
    );
  const key = q.sort && q.sort !== 'createdAt' ? q.sort : 'householdId';
  rows.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
    return q.desc && q.sort ? -c : c;
  });
  return rows;
}

export const incomeLedgerColumns: SheetColumn[] = [
  { key: 'townName', header: '镇/街道', width: 12 },
  { key: 'villageName', header: '村/社区', width: 12 },
  { key: 'householdId', header: '户编号', width: 12 },
  { key: 'headName', header: '户主', width: 10 },
  { key: 'category', header: '类别', width: 10 },
  { key: 'statusLabel', header: '状态', width: 8 },
  { key: 'memberCount', header: '人口', width: 6 },
  { key: 'netIncome', header: '家庭纯收入（元）', width: 14 },
  { key: 'perCapitaNet', header: '人均纯收入（元）', width: 14 },
  { key: 'review', header: '镇审核', width: 10 },
  { key: 'reviewReason', header: '审核原因/说明', width: 24 },
  { key: 'countyNote', header: '县级比对疑似', width: 24 },
  { key: 'updatedAt', header: '最后修改', width: 20 },
];
