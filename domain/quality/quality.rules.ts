/**
 * Logic rules over stored records (逻辑校验): each rule is a pure function from
 * the records of one scope to findings. A finding names its rule and its subject,
 * so the error record it becomes has a deterministic id and a re-run finds the
 * same id instead of storing a duplicate.
 *
 * The rules read a tolerant view of the records (`QualityIncome`, `QualityPerson`)
 * rather than the strict schemas: data that breaks the schema is exactly what
 * they are meant to find.
 */
import { maskIdNumber } from '../org/mask.ts';
import { idNumberProblem, normaliseIdNumber } from '../org/id-number.ts';
import type { Household } from '../org/org.schema.ts';
import type { InfoKind } from './quality.schema.ts';

export const ruleIds = ['ID', 'DUP', 'CNT', 'CNTI', 'SUM', 'ZERO', 'JUMP', 'MAD'] as const;
export type RuleId = (typeof ruleIds)[number];
export const ruleLabels: Record<RuleId, string> = {
  ID: '身份证号码校验',
  DUP: '人员跨户重复',
  CNT: '家庭人口数与成员数不符',
  CNTI: '收入记录人口数与户籍不符',
  SUM: '收入构成合计不符',
  ZERO: '收入构成为零或缺项',
  JUMP: '收入大起大落',
  MAD: '收入明显偏离本村常见水平',
};
const ruleInfoKind: Record<RuleId, InfoKind> = {
  ID: 'basic',
  DUP: 'basic',
  CNT: 'basic',
  CNTI: 'monitoring',
  SUM: 'monitoring',
  ZERO: 'monitoring',
  JUMP: 'monitoring',
  MAD: 'monitoring',
};

/** A household member as the rules read it: only what they check. */
export interface QualityPerson {
  id: string;
  householdId: string;
  name: string;
  idNumber: string;
}

/** An income record as stored, read tolerantly: components may be missing or not numbers. */
export interface QualityIncome {
  householdId: string;
  villageId: string;
  townId: string;
  period: string;
  memberCount?: number;
  components: Partial<Record<IncomeComponentKey, unknown>>;
  netIncome?: number;
  perCapitaNet?: number;
  fallCause?: unknown;
}
const componentKeys = ['wage', 'business', 'property', 'transfer', 'businessCost'] as const;
type IncomeComponentKey = (typeof componentKeys)[number];
const componentLabels: Record<IncomeComponentKey, string> = {
  wage: '工资性收入',
  business: '生产经营性收入',
  property: '财产性收入',
  transfer: '转移性收入',
  businessCost: '生产经营性支出',
};

/** Thresholds of the rules: data, so a county can tune them without code. */
export interface QualityRuleConfig {
  /** Net income at least this many times last month's is a jump (and at most 1/this a drop). */
  jumpRatio: number;
  /** Modified z-score (0.6745·|x−median|/MAD) above which a value is far outside the village's range. */
  madCutoff: number;
  /** Fewer records than this in a village make no range worth judging. */
  madMinSample: number;
  /** Amounts within this many yuan count as equal. */
  tolerance: number;
}
export const defaultRuleConfig: QualityRuleConfig = {
  jumpRatio: 2,
  madCutoff: 3.5,
  madMinSample: 5,
  tolerance: 0.01,
};

/** One rule failure, before it becomes an error record. */
export interface Finding {
  ruleId: RuleId;
  /** What failed: a person id, a household id, or `<householdId>-<YYYYMM>` for an income record. */
  subject: string;
  householdId: string;
  villageId: string;
  townId: string;
  infoKind: InfoKind;
  personName?: string;
  field: string;
  /** The value as stored; ID numbers masked, so error records carry no personal data. */
  wrongValue: string;
  message: string;
}

