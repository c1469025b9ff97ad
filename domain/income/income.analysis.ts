import type { CountyConfig } from '../config/county-config.ts';
import { incomeChecksSchema, yearConfig } from '../config/county-config.ts';
import type { Household, HouseholdFlag, OrgUnit } from '../org/org.schema.ts';
import { isIncomeMonitored } from '../org/org.schema.ts';
import { cutoffOf } from '../shared/as-of.ts';
import { counted, type FigureLineage, type RecordRef } from '../shared/lineage.ts';
import { unknownUnitName } from '../shared/names.ts';
import { periodParts, addMonths, shanghaiDate, type Period } from '../shared/period.ts';
import { annualised, fallShare } from './income.calc.ts';
import type { FallCause, IncomeRecord } from './income.schema.ts';
import { stageDeadline } from './income.window.ts';

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
  /** Records the town reviewed (accepted, corrected, explained or flagged), and those by the town deadline. */
  reviewed?: number;
  reviewedOnTime?: number;
}

/** A town's figures against the three deadlines: village entry (6th), town review (7th), county comparison (8th). */
export interface TownCompleteness {
  townId: string;
  townName: string;
  villages: number;
  due: number;
  entered: number;
  onTime: number;
  reviewed: number;
  reviewedOnTime: number;
  /** Records the county marked in a comparison round, and those marked by the county deadline. */
  countyFlagged: number;
  countyFlaggedOnTime: number;
  rate: number;
  onTimeRate: number;
  /** reviewed / entered. */
  reviewRate: number;
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
  /** Same month last year, and the fall against it. */
  lastYearNet?: number;
  yearFallShare?: number;
  flags?: HouseholdFlag[];
  /** From the assistance ledger, when a plan is recorded. */
  assistanceCause?: string;
  measures?: string[];
}

export const suspicionKinds = ['outlier', 'zero', 'jump'] as const;
export type SuspicionKind = (typeof suspicionKinds)[number];

export interface SuspiciousRecord extends FlaggedHousehold {
  kinds: SuspicionKind[];
  /** Robust distance from the village median (in MAD × 1.4826 units), when judged by spread. */
  robustZ?: number;
  villageMedian?: number;
}

/** One month of the twelve-month trend. Sums, so parts of the county add up. */
export interface TrendPoint {
  period: Period;
  due: number;
  entered: number;
  perCapitaSum: number;
  /** entered / due (null when nothing was due). */
  rate: number | null;
  /** Mean monthly per-capita net income of the entered records (null when none). */
  meanPerCapita: number | null;
}

export interface MonthlyIncomeAnalysis {
  period: Period;
  threshold: number;
  totals: {
    due: number;
    entered: number;
    onTime: number;
    rate: number;
    belowThreshold: number;
    falls: number;
    // Added with the full analysis; optional so hand-made fixtures of the first version still type-check.
    reviewed?: number;
    reviewedOnTime?: number;
    nearThreshold?: number;
    yearFalls?: number;
    keyGroups?: number;
    suspicious?: number;
    countyFlagged?: number;
    countyAnswered?: number;
  };
  villages: VillageCompleteness[];
  belowThreshold: FlaggedHousehold[];
  falls: FlaggedHousehold[];
  deadlines?: { villageEntry: string; townReview: string; countyComparison: string };
  towns?: TownCompleteness[];
  /** Annualised per-capita income at or above the threshold but within the configured band. */
  nearThreshold?: FlaggedHousehold[];
  /** Falls against the same month last year. */
  yearFalls?: FlaggedHousehold[];
  keyGroups?: FlaggedHousehold[];
  suspicious?: SuspiciousRecord[];
  trend?: TrendPoint[];
  nearBand?: number;
  /** The instant the figures are as of (ISO): records are read in the version they had then. */
  asOf?: string;
  /** For every headline figure, the records it counted. */
  lineage?: FigureLineage[];
}

/** What the assistance ledger says of a household, for the flagged lists. */
export interface AssistanceNote {
  householdId: string;
  cause: string;
  measures: readonly string[];
}

