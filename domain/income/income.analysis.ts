import type { CountyConfig } from '../config/county-config.ts';
import { yearConfig } from '../config/county-config.ts';
import type { Household, OrgUnit } from '../org/org.schema.ts';
import { isIncomeMonitored } from '../org/org.schema.ts';
import { periodParts, addMonths, shanghaiDate, type Period } from '../shared/period.ts';
import { annualised, fallShare } from './income.calc.ts';
import type { FallCause, IncomeRecord } from './income.schema.ts';

export interface VillageCompleteness {
  villageId: string;
  villageName: string;
  townId: string;
  townName: string;
  due: number;
  entered: number;
  onTime: number;
  /** entered / due, never above 1. */
  rate: number;
}

export interface FlaggedHousehold {
  householdId: string;
  headName: string;
  villageName: string;
  townName: string;
  perCapitaAnnual: number;
  netIncome: number;
  previousNet?: number;
  fallShare?: number;
  cause?: FallCause;
}

export interface MonthlyIncomeAnalysis {
  period: Period;
  threshold: number;
  totals: { due: number; entered: number; onTime: number; rate: number; belowThreshold: number; falls: number };
  villages: VillageCompleteness[];
  belowThreshold: FlaggedHousehold[];
  falls: FlaggedHousehold[];
}

export interface MonthlyIncomeInput {
  period: Period;
  config: CountyConfig;
  units: readonly OrgUnit[];
  households: readonly Household[];
  records: readonly IncomeRecord[];
  previousRecords: readonly IncomeRecord[];
}

/** The last calendar day (Asia/Shanghai) on which a village entry counts as on time. */
export function villageEntryDeadline(period: Period, config: CountyConfig): string {
  const { year, month } = periodParts(addMonths(period, 1));
  return `${year}-${String(month).padStart(2, '0')}-${String(config.deadlines.villageEntry).padStart(2, '0')}`;
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.min(1, n / d));

/**
 * The first monthly income analysis: entry completeness per village (against the
 * households due this month), per-capita income against the year's threshold,
 * and households whose income fell sharply against the previous month.
 */
export function analyseMonthlyIncome(input: MonthlyIncomeInput): MonthlyIncomeAnalysis {
  const { period, config } = input;
  const year = yearConfig(config, periodParts(period).year);
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const due = input.households.filter(isIncomeMonitored);
  const dueIds = new Set(due.map((h) => h.id));
  const hhById = new Map(due.map((h) => [h.id, h]));
  const deadline = villageEntryDeadline(period, config);
  const prevNet = new Map(input.previousRecords.map((r) => [r.householdId, r.netIncome]));
  const recordByHh = new Map(input.records.filter((r) => dueIds.has(r.householdId)).map((r) => [r.householdId, r]));

  const villages = new Map<string, VillageCompleteness>();
  for (const h of due) {
    let v = villages.get(h.villageId);
    if (!v) {
      v = {
        villageId: h.villageId,
        villageName: unitById.get(h.villageId)?.name ?? h.villageId,
        townId: h.townId,
        townName: unitById.get(h.townId)?.name ?? h.townId,
        due: 0,
        entered: 0,
        onTime: 0,
        rate: 0,
      };
      villages.set(h.villageId, v);
    }
    v.due += 1;
    const r = recordByHh.get(h.id);
    if (r) {
      v.entered += 1;
      if (shanghaiDate(new Date(r.enteredAt)) <= deadline) v.onTime += 1;
    }
  }
  for (const v of villages.values()) v.rate = ratio(v.entered, v.due);

  const flag = (r: IncomeRecord): FlaggedHousehold => {
    const h = hhById.get(r.householdId);
    const previous = prevNet.get(r.householdId);
    const share = fallShare(r.netIncome, previous);
    return {
      householdId: r.householdId,
      headName: h?.headName ?? '',
      villageName: unitById.get(r.villageId)?.name ?? r.villageId,
      townName: unitById.get(r.townId)?.name ?? r.townId,
      perCapitaAnnual: annualised(r.perCapitaNet),
      netIncome: r.netIncome,
      ...(previous !== undefined ? { previousNet: previous } : {}),
      ...(share > 0 ? { fallShare: share } : {}),
      ...(r.fallCause ? { cause: r.fallCause } : {}),
    };
  };
  const current = [...recordByHh.values()];
  const belowThreshold = current
    .filter((r) => annualised(r.perCapitaNet) < year.monitoringThreshold)
    .map(flag)
    .sort((a, b) => a.perCapitaAnnual - b.perCapitaAnnual);
  const falls = current
    .filter((r) => fallShare(r.netIncome, prevNet.get(r.householdId)) >= year.sharpFallShare)
    .map(flag)
    .sort((a, b) => (b.fallShare ?? 0) - (a.fallShare ?? 0));

  const vs = [...villages.values()].sort(
    (a, b) => a.townId.localeCompare(b.townId) || a.villageId.localeCompare(b.villageId),
  );
  const sum = (k: 'due' | 'entered' | 'onTime') => vs.reduce((s, v) => s + v[k], 0);
  return {
    period,
    threshold: year.monitoringThreshold,
    totals: {
      due: sum('due'),
      entered: sum('entered'),
      onTime: sum('onTime'),
      rate: ratio(sum('entered'), sum('due')),
      belowThreshold: belowThreshold.length,
      falls: falls.length,
    },
    villages: vs,
    belowThreshold,
    falls,
  };
}