/** The error record's id for a finding: same rule and subject, same id, on every run. */
export function findingId(f: Pick<Finding, 'ruleId' | 'subject'>): string {
  return `QR-${f.ruleId}-${f.subject}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);
}

const fen = (v: number) => Math.round(v * 100);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const money = (v: number) => v.toFixed(2);

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median absolute deviation around the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

interface Place {
  villageId: string;
  townId: string;
}

/** ID numbers that fail GB 11643 (length, region, birth date, check digit). */
export function idNumberFindings(
  people: readonly QualityPerson[],
  households: ReadonlyMap<string, Place>,
  now: Date,
): Finding[] {
  return people.flatMap((p) => {
    const place = households.get(p.householdId);
    const problem = idNumberProblem(normaliseIdNumber(p.idNumber), now);
    if (!place || !problem) return [];
    return [
      {
        ruleId: 'ID' as const,
        subject: p.id,
        householdId: p.householdId,
        ...place,
        infoKind: ruleInfoKind.ID,
        personName: p.name,
        field: '身份证号码',
        wrongValue: maskIdNumber(p.idNumber),
        message: problem.message,
      },
    ];
  });
}

/** The same ID number in more than one household: every occurrence is a finding. */
export function duplicatePersonFindings(
  people: readonly QualityPerson[],
  households: ReadonlyMap<string, Place>,
): Finding[] {
  const byId = new Map<string, QualityPerson[]>();
  for (const p of people) {
    const key = normaliseIdNumber(p.idNumber);
    if (key.length !== 18) continue;
    byId.set(key, [...(byId.get(key) ?? []), p]);
  }
  const out: Finding[] = [];
  for (const group of byId.values()) {
    const hhs = new Set(group.map((p) => p.householdId));
    if (hhs.size < 2) continue;
    for (const p of group) {
      const place = households.get(p.householdId);
      if (!place) continue;
      const others = [...hhs].filter((h) => h !== p.householdId).sort();
      out.push({
        ruleId: 'DUP',
        subject: p.id,
        householdId: p.householdId,
        ...place,
        infoKind: ruleInfoKind.DUP,
        personName: p.name,
        field: '身份证号码',
        wrongValue: maskIdNumber(p.idNumber),
        message: `同一身份证号码同时登记在户 ${others.join('、')}`,
      });
    }
  }
  return out;
}

/**
 * The household's member count against its members on record. Households with no
 * members on record are skipped: an empty list means "not loaded", not "nobody".
 */
export function memberCountFindings(
  households: readonly Household[],
  people: readonly QualityPerson[],
): Finding[] {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.householdId, (count.get(p.householdId) ?? 0) + 1);
  return households.flatMap((h) => {
    const n = count.get(h.id);
    if (n === undefined || n === h.memberCount) return [];
    return [
      {
        ruleId: 'CNT' as const,
        subject: h.id,
        householdId: h.id,
        villageId: h.villageId,
        townId: h.townId,
        infoKind: ruleInfoKind.CNT,
        field: '家庭人口数',
        wrongValue: String(h.memberCount),
        message: `户登记人口 ${h.memberCount} 人，家庭成员信息 ${n} 人`,
      },
    ];
  });
}

const periodCode = (period: string) => period.replace('-', '');

/**
 * Rules on one month's income records, against the household register, last
 * month's records and the village's usual range.
 */
export function incomeFindings(input: {
  households: ReadonlyMap<string, Pick<Household, 'memberCount'>>;
  records: readonly QualityIncome[];
  previous: readonly QualityIncome[];
  config?: QualityRuleConfig;
}): Finding[] {
  const cfg = input.config ?? defaultRuleConfig;
  const out: Finding[] = [];
  const prevNet = new Map(input.previous.map((r) => [r.householdId, num(r.netIncome)]));
  const finding = (
    r: QualityIncome,
    ruleId: RuleId,
    field: string,
    wrongValue: string,
    message: string,
  ): Finding => ({
    ruleId,
    subject: `${r.householdId}-${periodCode(r.period)}`,
    householdId: r.householdId,
    villageId: r.villageId,
    townId: r.townId,
    infoKind: ruleInfoKind[ruleId],
    field,
    wrongValue,
    message,
  });
  const perCapitaByVillage = new Map<string, { r: QualityIncome; v: number }[]>();
  for (const r of input.records) {
    const label = `${r.period.slice(0, 4)}年${Number(r.period.slice(5, 7))}月`;
    const values = componentKeys.map((k) => num(r.components[k]));
    const missing = componentKeys.filter((_k, i) => values[i] === undefined);
    if (missing.length > 0) {
      out.push(
        finding(
          r,
          'ZERO',
          '收入构成',
          `缺 ${missing.map((k) => componentLabels[k]).join('、')}`,
          `${label}收入构成有缺项`,
        ),
      );
      continue;
    }
    const [wage, business, property, transfer, cost] = values as number[] as [
      number,
      number,
      number,
      number,
      number,
    ];
    const net = (fen(wage) + fen(business) + fen(property) + fen(transfer) - fen(cost)) / 100;
    if (wage + business + property + transfer === 0) {
      out.push(finding(r, 'ZERO', '收入构成', '各项收入均为 0', `${label}各项收入均为 0，请核实是否漏填`));
    }
    const stored = num(r.netIncome);
    if (stored === undefined || Math.abs(stored - net) > cfg.tolerance) {
      out.push(
        finding(
          r,
          'SUM',
          '家庭纯收入',
          stored === undefined ? '（空）' : money(stored),
          `${label}家庭纯收入应为各项收入减生产经营性支出，即 ${money(net)} 元`,
        ),
      );
    } else if (
      r.memberCount &&
      r.perCapitaNet !== undefined &&
      Math.abs(r.perCapitaNet - net / r.memberCount) > cfg.tolerance
    ) {
      out.push(
        finding(
          r,
          'SUM',
          '人均纯收入',
          money(r.perCapitaNet),
          `${label}人均纯收入应为 ${money(net / r.memberCount)} 元`,
        ),
      );
    }
    const hh = input.households.get(r.householdId);
    if (hh && r.memberCount !== undefined && r.memberCount !== hh.memberCount) {
      out.push(
        finding(
          r,
          'CNTI',
          '家庭人口数',
          String(r.memberCount),
          `${label}收入记录人口 ${r.memberCount} 人，户籍登记 ${hh.memberCount} 人`,
        ),
      );
    }
    const before = prevNet.get(r.householdId);
    if (before !== undefined && before > 0 && net >= 0) {
      if (net >= before * cfg.jumpRatio) {
        out.push(
          finding(
            r,
            'JUMP',
            '家庭纯收入',
            money(net),
            `${label}纯收入 ${money(net)} 元，为上月 ${money(before)} 元的 ${(net / before).toFixed(1)} 倍`,
          ),
        );
      } else if (net * cfg.jumpRatio <= before && !r.fallCause) {
        out.push(
          finding(
            r,
            'JUMP',
            '家庭纯收入',
            money(net),
            `${label}纯收入 ${money(net)} 元，较上月 ${money(before)} 元大幅下降且未填写原因`,
          ),
        );
      }
    }
    if (r.memberCount && r.memberCount > 0) {
      const list = perCapitaByVillage.get(r.villageId) ?? [];
      list.push({ r, v: net / r.memberCount });
      perCapitaByVillage.set(r.villageId, list);
    }
  }
  for (const list of perCapitaByVillage.values()) {
    if (list.length < cfg.madMinSample) continue;
    const values = list.map((x) => x.v);
    const m = median(values);
    const mad = medianAbsoluteDeviation(values);
    // A village where most households report the same figure has no spread to judge by.
    if (mad === 0) continue;
    for (const { r, v } of list) {
      const z = (0.6745 * (v - m)) / mad;
      if (Math.abs(z) > cfg.madCutoff) {
        out.push(
          finding(
            r,
            'MAD',
            '人均纯收入',
            money(v),
            `人均纯收入 ${money(v)} 元，本村中位数 ${money(m)} 元，明显${z > 0 ? '偏高' : '偏低'}`,
          ),
        );
      }
    }
  }
  return out;
}

/** Every rule over one scope's records, in a stable order. */
export function runQualityRules(input: {
  households: readonly Household[];
  people: readonly QualityPerson[];
  records: readonly QualityIncome[];
  previous: readonly QualityIncome[];
  now: Date;
  config?: QualityRuleConfig;
  /**
   * Whether `people` holds the members of these households. When false (the
   * nightly sweep found the directory unchanged since its last full read), the
   * rules about people and member counts are not run: with no people read, every
   * household would otherwise look empty.
   */
  checkPeople?: boolean;
}): Finding[] {
  const places = new Map(input.households.map((h) => [h.id, { villageId: h.villageId, townId: h.townId }]));
  const withPeople = input.checkPeople ?? true;
  const findings = [
    ...(withPeople
      ? [
          ...idNumberFindings(input.people, places, input.now),
          ...duplicatePersonFindings(input.people, places),
          ...memberCountFindings(input.households, input.people),
        ]
      : []),
    ...incomeFindings({
      households: new Map(input.households.map((h) => [h.id, h])),
      records: input.records,
      previous: input.previous,
      ...(input.config ? { config: input.config } : {}),
    }),
  ];
  // One finding per id: two messages of one rule on one subject are one error to fix.
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const id = findingId(f);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => findingId(a).localeCompare(findingId(b)));
}

/** The error record a finding becomes (open, found by logic rule on `today`). */
export function findingToError(f: Finding, today: string) {
  return {
    id: findingId(f),
    location: { villageId: f.villageId, townId: f.townId },
    data: {
      infoKind: f.infoKind,
      subjectType: f.personName ? ('person' as const) : ('household' as const),
      householdId: f.householdId,
      ...(f.personName ? { personName: f.personName } : {}),
      field: f.field,
      wrongValue: f.wrongValue,
      foundBy: 'logic-rule' as const,
      foundOn: today,
      note: `${ruleLabels[f.ruleId]}：${f.message}`.slice(0, 500),
      status: 'open' as const,
      ruleId: f.ruleId,
    },
  };
}