export interface MonthlyIncomeInput {
  period: Period;
  config: CountyConfig;
  units: readonly OrgUnit[];
  /** With the version read, when known (for the lineage). */
  households: readonly (Household & { version?: number })[];
  records: readonly IncomeRecord[];
  previousRecords: readonly IncomeRecord[];
  /** The same month last year. */
  lastYearRecords?: readonly IncomeRecord[];
  assistance?: readonly AssistanceNote[];
  /** The earlier months of the trend (oldest first); this month is added. */
  trendHistory?: readonly TrendPoint[];
  /** The instant the records are as of (see `incomeCutoff`); printed on the report. */
  asOf?: string;
}

/**
 * The cut-off of a period's income figures: the end of its county-comparison
 * day (the 8th, moved off holidays), or `now` when earlier. Every report, letter
 * and trend point about the period reads its records as of this instant, so a
 * month's figures are the same wherever and whenever they are shown.
 */
export function incomeCutoff(period: Period, config: CountyConfig, now: Date): string {
  return cutoffOf(stageDeadline(period, 'countyComparison', config), now);
}

/** Whether the town has made its review decision on a record (比对研判: accepted, corrected, flagged or explained). */
export const townReviewed = (r: Pick<IncomeRecord, 'review'>): boolean => r.review !== undefined;

/** The lineage reference of an income record: its period and household, and the version counted. */
export const incomeRef = (r: Pick<IncomeRecord, 'period' | 'householdId' | 'version'>): RecordRef => ({
  kind: 'income',
  id: `${r.period}/${r.householdId}`,
  version: r.version,
});

/** The lineage reference of a household in the version read. */
export const householdRef = (h: Pick<Household, 'id'> & { version?: number }): RecordRef => ({
  kind: 'household',
  id: h.id,
  version: h.version ?? 1,
});

/** The last calendar day (Asia/Shanghai) on which a village entry counts as on time. */
export function villageEntryDeadline(period: Period, config: CountyConfig): string {
  return stageDeadline(period, 'villageEntry', config);
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.min(1, n / d));

/**
 * Whether a household was due for `period`: income-monitored at the end of the
 * month by its status history (so one that left monitoring before the month or
 * joined after it is not counted), or by its category when it has no history.
 */
export function dueInPeriod(h: Household, period: Period): boolean {
  if (!h.statusHistory?.length) return isIncomeMonitored(h);
  const end = `${addMonths(period, 1)}-01`;
  const last = [...h.statusHistory].filter((c) => c.date < end).at(-1);
  return last ? isIncomeMonitored({ category: last.to }) : false;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One month's trend point from the households and records of a scope. */
export function trendPoint(
  period: Period,
  households: readonly Household[],
  records: readonly IncomeRecord[],
): TrendPoint {
  const due = new Set(households.filter((h) => dueInPeriod(h, period)).map((h) => h.id));
  const entered = records.filter((r) => due.has(r.householdId));
  const perCapitaSum = entered.reduce((s, r) => s + r.perCapitaNet, 0);
  return finishTrend({
    period,
    due: due.size,
    entered: entered.length,
    perCapitaSum,
    rate: null,
    meanPerCapita: null,
  });
}

function finishTrend(p: TrendPoint): TrendPoint {
  return {
    ...p,
    rate: p.due === 0 ? null : ratio(p.entered, p.due),
    meanPerCapita: p.entered === 0 ? null : Math.round((p.perCapitaSum / p.entered) * 100) / 100,
  };
}

/** Adds trend points of the same months (parts of the county) together. */
export function sumTrends(parts: readonly (readonly TrendPoint[])[]): TrendPoint[] {
  const by = new Map<string, TrendPoint>();
  for (const part of parts)
    for (const p of part) {
      const t = by.get(p.period) ?? {
        period: p.period,
        due: 0,
        entered: 0,
        perCapitaSum: 0,
        rate: null,
        meanPerCapita: null,
      };
      by.set(p.period, {
        ...t,
        due: t.due + p.due,
        entered: t.entered + p.entered,
        perCapitaSum: t.perCapitaSum + p.perCapitaSum,
      });
    }
  return [...by.values()].sort((a, b) => a.period.localeCompare(b.period)).map(finishTrend);
}

const byAnnualAsc = (a: FlaggedHousehold, b: FlaggedHousehold) =>
  a.perCapitaAnnual - b.perCapitaAnnual || a.householdId.localeCompare(b.householdId);
const byFallDesc = (a: FlaggedHousehold, b: FlaggedHousehold) =>
  (b.fallShare ?? 0) - (a.fallShare ?? 0) || a.householdId.localeCompare(b.householdId);
const byYearFallDesc = (a: FlaggedHousehold, b: FlaggedHousehold) =>
  (b.yearFallShare ?? 0) - (a.yearFallShare ?? 0) || a.householdId.localeCompare(b.householdId);
const byPlace = (a: FlaggedHousehold, b: FlaggedHousehold) =>
  a.townName.localeCompare(b.townName, 'zh-CN') ||
  a.villageName.localeCompare(b.villageName, 'zh-CN') ||
  a.householdId.localeCompare(b.householdId);

/**
 * The monthly income analysis (月度收入分析研判) of one scope (a town, or a whole
 * county when small): entry completeness and timeliness per village and town
 * against the 6th/7th/8th deadlines; per-capita income against the year's
 * threshold and just above it; falls against the previous month and the same
 * month last year; key groups; suspicious records; each flagged household with
 * its cause and assistance measures; the twelve-month trend. Pure: the job reads
 * the data town by town and merges the towns with `mergeMonthlyIncome`.
 */
export function analyseMonthlyIncome(input: MonthlyIncomeInput): MonthlyIncomeAnalysis {
  const { period, config } = input;
  const year = yearConfig(config, periodParts(period).year);
  const checks = incomeChecksSchema.parse(config.incomeChecks ?? {});
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const due = input.households.filter((h) => dueInPeriod(h, period));
  const dueIds = new Set(due.map((h) => h.id));
  const hhById = new Map(due.map((h) => [h.id, h]));
  const deadlines = {
    villageEntry: villageEntryDeadline(period, config),
    townReview: stageDeadline(period, 'townReview', config),
    countyComparison: stageDeadline(period, 'countyComparison', config),
  };
  const onOrBefore = (iso: string | undefined, day: string) => !!iso && shanghaiDate(new Date(iso)) <= day;
  const prevNet = new Map(input.previousRecords.map((r) => [r.householdId, r.netIncome]));
  const lastYearNet = new Map((input.lastYearRecords ?? []).map((r) => [r.householdId, r.netIncome]));
  const assistance = new Map((input.assistance ?? []).map((a) => [a.householdId, a]));
  // Only records of households due count, so no rate can pass 100%.
  const recordByHh = new Map(
    input.records.filter((r) => dueIds.has(r.householdId)).map((r) => [r.householdId, r]),
  );

  const villages = new Map<string, VillageCompleteness>();
  const towns = new Map<string, TownCompleteness>();
  for (const h of due) {
    let v = villages.get(h.villageId);
    if (!v) {
      v = {
        villageId: h.villageId,
        villageName: unitById.get(h.villageId)?.name ?? unknownUnitName,
        townId: h.townId,
        townName: unitById.get(h.townId)?.name ?? unknownUnitName,
        due: 0,
        entered: 0,
        onTime: 0,
        rate: 0,
        reviewed: 0,
        reviewedOnTime: 0,
      };
      villages.set(h.villageId, v);
    }
    let t = towns.get(h.townId);
    if (!t) {
      t = {
        townId: h.townId,
        townName: unitById.get(h.townId)?.name ?? unknownUnitName,
        villages: 0,
        due: 0,
        entered: 0,
        onTime: 0,
        reviewed: 0,
        reviewedOnTime: 0,
        countyFlagged: 0,
        countyFlaggedOnTime: 0,
        rate: 0,
        onTimeRate: 0,
        reviewRate: 0,
      };
      towns.set(h.townId, t);
    }
    v.due += 1;
    t.due += 1;
    const r = recordByHh.get(h.id);
    if (!r) continue;
    v.entered += 1;
    t.entered += 1;
    if (onOrBefore(r.enteredAt, deadlines.villageEntry)) {
      v.onTime += 1;
      t.onTime += 1;
    }
    if (townReviewed(r)) {
      v.reviewed! += 1;
      t.reviewed += 1;
      if (onOrBefore(r.review?.at, deadlines.townReview)) {
        v.reviewedOnTime! += 1;
        t.reviewedOnTime += 1;
      }
    }
    if (r.countyRounds?.length) {
      t.countyFlagged += 1;
      if (onOrBefore(r.countyRounds[0]?.at, deadlines.countyComparison)) t.countyFlaggedOnTime += 1;
    }
  }
  for (const v of villages.values()) {
    v.rate = ratio(v.entered, v.due);
    towns.get(v.townId)!.villages += 1;
  }
  for (const t of towns.values()) {
    t.rate = ratio(t.entered, t.due);
    t.onTimeRate = ratio(t.onTime, t.due);
    t.reviewRate = ratio(t.reviewed, t.entered);
  }

  const flag = (r: IncomeRecord): FlaggedHousehold => {
    const h = hhById.get(r.householdId);
    const previous = prevNet.get(r.householdId);
    const share = fallShare(r.netIncome, previous);
    const ly = lastYearNet.get(r.householdId);
    const yShare = fallShare(r.netIncome, ly);
    const plan = assistance.get(r.householdId);
    return {
      householdId: r.householdId,
      headName: h?.headName ?? '',
      villageName: unitById.get(h?.villageId ?? r.villageId)?.name ?? unknownUnitName,
      townName: unitById.get(h?.townId ?? r.townId)?.name ?? unknownUnitName,
      perCapitaAnnual: annualised(r.perCapitaNet),
      netIncome: r.netIncome,
      ...(previous !== undefined ? { previousNet: previous } : {}),
      ...(share > 0 ? { fallShare: share } : {}),
      ...(r.fallCause ? { cause: r.fallCause } : {}),
      ...(ly !== undefined ? { lastYearNet: ly } : {}),
      ...(yShare > 0 ? { yearFallShare: yShare } : {}),
      ...(h?.flags?.length ? { flags: [...h.flags] } : {}),
      ...(plan ? { assistanceCause: plan.cause, measures: [...plan.measures] } : {}),
    };
  };
  const current = [...recordByHh.values()];
  const threshold = year.monitoringThreshold;
  const nearTop = threshold * (1 + year.nearThresholdBand);
  const belowThreshold = current
    .filter((r) => annualised(r.perCapitaNet) < threshold)
    .map(flag)
    .sort(byAnnualAsc);
  const nearThreshold = current
    .filter((r) => annualised(r.perCapitaNet) >= threshold && annualised(r.perCapitaNet) < nearTop)
    .map(flag)
    .sort(byAnnualAsc);
  const falls = current
    .filter((r) => fallShare(r.netIncome, prevNet.get(r.householdId)) >= year.sharpFallShare)
    .map(flag)
    .sort(byFallDesc);
  const yearFalls = current
    .filter((r) => fallShare(r.netIncome, lastYearNet.get(r.householdId)) >= year.sharpFallShare)
    .map(flag)
    .sort(byYearFallDesc);
  const keyGroups = due
    .filter((h) => (h.flags?.length ?? 0) > 0)
    .flatMap((h) => {
      const r = recordByHh.get(h.id);
      return r ? [flag(r)] : [];
    })
    .sort(byPlace);
  const suspicious = findSuspicious(current, prevNet, checks, flag);

  const vs = [...villages.values()].sort(
    (a, b) => a.townId.localeCompare(b.townId) || a.villageId.localeCompare(b.villageId),
  );
  const ts = [...towns.values()].sort((a, b) => a.townId.localeCompare(b.townId));
  const sum = (k: 'due' | 'entered' | 'onTime' | 'reviewed' | 'reviewedOnTime' | 'countyFlagged') =>
    ts.reduce((s, t) => s + t[k], 0);
  const trend = sumTrends([input.trendHistory ?? [], [trendPoint(period, due, current)]]).slice(-12);
  const refsOf = (list: readonly FlaggedHousehold[]) =>
    list.flatMap((f) => {
      const r = recordByHh.get(f.householdId);
      return r ? [incomeRef(r)] : [];
    });
  const prevRecordByHh = new Map(input.previousRecords.map((r) => [r.householdId, r]));
  const lastYearRecordByHh = new Map((input.lastYearRecords ?? []).map((r) => [r.householdId, r]));
  const withBase = (list: readonly FlaggedHousehold[], base: ReadonlyMap<string, IncomeRecord>) => [
    ...refsOf(list),
    ...list.flatMap((f) => {
      const b = base.get(f.householdId);
      return b ? [incomeRef(b)] : [];
    }),
  ];
  const lineage: FigureLineage[] = [
    counted('income.due', '应录入户数（农户）', due.map(householdRef)),
    counted('income.entered', '已录入户数（收入记录）', current.map(incomeRef)),
    counted(
      'income.onTime',
      '按时录入户数（收入记录）',
      current.filter((r) => onOrBefore(r.enteredAt, deadlines.villageEntry)).map(incomeRef),
    ),
    counted('income.reviewed', '镇级已审核户数（收入记录）', current.filter(townReviewed).map(incomeRef)),
    counted(
      'income.reviewedOnTime',
      '按期审核户数（收入记录）',
      current.filter((r) => onOrBefore(r.review?.at, deadlines.townReview)).map(incomeRef),
    ),
    counted(
      'income.countyFlagged',
      '县级比对标记疑似户数（收入记录）',
      current.filter((r) => r.countyRounds?.length).map(incomeRef),
    ),
    counted('income.belowThreshold', '低于监测线户数（收入记录）', refsOf(belowThreshold)),
    counted('income.nearThreshold', '接近监测线户数（收入记录）', refsOf(nearThreshold)),
    {
      ...counted('income.falls', '较上月骤降户数（本月及上月收入记录）', withBase(falls, prevRecordByHh)),
      value: falls.length,
    },
    {
      ...counted(
        'income.yearFalls',
        '较上年同期骤降户数（本月及上年同月收入记录）',
        withBase(yearFalls, lastYearRecordByHh),
      ),
      value: yearFalls.length,
    },
    counted(
      'income.keyGroups',
      '重点人群户数（农户）',
      keyGroups.map((f) => householdRef(hhById.get(f.householdId) ?? { id: f.householdId })),
    ),
    counted('income.suspicious', '疑似信息条数（收入记录）', refsOf(suspicious)),
  ];
  return {
    period,
    threshold,
    nearBand: year.nearThresholdBand,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    lineage,
    deadlines,
    totals: {
      due: sum('due'),
      entered: sum('entered'),
      onTime: sum('onTime'),
      rate: ratio(sum('entered'), sum('due')),
      belowThreshold: belowThreshold.length,
      falls: falls.length,
      reviewed: sum('reviewed'),
      reviewedOnTime: sum('reviewedOnTime'),
      nearThreshold: nearThreshold.length,
      yearFalls: yearFalls.length,
      keyGroups: keyGroups.length,
      suspicious: suspicious.length,
      countyFlagged: sum('countyFlagged'),
      countyAnswered: current.filter((r) => r.countyRounds?.length && r.countyRounds.every((x) => x.response))
        .length,
    },
    villages: vs,
    towns: ts,
    belowThreshold,
    nearThreshold,
    falls,
    yearFalls,
    keyGroups,
    suspicious,
    trend,
  };
}

/** Joins the lineage of parts (towns) of a scope: the same figure's records together, figures in first-seen order. */
export function mergeLineage(parts: readonly (readonly FigureLineage[] | undefined)[]): FigureLineage[] {
  const by = new Map<string, FigureLineage>();
  for (const part of parts)
    for (const f of part ?? []) {
      const seen = by.get(f.key);
      by.set(
        f.key,
        seen ? { ...seen, value: seen.value + f.value, records: [...seen.records, ...f.records] } : f,
      );
    }
  return [...by.values()];
}

/**
 * Suspicious records: a per-capita figure far from its village's usual range
 * (robust z by the median absolute deviation, so one wild value cannot hide
 * itself by inflating the spread), no income in any of the four components, or a
 * sudden jump against the previous month.
 */
function findSuspicious(
  records: readonly IncomeRecord[],
  prevNet: ReadonlyMap<string, number>,
  checks: { madLimit: number; madMinRecords: number; jumpShare: number },
  flag: (r: IncomeRecord) => FlaggedHousehold,
): SuspiciousRecord[] {
  const byVillage = new Map<string, IncomeRecord[]>();
  for (const r of records) byVillage.set(r.villageId, [...(byVillage.get(r.villageId) ?? []), r]);
  const out: SuspiciousRecord[] = [];
  for (const group of byVillage.values()) {
    const xs = group.map((r) => r.perCapitaNet);
    const med = xs.length >= checks.madMinRecords ? median(xs) : undefined;
    const mad = med === undefined ? 0 : median(xs.map((x) => Math.abs(x - med)));
    for (const r of group) {
      const kinds: SuspicionKind[] = [];
      let z: number | undefined;
      if (med !== undefined && mad > 0) {
        z = Math.abs(r.perCapitaNet - med) / (1.4826 * mad);
        if (z > checks.madLimit) kinds.push('outlier');
      }
      const c = r.components;
      if (c.wage + c.business + c.property + c.transfer === 0) kinds.push('zero');
      const prev = prevNet.get(r.householdId);
      if (prev !== undefined && prev > 0 && r.netIncome > prev * (1 + checks.jumpShare)) kinds.push('jump');
      if (kinds.length) {
        out.push({
          ...flag(r),
          kinds,
          ...(z !== undefined && kinds.includes('outlier')
            ? { robustZ: Math.round(z * 10) / 10, villageMedian: med }
            : {}),
        });
      }
    }
  }
  return out.sort(byPlace);
}

/**
 * The county's analysis from its towns' analyses: figures add up, lists are
 * joined and re-sorted, so the county report never needs every record at once.
 */
export function mergeMonthlyIncome(
  period: Period,
  parts: readonly MonthlyIncomeAnalysis[],
  config: CountyConfig,
): MonthlyIncomeAnalysis {
  const year = yearConfig(config, periodParts(period).year);
  const cat = <T>(f: (a: MonthlyIncomeAnalysis) => readonly T[] | undefined) =>
    parts.flatMap((a) => [...(f(a) ?? [])]);
  const towns = cat((a) => a.towns).sort((a, b) => a.townId.localeCompare(b.townId));
  const villages = cat((a) => a.villages).sort(
    (a, b) => a.townId.localeCompare(b.townId) || a.villageId.localeCompare(b.villageId),
  );
  const add = (k: keyof MonthlyIncomeAnalysis['totals']) => parts.reduce((s, a) => s + (a.totals[k] ?? 0), 0);
  const belowThreshold = cat((a) => a.belowThreshold).sort(byAnnualAsc);
  const falls = cat((a) => a.falls).sort(byFallDesc);
  const asOf = parts.find((a) => a.asOf)?.asOf;
  return {
    period,
    threshold: year.monitoringThreshold,
    nearBand: year.nearThresholdBand,
    ...(asOf ? { asOf } : {}),
    lineage: mergeLineage(parts.map((a) => a.lineage)),
    deadlines: {
      villageEntry: villageEntryDeadline(period, config),
      townReview: stageDeadline(period, 'townReview', config),
      countyComparison: stageDeadline(period, 'countyComparison', config),
    },
    totals: {
      due: add('due'),
      entered: add('entered'),
      onTime: add('onTime'),
      rate: ratio(add('entered'), add('due')),
      belowThreshold: belowThreshold.length,
      falls: falls.length,
      reviewed: add('reviewed'),
      reviewedOnTime: add('reviewedOnTime'),
      nearThreshold: add('nearThreshold'),
      yearFalls: add('yearFalls'),
      keyGroups: add('keyGroups'),
      suspicious: add('suspicious'),
      countyFlagged: add('countyFlagged'),
      countyAnswered: add('countyAnswered'),
    },
    villages,
    towns,
    belowThreshold,
    nearThreshold: cat((a) => a.nearThreshold).sort(byAnnualAsc),
    falls,
    yearFalls: cat((a) => a.yearFalls).sort(byYearFallDesc),
    keyGroups: cat((a) => a.keyGroups).sort(byPlace),
    suspicious: cat((a) => a.suspicious).sort(byPlace),
    trend: sumTrends(parts.map((a) => a.trend ?? [])).slice(-12),
  };
}
