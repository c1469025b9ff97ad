/**
 * A deterministic generator of a synthetic county: org tree, households and
 * their members, staff, duty pairings, report recipients and monthly income.
 * Everything is made up (names from character lists, ID numbers built with a
 * valid check digit) and marked `synthetic`; nothing here names a real person.
 *
 * Determinism: every random choice comes from a small counter-based PRNG seeded
 * by (seed, purpose, record id), never from Math.random or the clock. Seeding per
 * record also lets the large lists (people, income) be produced lazily, one
 * record at a time, without holding the county in memory and without the order
 * of iteration changing the values.
 */
import type { CountyConfig } from '#domain/config/county-config.ts';
import type { Directory } from '#domain/directory/directory.ts';
import type { DutyAssignment } from '#domain/duties/duty.schema.ts';
import { netIncome, perCapitaNet, fallShare } from '#domain/income/income.calc.ts';
import type { FallCause, IncomeComponents, IncomeRecord } from '#domain/income/income.schema.ts';
import { makeIdNumber } from '#domain/org/id-number.ts';
import type {
  Household,
  HouseholdCategory,
  HouseholdFlag,
  HouseholdStatusChange,
  MonitoredType,
  OrgUnit,
  Person,
  PersonFlag,
  Relation,
} from '#domain/org/org.schema.ts';
import type {
  InformationOfficer,
  ReportKind,
  ReportRecipient,
  Staff,
  StaffPosition,
} from '#domain/org/staff.schema.ts';
import type { Role } from '#domain/auth/roles.ts';
import { addMonths, periodParts, type Period } from '#domain/shared/period.ts';

export type SeedScale = 'demo' | 'county';

export interface GenerateOptions {
  scale: SeedScale;
  seed: number;
  config: CountyConfig;
  /** The newest month with income records. */
  lastPeriod: Period;
  /** How many months of income, ending at `lastPeriod`. */
  months: number;
  /**
   * The seed's "now" (ISO): nothing happens after it. Entries and reviews that the
   * calendar would place later are not made (that household is still to be entered).
   */
  notAfter?: string;
}

/** A generated county: the directory as arrays, the two large lists as generators. */
export interface SyntheticCounty extends Directory {
  scale: SeedScale;
  seed: number;
  config: CountyConfig;
  units: OrgUnit[];
  households: Household[];
  staff: Staff[];
  assignments: DutyAssignment[];
  informationOfficers: InformationOfficer[];
  reportRecipients: ReportRecipient[];
  /** The income months, oldest first. */
  periods: Period[];
  /** Usernames with predictable names for signing in to the demo (`admin`, `v-T01V001`, ...). */
  demoAccounts: string[];
  /** Members of every household, household by household; each call starts afresh. */
  people(): Generator<Person>;
  /**
   * Income records of alleviated and monitored households, month by month
   * (oldest first), or of one month. Each call starts afresh.
   */
  incomeRecords(period?: Period): Generator<IncomeRecord>;
  /** How many records `incomeRecords()` yields in all (without `notAfter`; with it, those not entered yet are left out). */
  incomeRecordCount: number;
}

// ---------------------------------------------------------------------------
// Randomness

/** A 32-bit avalanche mix, so that neighbouring seeds give unrelated streams. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed from any parts (FNV-1a over their text, then mixed). */
function seedOf(...parts: (string | number)[]): number {
  const text = parts.join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A Weyl sequence passed through `mix32`: fast, small, good enough for synthetic data. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed | 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix32(this.state) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  /** An index drawn with the given weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Roughly normal (sum of uniforms), mean 0 and standard deviation 1. */
  normal(): number {
    return this.next() + this.next() + this.next() + this.next() - 2;
  }
  /** A v4-shaped UUID, for submission ids. */
  uuid(): string {
    const hex = (n: number) =>
      Array.from({ length: n }, () => Math.floor(this.next() * 16).toString(16)).join('');
    const variant = (8 + Math.floor(this.next() * 4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}

// ---------------------------------------------------------------------------
// Names: common surname and given-name characters, combined at random.

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
/** Heavier weights for the commonest surnames, as in any county register. */
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 10 ? 6 : i < 30 ? 3 : 1));
const MALE_CHARS = [
  ...'伟强军磊勇斌杰涛明超亮刚平辉建国华峰鹏飞志宏海波俊文武林东兴旺福贵春生永康顺利成忠良德安',
];
const FEMALE_CHARS = [...'芳娟敏静丽艳娜霞秀英兰玲萍红梅琴燕慧莉雪琳丹洁婷倩云凤翠香春花美玉珍荣桂巧'];

function personName(rng: Rng, surname: string, male: boolean): string {
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return surname + given;
}
const randomSurname = (rng: Rng) => SURNAMES[rng.weighted(SURNAME_WEIGHTS)] as string;

/** Syllables for place names: landforms and plants common in rural toponyms. */
const PLACE_FIRST = [...'青石柳杨马白黄红金银龙凤松桃杏枣梨槐柏竹桑麦谷南北东西上下中前后新老高长双三五'];
const PLACE_SECOND = [...'河沟湾坪塬岭川峪庄泉原桥店坝梁坡寨堡营台园山林滩口'];

function placeName(rng: Rng, used: Set<string>): string {
  for (let tries = 0; ; tries++) {
    // Past the two-character combinations, a third character keeps names unique.
    const name = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND) + (tries > 200 ? rng.pick(PLACE_FIRST) : '');
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const DEPARTMENTS = [
  '县民政局',
  '县医疗保障局',
  '县残疾人联合会',
  '县教育局',
  '县住房和城乡建设局',
  '县人力资源和社会保障局',
  '县农业农村局',
  '县卫生健康局',
  '县水利局',
  '县财政局',
  '县交通运输局',
  '县自然资源局',
  '县林业局',
  '县商务局',
  '县文化和旅游局',
  '县应急管理局',
  '县市场监督管理局',
  '县统计局',
  '县发展和改革局',
  '县审计局',
  '县司法局',
  '县税务局',
  '县供销合作社',
  '县妇女联合会',
  '共青团县委',
  '县总工会',
  '县科学技术协会',
  '县公安局',
  '县生态环境局',
  '县融媒体中心',
] as const;

// ---------------------------------------------------------------------------
// Scale

interface ScaleSpec {
  towns: number;
  /** Towns that are streets (街道), counted from the last. */
  streets: number;
  villages: number;
  communityShare: number;
  keyVillages: number;
  factoriesPerTown: [number, number];
  departments: number;
  households: Record<HouseholdCategory, number>;
  countyLeaders: number;
  departmentCadres: number;
  /** Town cadres beyond one per two villages. */
  extraTownCadres: number;
  villageCadresPerVillage: number;
  /** Share of villages (besides key villages) with a first secretary. */
  firstSecretaryShare: number;
  workTeamPerSecretary: [number, number];
  centreStaff: number;
  townHeads: number;
}

const SCALES: Record<SeedScale, ScaleSpec> = {
  demo: {
    towns: 2,
    streets: 0,
    villages: 6,
    communityShare: 0,
    keyVillages: 1,
    factoriesPerTown: [1, 1],
    departments: 2,
    households: { alleviated: 120, monitored: 18, ordinary: 162 },
    countyLeaders: 2,
    departmentCadres: 2,
    extraTownCadres: 0,
    villageCadresPerVillage: 0,
    firstSecretaryShare: 0,
    workTeamPerSecretary: [0, 0],
    centreStaff: 1,
    townHeads: 1,
  },
  county: {
    towns: 18,
    streets: 2,
    villages: 240,
    communityShare: 0.08,
    keyVillages: 10,
    factoriesPerTown: [1, 4],
    departments: 30,
    households: { alleviated: 45_000, monitored: 3_000, ordinary: 60_000 },
    countyLeaders: 31,
    departmentCadres: 1500,
    extraTownCadres: 4,
    villageCadresPerVillage: 2,
    firstSecretaryShare: 0.55,
    workTeamPerSecretary: [1, 2],
    centreStaff: 4,
    townHeads: 2,
  },
};

/** Splits `total` over `weights` with the largest-remainder method, so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const fakePhone = (rng: Rng) => `199${pad(rng.int(0, 99_999_999), 8)}`;
const EMAIL_DOMAIN = 'demo.shouwang.invalid';

// ---------------------------------------------------------------------------
// Households and their members

interface MemberDraft {
  relation: Relation;
  male: boolean;
  age: number;
  name: string;
  flags: PersonFlag[];
}

interface HouseholdDraft {
  household: Household;
  members: MemberDraft[];
  /** Month index (into the window) from which the household is due for income; 0 for all. */
  dueFrom: number;
  migrantWorkers: number;
}

interface Window {
  periods: Period[];
  /** Reference date for ages: the first day of the newest month. */
  refDate: string;
}

const MEMBER_COUNT_WEIGHTS = [0, 10, 20, 20, 25, 15, 7, 3]; // index = member count

/** Relations to fill, in order, for a head of the given age. */
function relationPlan(headAge: number): Relation[] {
  if (headAge < 45) return ['spouse', 'son', 'daughter', 'father', 'mother', 'son', 'daughter'];
  if (headAge < 65)
    return ['spouse', 'son', 'daughter-in-law', 'grandson', 'daughter', 'granddaughter', 'mother'];
  return ['spouse', 'son', 'daughter-in-law', 'grandson', 'granddaughter', 'daughter', 'grandson'];
}

function memberAge(rng: Rng, relation: Relation, headAge: number, spouseAge: number): number {
  switch (relation) {
    case 'spouse':
      return Math.max(18, headAge + rng.int(-5, 3));
    case 'son':
    case 'daughter':
    case 'son-in-law':
    case 'daughter-in-law':
      return Math.max(0, Math.min(headAge, spouseAge) - rng.int(21, 32));
    case 'grandson':
    case 'granddaughter':
      return Math.max(0, headAge - rng.int(44, 58));
    case 'father':
    case 'mother':
      return Math.min(95, headAge + rng.int(22, 32));
    default:
      return rng.int(5, 70);
  }
}

const isMaleRelation = (r: Relation, headMale: boolean, rng: Rng): boolean => {
  if (r === 'son' || r === 'grandson' || r === 'father' || r === 'son-in-law') return true;
  if (r === 'daughter' || r === 'granddaughter' || r === 'mother' || r === 'daughter-in-law') return false;
  if (r === 'spouse') return !headMale;
  return rng.chance(0.5);
};

const MONITORED_TYPE_WEIGHTS: Record<MonitoredType, number> = { unstable: 40, edge: 45, sudden: 15 };
const monitoredTypes = Object.keys(MONITORED_TYPE_WEIGHTS) as MonitoredType[];
const MONITORING_REASONS: Record<MonitoredType, readonly string[]> = {
  unstable: ['脱贫后收入不稳定', '家庭劳动力减少，收入下降'],
  edge: ['收入略高于监测范围，存在致贫风险', '家庭负担重，有返贫致贫风险'],
  sudden: ['因病支出骤增', '因灾损失严重', '因意外事故导致家庭困难', '务工就业不稳定'],
};

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A random date in the period's month. */
function dayIn(rng: Rng, period: Period): string {
  const { year, month } = periodParts(period);
  return isoDay(year, month, rng.int(1, daysIn(year, month)));
}

/** A random date between two years, inclusive. */
function dayBetweenYears(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return isoDay(year, month, rng.int(1, daysIn(year, month)));
}

/**
 * One household and its members, entirely from the household's own random
 * stream: called again with the same arguments it gives the same result, which
 * is what lets `people()` replay members without storing them.
 */
function draftHousehold(
  seed: number,
  countyCode: string,
  id: string,
  village: OrgUnit,
  category: HouseholdCategory,
  window: Window,
): HouseholdDraft {
  const rng = new Rng(seedOf(seed, 'hh', id));
  const weights = category === 'ordinary' ? MEMBER_COUNT_WEIGHTS : [0, 14, 24, 20, 20, 13, 6, 3];
  const memberCount = Math.max(1, rng.weighted(weights));
  const headMale = rng.chance(0.85);
  const headAge = memberCount === 1 ? rng.int(45, 88) : rng.int(30, 78);
  const surname = randomSurname(rng);
  const spouseSurname = randomSurname(rng);
  const members: MemberDraft[] = [
    { relation: 'head', male: headMale, age: headAge, name: personName(rng, surname, headMale), flags: [] },
  ];
  const plan = relationPlan(headAge);
  let spouseAge = headAge;
  for (let i = 0; members.length < memberCount; i++) {
    const relation = plan[i] ?? 'other';
    const male = isMaleRelation(relation, headMale, rng);
    const age = memberAge(rng, relation, headAge, spouseAge);
    if (relation === 'spouse') spouseAge = age;
    // Children take the head's surname; spouses, in-laws and mothers have their own.
    const ownSurname =
      relation === 'spouse' || relation === 'mother'
        ? spouseSurname
        : relation === 'daughter-in-law' || relation === 'son-in-law' || relation === 'other'
          ? randomSurname(rng)
          : surname;
    members.push({ relation, male, age, name: personName(rng, ownSurname, male), flags: [] });
  }

  const poor = category !== 'ordinary';
  let migrantWorkers = 0;
  for (const m of members) {
    if (m.age >= 6 && m.age <= 22 && rng.chance(0.9)) m.flags.push('student');
    else if (m.age >= 18 && m.age <= 55 && rng.chance(poor ? 0.5 : 0.45)) {
      m.flags.push('migrant-worker');
      migrantWorkers++;
    }
    if (rng.chance(poor ? 0.03 : 0.01) && m.age >= 30) m.flags.push('serious-illness');
    if (rng.chance(poor ? 0.025 : 0.008)) m.flags.push('severe-disability');
  }

  const flags = new Set<HouseholdFlag>();
  if (members.some((m) => m.flags.includes('serious-illness'))) flags.add('serious-illness');
  if (members.some((m) => m.flags.includes('severe-disability'))) flags.add('severe-disability');
  const dibao = rng.chance(category === 'monitored' ? 0.3 : category === 'alleviated' ? 0.12 : 0.005);
  if (dibao) {
    flags.add('dibao');
    const head = members[0];
    if (head) head.flags.push('dibao');
  }
  if (memberCount === 1 && headAge >= 60 && poor && rng.chance(0.3)) flags.add('dispersed-extreme-poverty');

  let monitoredType: MonitoredType | undefined;
  const history: HouseholdStatusChange[] = [];
  let dueFrom = 0;
  const firstYear = Number(window.periods[0]?.slice(0, 4) ?? 2025);
  if (category === 'alleviated') {
    history.push({
      date: dayBetweenYears(rng, 2016, 2020),
      to: 'alleviated',
      reason: '建档立卡贫困户脱贫退出',
    });
  } else if (category === 'monitored') {
    monitoredType = monitoredTypes[
      rng.weighted(monitoredTypes.map((t) => MONITORED_TYPE_WEIGHTS[t]))
    ] as MonitoredType;
    const before: HouseholdCategory = monitoredType === 'unstable' ? 'alleviated' : 'ordinary';
    history.push(
      before === 'alleviated'
        ? { date: dayBetweenYears(rng, 2016, 2020), to: 'alleviated', reason: '建档立卡贫困户脱贫退出' }
        : { date: '2014-10-01', to: 'ordinary', reason: '农户信息采集' },
    );
    // About one in six monitored households was identified during the window: 新识别.
    const fresh = window.periods.length > 1 && rng.chance(0.16);
    let date: string;
    if (fresh) {
      const index = rng.int(1, window.periods.length - 1);
      date = dayIn(rng, window.periods[index] as Period);
      flags.add('newly-identified');
      if (before === 'ordinary') dueFrom = index;
    } else {
      date = dayBetweenYears(rng, 2021, firstYear - 1);
    }
    history.push({
      date,
      from: before,
      to: 'monitored',
      monitoredType,
      reason: rng.pick(MONITORING_REASONS[monitoredType]),
    });
    if (monitoredType === 'edge' && rng.chance(0.2)) flags.add('near-dibao');
  } else if (rng.chance(0.02)) {
    // A few ordinary households were monitored once and left when the risk was eliminated (风险消除).
    const entered = dayBetweenYears(rng, 2021, firstYear - 2);
    const left = dayBetweenYears(rng, Number(entered.slice(0, 4)) + 1, firstYear - 1);
    history.push(
      { date: '2014-10-01', to: 'ordinary', reason: '农户信息采集' },
      {
        date: entered,
        from: 'ordinary',
        to: 'monitored',
        monitoredType: 'edge',
        reason: '收入略高于监测范围，存在致贫风险',
      },
      { date: left, from: 'monitored', to: 'ordinary', reason: '风险消除' },
    );
  } else if (rng.chance(0.01)) {
    flags.add('near-dibao');
  }

  const household: Household = {
    id,
    countyCode,
    villageId: village.id,
    townId: village.parentId ?? '',
    headName: members[0]?.name ?? surname,
    category,
    memberCount,
    ...(monitoredType ? { monitoredType } : {}),
    ...(flags.size > 0 ? { flags: [...flags] } : {}),
    ...(history.length > 0 ? { statusHistory: history } : {}),
    synthetic: true,
  };
  return { household, members, dueFrom, migrantWorkers };
}

/** A birth date in the year `age` years before `refDate`, and always before it. */
function birthDate(rng: Rng, age: number, refDate: string): string {
  const DAY = 86_400_000;
  const year = Number(refDate.slice(0, 4)) - age;
  const first = Date.UTC(year, 0, 1);
  // Someone aged 0 must not be born on or after the reference date.
  const last = Math.min(Date.UTC(year, 11, 31), Date.parse(`${refDate}T00:00:00Z`) - DAY);
  const day = last < first ? last : first + rng.int(0, (last - first) / DAY) * DAY;
  return new Date(day).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Income

/** Wage income by calendar month: migrant workers come home around the Spring Festival; year-end pay in December and January. */
const WAGE_SEASON = [1.04, 0.86, 0.95, 1, 1.02, 1.02, 1.03, 1.03, 1, 1, 1, 1.08];
/** Farm business income by month: summer wheat harvest and autumn maize and fruit. */
const BUSINESS_SEASON = [0.75, 0.7, 0.75, 0.8, 0.95, 1.25, 1.05, 1.05, 1.2, 1.3, 1.0, 0.85];
/** Business costs by month: spring planting and autumn sowing. */
const COST_SEASON = [0.8, 0.8, 1.15, 1.15, 1, 0.95, 0.9, 0.9, 1.05, 1.1, 0.9, 0.8];

/** Causes of the sharp falls the generator plants (the domain's `fallCauseKinds` less policy and other). */
type FallKind = 'illness' | 'lost-work' | 'disaster';
const FALL_NOTES: Record<FallKind, readonly string[]> = {
  illness: ['主要劳动力住院治疗，暂停务工', '家庭成员患大病，需要照料'],
  'lost-work': ['务工企业停工，返乡待业', '务工合同到期，暂未找到新工作'],
  disaster: ['冰雹灾害，果园减产', '暴雨导致农作物受灾'],
};

interface IncomeProfile {
  wage: number;
  business: number;
  costShare: number;
  property: number;
  transfer: number;
  fall?: { start: number; months: number; kind: FallKind; depth: number; note: string };
}

function incomeProfile(seed: number, draft: HouseholdDraft, ordinal: number, months: number): IncomeProfile {
  const rng = new Rng(seedOf(seed, 'income', draft.household.id));
  const h = draft.household;
  // Annual per-capita net income: a spread around a median, so that some monitored
  // households and a few alleviated ones fall below the monitoring threshold.
  const median = h.category === 'monitored' ? 9_000 : 14_500;
  const annualPerCapita = Math.max(2_400, median * Math.exp(0.28 * rng.normal()));
  const monthlyNet = (annualPerCapita * h.memberCount) / 12;
  const wageShare = draft.migrantWorkers > 0 ? rng.between(0.5, 0.75) : rng.between(0.05, 0.25);
  const transferShare = h.flags?.includes('dibao') ? rng.between(0.25, 0.4) : rng.between(0.08, 0.2);
  const propertyShare = rng.between(0, 0.04);
  const businessNetShare = Math.max(0.02, 1 - wageShare - transferShare - propertyShare);
  const costShare = rng.between(0.2, 0.4);
  const profile: IncomeProfile = {
    wage: monthlyNet * wageShare,
    business: (monthlyNet * businessNetShare) / (1 - costShare),
    costShare,
    property: monthlyNet * propertyShare,
    transfer: monthlyNet * transferShare,
  };
  // Sharp falls: illness or lost work for households that live on wages, a disaster for farmers.
  // Every 40th due household falls for certain, so even the demo has some.
  const p = h.category === 'monitored' ? 0.08 : 0.03;
  if (months > 0 && (rng.chance(p) || ordinal % 40 === 7)) {
    const kind =
      draft.migrantWorkers > 0
        ? rng.chance(0.5)
          ? 'illness'
          : 'lost-work'
        : rng.chance(0.5)
          ? 'illness'
          : 'disaster';
    profile.fall = {
      start: rng.int(0, months - 1),
      months: rng.int(2, 5),
      kind,
      depth: rng.between(0.05, 0.25),
      note: rng.pick(FALL_NOTES[kind]),
    };
  }
  return profile;
}

/** Components of one month (`index` into the window, may be -1 for the month before). */
function monthComponents(
  seed: number,
  id: string,
  profile: IncomeProfile,
  period: Period,
  index: number,
): IncomeComponents {
  const rng = new Rng(seedOf(seed, 'month', id, period));
  const m = periodParts(period).month - 1;
  const noise = () => 1 + 0.05 * rng.normal();
  const fall = profile.fall;
  const falling = fall !== undefined && index >= fall.start && index < fall.start + fall.months;
  let wage = profile.wage * (WAGE_SEASON[m] ?? 1) * noise();
  let business = profile.business * (BUSINESS_SEASON[m] ?? 1) * noise();
  if (falling && (fall.kind === 'illness' || fall.kind === 'lost-work')) {
    wage *= fall.depth;
    if (fall.kind === 'illness') business *= 0.5;
  }
  if (falling && fall.kind === 'disaster') business *= fall.depth;
  const cost = Math.min(
    business * 0.9,
    profile.business * profile.costShare * (COST_SEASON[m] ?? 1) * noise(),
  );
  return {
    wage: Math.max(0, Math.round(wage)),
    business: Math.max(0, Math.round(business)),
    property: Math.max(0, Math.round(profile.property)),
    transfer: Math.max(0, Math.round(profile.transfer * noise())),
    businessCost: Math.max(0, Math.round(cost)),
  };
}

/** The sharp-fall share of the year of `period`, or of the nearest configured year. */
function sharpFallShare(config: CountyConfig, period: Period): number {
  const year = periodParts(period).year;
  const years = Object.keys(config.years).map(Number);
  if (years.length === 0) return 0.3;
  const nearest = years.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  return config.years[String(nearest)]?.sharpFallShare ?? 0.3;
}

/** `YYYY-MM-DDTHH:mm:00.000Z` for a Shanghai wall-clock time. */
function shanghaiInstant(date: string, hour: number, minute: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, hour - 8, minute)).toISOString();
}

// ---------------------------------------------------------------------------
// The county

/**
 * Generates a synthetic county. Same options, same output, on any machine.
 * Demo scale is small enough to read; county scale has the size of a real
 * county (see `SCALES`). People and income records are produced on demand.
 */
export function generateCounty(options: GenerateOptions): SyntheticCounty {
  const { scale, seed, config, lastPeriod } = options;
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 60) {
    throw new RangeError('months must be an integer from 1 to 60');
  }
  const spec = SCALES[scale];
  const county = config.countyCode;
  const periods = Array.from({ length: options.months }, (_, i) =>
    addMonths(lastPeriod, i - options.months + 1),
  );
  const window: Window = { periods, refDate: `${lastPeriod}-01` };
  const rng = new Rng(seedOf(seed, scale, 'county'));

  // --- Org tree -----------------------------------------------------------
  const units: OrgUnit[] = [
    { id: county, kind: 'county', name: config.countyName, countyCode: county, synthetic: true },
  ];
  const usedNames = new Set<string>();
  const towns: OrgUnit[] = [];
  for (let t = 1; t <= spec.towns; t++) {
    const street = t > spec.towns - spec.streets;
    const town: OrgUnit = {
      id: `T${pad(t, 2)}`,
      kind: 'town',
      name: placeName(rng, usedNames) + (street ? '街道' : '镇'),
      parentId: county,
      countyCode: county,
      settlement: street ? 'street' : 'town',
      synthetic: true,
    };
    towns.push(town);
  }
  const villagesPerTown =
    scale === 'demo'
      ? towns.map(() => spec.villages / spec.towns)
      : apportion(
          spec.villages,
          towns.map(() => rng.between(0.6, 1.4)),
        );
  const villages: OrgUnit[] = [];
  const villagesOfTown = new Map<string, OrgUnit[]>();
  towns.forEach((town, ti) => {
    const list: OrgUnit[] = [];
    const n = villagesPerTown[ti] ?? 0;
    for (let v = 1; v <= n; v++) {
      // Streets are mostly communities; towns have a community at their seat now and then.
      const community =
        scale === 'demo'
          ? town.id === 'T01' && v === 3
          : town.settlement === 'street'
            ? v <= Math.ceil(n * 0.6)
            : rng.chance(spec.communityShare * 0.5);
      const village: OrgUnit = {
        id: `${town.id}V${pad(v, 3)}`,
        kind: 'village',
        name: placeName(rng, usedNames) + (community ? '社区' : '村'),
        parentId: town.id,
        countyCode: county,
        settlement: community ? 'community' : 'village',
        synthetic: true,
      };
      list.push(village);
      villages.push(village);
    }
    villagesOfTown.set(town.id, list);
  });
  // Province-level key villages: rural villages spread over the towns.
  const rural = villages.filter((v) => v.settlement === 'village');
  if (scale === 'demo') {
    const key = villages.find((v) => v.id === 'T01V002');
    if (key) key.keyVillage = true;
  } else {
    const step = rural.length / spec.keyVillages;
    for (let k = 0; k < spec.keyVillages; k++) {
      const v = rural[Math.floor(k * step + step / 2)];
      if (v) v.keyVillage = true;
    }
  }
  const factories: OrgUnit[] = [];
  for (const town of towns) {
    const n = rng.int(...spec.factoriesPerTown);
    for (let f = 1; f <= n; f++) {
      factories.push({
        id: `${town.id}F${pad(f, 2)}`,
        kind: 'factory',
        name: `${town.name.slice(0, 2)}${rng.pick(['社区工厂', '帮扶车间', '就业帮扶车间'])}${f > 1 ? `（${f}）` : ''}`,
        parentId: town.id,
        countyCode: county,
        synthetic: true,
      });
    }
  }
  const departments: OrgUnit[] = DEPARTMENTS.slice(0, spec.departments).map((name, i) => ({
    id: `D${pad(i + 1, 2)}`,
    kind: 'department',
    name,
    parentId: county,
    countyCode: county,
    synthetic: true,
  }));
  units.push(...towns, ...villages, ...factories, ...departments);

  // --- Households -----------------------------------------------------------
  // Key villages and rural villages carry more alleviated households than communities.
  const villageWeights = villages.map((v) => ({
    size: rng.between(0.5, 1.6),
    poverty: (v.keyVillage ? 1.6 : 1) * (v.settlement === 'community' ? 0.4 : 1) * rng.between(0.7, 1.3),
  }));
  const perVillage = (category: HouseholdCategory): number[] =>
    scale === 'demo'
      ? apportion(
          spec.households[category],
          villages.map(() => 1),
        )
      : apportion(
          spec.households[category],
          villageWeights.map((w) => (category === 'ordinary' ? w.size : w.size * w.poverty)),
        );
  const counts = {
    alleviated: perVillage('alleviated'),
    monitored: perVillage('monitored'),
    ordinary: perVillage('ordinary'),
  };
  const drafts: { id: string; village: OrgUnit; category: HouseholdCategory }[] = [];
  villages.forEach((village, vi) => {
    for (const category of ['alleviated', 'monitored', 'ordinary'] as const) {
      const n = counts[category][vi] ?? 0;
      for (let i = 0; i < n; i++) drafts.push({ id: `H${pad(drafts.length + 1, 7)}`, village, category });
    }
  });
  const households: Household[] = [];
  const dueFrom = new Map<string, number>();
  for (const d of drafts) {
    const draft = draftHousehold(seed, county, d.id, d.village, d.category, window);
    households.push(draft.household);
    if (d.category !== 'ordinary') dueFrom.set(d.id, draft.dueFrom);
  }

  // --- Staff ---------------------------------------------------------------
  const staff: Staff[] = [];
  const officers: InformationOfficer[] = [];
  const staffRng = new Rng(seedOf(seed, scale, 'staff'));
  // Usernames follow unit ids (`v-t01v001` for village T01V001) so demo sign-ins are
  // guessable; lower case because the user pool's username rule asks for it.
  const addStaff = (
    name: string,
    role: Role,
    position: StaffPosition,
    unitId: string,
    townId?: string,
    active = true,
  ): Staff => {
    const male = staffRng.chance(0.6);
    const username = name.toLowerCase();
    const s: Staff = {
      id: `S${pad(staff.length + 1, 5)}`,
      countyCode: county,
      name: personName(staffRng, randomSurname(staffRng), male),
      role,
      position,
      unitId,
      ...(townId ? { townId } : {}),
      phone: fakePhone(staffRng),
      email: `${username}@${EMAIL_DOMAIN}`,
      username,
      active,
      synthetic: true,
    };
    staff.push(s);
    if (position === 'information-officer') officers.push({ countyCode: county, unitId, staffId: s.id });
    return s;
  };

  addStaff('admin', 'county-admin', 'administrator', county);
  for (let i = 1; i <= spec.centreStaff; i++)
    addStaff(i === 1 ? 'centre' : `centre-${i}`, 'monitoring-centre', 'monitoring-centre', county);
  addStaff('office', 'coordination-office', 'coordination-office', county);
  addStaff('auditor', 'auditor', 'auditor', county);

  const assignments: DutyAssignment[] = [];
  const assign = (kind: DutyAssignment['kind'], staffId: string, targetId: string) =>
    assignments.push({ countyCode: county, kind, staffId, targetId });

  // County leaders linked to towns (联镇): every town has one, some two.
  const leadersOfTown = new Map<string, Staff[]>();
  const leaderTowns = apportion(
    spec.countyLeaders,
    towns.map(() => 1),
  );
  towns.forEach((town, ti) => {
    const list: Staff[] = [];
    for (let i = 1; i <= (leaderTowns[ti] ?? 0); i++) {
      const s = addStaff(
        i === 1 ? `leader-${town.id}` : `leader-${town.id}-${i}`,
        'leader',
        'county-leader',
        county,
      );
      assign('town-link', s.id, town.id);
      list.push(s);
    }
    leadersOfTown.set(town.id, list);
  });
  // Each key village is paired with a county leader of its town.
  for (const v of villages.filter((x) => x.keyVillage)) {
    const leaders = leadersOfTown.get(v.parentId ?? '') ?? [];
    const leader = leaders[(Number(v.id.slice(-3)) - 1) % Math.max(1, leaders.length)];
    if (leader) assign('key-village', leader.id, v.id);
  }

  // Departments: a head linked to a town, information officers (some departments
  // have only one), and assistance cadres who pair with households in that town.
  const cadresOfTown = new Map<string, Staff[]>();
  const cadresPerDept = apportion(
    spec.departmentCadres,
    departments.map(() => (scale === 'demo' ? 1 : staffRng.between(0.5, 1.5))),
  );
  departments.forEach((dept, di) => {
    const town = scale === 'demo' ? towns[(di + 1) % towns.length] : towns[di % towns.length];
    if (!town) return;
    const head = addStaff(`dept-${dept.id}`, 'department-staff', 'department-head', dept.id);
    assign('town-link', head.id, town.id);
    const officerCount = scale === 'demo' ? (di === 0 ? 1 : 2) : staffRng.chance(0.15) ? 1 : 2;
    for (let i = 1; i <= officerCount; i++)
      addStaff(`dept-${dept.id}-io${i}`, 'department-staff', 'information-officer', dept.id);
    const list = cadresOfTown.get(town.id) ?? [];
    for (let i = 1; i <= (cadresPerDept[di] ?? 0); i++) {
      list.push(addStaff(`cadre-${dept.id}-${pad(i, 3)}`, 'assistance-cadre', 'department-cadre', dept.id));
    }
    cadresOfTown.set(town.id, list);
  });

  // Towns: two heads (party secretary and mayor), information officers (some towns
  // have only one), and town cadres, each the 包村领导 of one or two villages.
  const officerOfVillage = new Map<string, Staff>();
  const townOfficer = new Map<string, Staff>();
  const localCadresOfVillage = new Map<string, Staff[]>();
  for (const town of towns) {
    for (let i = 1; i <= spec.townHeads; i++) {
      addStaff(
        i === 1 ? `head-${town.id}` : `head-${town.id}-${i}`,
        'town-staff',
        'town-head',
        town.id,
        town.id,
      );
    }
    const officerCount = scale === 'demo' ? (town.id === 'T01' ? 2 : 1) : staffRng.chance(0.15) ? 1 : 2;
    for (let i = 1; i <= officerCount; i++) {
      const s = addStaff(
        i === 1 ? `town-${town.id}` : `town-${town.id}-${i}`,
        'town-staff',
        'information-officer',
        town.id,
        town.id,
      );
      if (i === 1) townOfficer.set(town.id, s);
    }
    const vs = villagesOfTown.get(town.id) ?? [];
    const townCadres: Staff[] = [];
    const n = scale === 'demo' ? 1 : Math.ceil(vs.length / 2) + spec.extraTownCadres;
    for (let i = 1; i <= n; i++)
      townCadres.push(addStaff(`tc-${town.id}-${pad(i, 2)}`, 'town-staff', 'town-cadre', town.id, town.id));
    vs.forEach((v, vi) => {
      const lead = townCadres[Math.floor(vi / 2) % townCadres.length];
      if (lead) {
        assign('village-lead', lead.id, v.id);
        localCadresOfVillage.set(v.id, [lead]);
      }
    });
  }

  // Villages: information officers (communities need two and some have one; a few
  // villages' only officer has left), village cadres, first secretaries and work teams.
  for (const v of villages) {
    const townId = v.parentId ?? '';
    const community = v.settlement === 'community';
    const officerCount =
      scale === 'demo' ? 1 : community ? (staffRng.chance(0.3) ? 1 : 2) : staffRng.chance(0.1) ? 2 : 1;
    const left = scale === 'county' && officerCount === 1 && staffRng.chance(0.02);
    for (let i = 1; i <= officerCount; i++) {
      const s = addStaff(
        i === 1 ? `v-${v.id}` : `v-${v.id}-${i}`,
        'village-officer',
        'information-officer',
        v.id,
        townId,
        !left,
      );
      if (i === 1) officerOfVillage.set(v.id, s);
    }
    const locals = localCadresOfVillage.get(v.id) ?? [];
    for (let i = 1; i <= spec.villageCadresPerVillage; i++) {
      locals.push(addStaff(`vc-${v.id}-${i}`, 'assistance-cadre', 'village-cadre', v.id, townId));
    }
    localCadresOfVillage.set(v.id, locals);
    if (v.keyVillage || staffRng.chance(spec.firstSecretaryShare)) {
      assign(
        'resident',
        addStaff(`fs-${v.id}`, 'assistance-cadre', 'first-secretary', v.id, townId).id,
        v.id,
      );
      const team = staffRng.int(...spec.workTeamPerSecretary);
      for (let i = 1; i <= team; i++) {
        assign(
          'resident',
          addStaff(`wt-${v.id}-${i}`, 'assistance-cadre', 'work-team', v.id, townId).id,
          v.id,
        );
      }
    }
  }

  // Household pairings (结对帮扶): about half of the alleviated households with a
  // department cadre of a department linked to the town, the rest and the ordinary
  // households with the village's own cadres.
  const cursor = new Map<string, number>();
  const nextOf = (key: string, list: readonly Staff[]): Staff | undefined => {
    if (list.length === 0) return undefined;
    const i = cursor.get(key) ?? 0;
    cursor.set(key, i + 1);
    return list[i % list.length];
  };
  for (const h of households) {
    if (h.category === 'monitored') continue; // leaders and resident teams cover them (duty table)
    const locals = localCadresOfVillage.get(h.villageId) ?? [];
    const deptCadres = cadresOfTown.get(h.townId) ?? [];
    const useDept =
      h.category === 'alleviated' && deptCadres.length > 0 && (cursor.get(`n:${h.villageId}`) ?? 0) % 2 === 0;
    cursor.set(
      `n:${h.villageId}`,
      (cursor.get(`n:${h.villageId}`) ?? 0) + (h.category === 'alleviated' ? 1 : 0),
    );
    const cadre = useDept ? nextOf(`d:${h.townId}`, deptCadres) : nextOf(`l:${h.villageId}`, locals);
    if (cadre) assign('household', cadre.id, h.id);
  }

  // --- Report recipients -------------------------------------------------------
  const reportRecipients: ReportRecipient[] = [];
  const recipient = (reportKind: ReportKind, scopeUnitId: string, s: Staff) =>
    reportRecipients.push({ countyCode: county, reportKind, scopeUnitId, staffId: s.id });
  const countyWide: ReportKind[] = ['monthly-income', 'visit-coverage', 'petition-summary', 'data-quality'];
  for (const s of staff) {
    const townId = s.townId ?? '';
    if (
      s.position === 'county-leader' ||
      s.position === 'monitoring-centre' ||
      s.position === 'coordination-office'
    ) {
      for (const k of countyWide) recipient(k, county, s);
    }
    if (s.position === 'coordination-office') recipient('reminder-letter', county, s);
    if (s.position === 'county-leader') {
      const town = assignments.find((a) => a.kind === 'town-link' && a.staffId === s.id)?.targetId;
      if (town) for (const k of ['monthly-income', 'visit-coverage'] as const) recipient(k, town, s);
    }
    if (s.position === 'town-head' || (s.position === 'information-officer' && s.unitId === townId)) {
      for (const k of [...countyWide, 'reminder-letter'] as const) recipient(k, townId, s);
    }
    if (s.position === 'department-head') {
      for (const k of ['visit-coverage', 'reminder-letter'] as const) recipient(k, s.unitId, s);
    }
  }

  // --- Demo accounts ---------------------------------------------------------
  const headline = ['admin', 'centre', 'office', 'auditor'];
  const demoTowns = scale === 'demo' ? towns : towns.slice(0, 1);
  const demoAccounts = [
    ...headline,
    ...demoTowns.flatMap((t) => [`town-${t.id}`, `leader-${t.id}`, `head-${t.id}`]),
    ...villages.filter((v) => demoTowns.some((t) => t.id === v.parentId)).map((v) => `v-${v.id}`),
    ...(scale === 'demo' ? staff.map((s) => s.username) : []),
  ].map((u) => u.toLowerCase());
  const usernames = new Set(staff.map((s) => s.username));
  const accounts = [...new Set(demoAccounts)].filter((u) => usernames.has(u));

  // --- Lazy lists ------------------------------------------------------------
  const villageById = new Map(villages.map((v) => [v.id, v]));
  const due = households.filter((h) => h.category !== 'ordinary');
  const incomeRecordCount = due.reduce((n, h) => n + periods.length - (dueFrom.get(h.id) ?? 0), 0);

  function* people(): Generator<Person> {
    const used = new Set<string>();
    for (const h of households) {
      const village = villageById.get(h.villageId);
      if (!village) continue;
      const draft = draftHousehold(seed, county, h.id, village, h.category, window);
      const rngP = new Rng(seedOf(seed, 'people', h.id));
      for (const [i, m] of draft.members.entries()) {
        let body = '';
        let seq = rngP.int(0, 499) * 2 + (m.male ? 1 : 0);
        const birth = birthDate(rngP, m.age, window.refDate);
        // The sequence code tells apart people born the same day; skip codes already used.
        for (let tries = 0; tries < 500; tries++) {
          body = makeIdNumber(county, birth, seq);
          if (!used.has(body)) break;
          seq = (seq + 2) % 1000;
        }
        used.add(body);
        yield {
          id: `${h.id}-${pad(i + 1, 2)}`,
          countyCode: county,
          householdId: h.id,
          name: m.name,
          idNumber: body,
          relation: m.relation,
          ...(m.flags.length > 0 ? { flags: [...new Set(m.flags)] } : {}),
          ...(m.relation === 'head' ? { phone: fakePhone(rngP) } : {}),
          synthetic: true,
        };
      }
    }
  }

  let profiles: Map<string, IncomeProfile> | undefined;
  const profileOf = (h: Household, ordinal: number): IncomeProfile => {
    profiles ??= new Map();
    let p = profiles.get(h.id);
    if (!p) {
      const village = villageById.get(h.villageId) as OrgUnit;
      p = incomeProfile(
        seed,
        draftHousehold(seed, county, h.id, village, h.category, window),
        ordinal,
        periods.length,
      );
      profiles.set(h.id, p);
    }
    return p;
  };
  // Some villages are habitually late with entry; most are on time.
  const lateShare = new Map(
    villages.map((v) => {
      const r = new Rng(seedOf(seed, 'late', v.id));
      return [v.id, r.chance(0.12) ? r.between(0.15, 0.35) : 0.01] as const;
    }),
  );
  const entryDeadline = config.deadlines.villageEntry;
  const townReviewDeadline = config.deadlines.townReview;

  function* incomeRecords(only?: Period): Generator<IncomeRecord> {
    for (const [index, period] of periods.entries()) {
      if (only !== undefined && period !== only) continue;
      const share = sharpFallShare(config, period);
      const next = periodParts(addMonths(period, 1));
      const newest = index === periods.length - 1;
      for (const [ordinal, h] of due.entries()) {
        if (index < (dueFrom.get(h.id) ?? 0)) continue;
        const profile = profileOf(h, ordinal);
        const components = monthComponents(seed, h.id, profile, period, index);
        const previous = monthComponents(seed, h.id, profile, addMonths(period, -1), index - 1);
        const net = netIncome(components);
        let fallCause: FallCause | undefined;
        if (fallShare(net, netIncome(previous)) >= share) {
          const fall = profile.fall;
          fallCause =
            fall && index >= fall.start && index < fall.start + fall.months
              ? { kind: fall.kind, note: fall.note }
              : { kind: 'other', note: '季节性波动（农忙、返乡等），收入暂时减少' };
        }
        const r = new Rng(seedOf(seed, 'entry', h.id, period));
        const late = r.chance(lateShare.get(h.villageId) ?? 0.01);
        const day = late ? r.int(entryDeadline + 1, entryDeadline + 8) : r.int(1, entryDeadline);
        const at = shanghaiInstant(isoDay(next.year, next.month, day), r.int(8, 20), r.int(0, 59));
        const officer = officerOfVillage.get(h.villageId) ?? townOfficer.get(h.townId);
        // Towns have reviewed older months; the newest is still partly waiting. A review is a
        // second version of the record, made by the town's officer on or after the entry.
        const reviewer = townOfficer.get(h.townId);
        const reviewed = r.chance(newest ? 0.3 : 0.96) && reviewer !== undefined;
        const reviewDay = r.int(day, Math.max(day, townReviewDeadline));
        const reviewAt = shanghaiInstant(
          isoDay(next.year, next.month, reviewDay),
          r.int(8, 20),
          r.int(0, 59),
        );
        const reviewedAt = reviewAt > at ? reviewAt : at;
        yield {
          period,
          householdId: h.id,
          memberCount: h.memberCount,
          components,
          ...(fallCause ? { fallCause } : {}),
          countyCode: county,
          villageId: h.villageId,
          townId: h.townId,
          netIncome: net,
          perCapitaNet: perCapitaNet(components, h.memberCount),
          status: reviewed ? 'reviewed' : 'entered',
          version: reviewed ? 2 : 1,
          lastSubmissionId: r.uuid(),
          updatedBy: reviewed ? reviewer.id : (officer?.id ?? 'SYSTEM'),
          updatedAt: reviewed ? reviewedAt : at,
          enteredAt: at,
          sourceForm: 'seed',
          ...(reviewed
            ? {
                review: {
                  action: 'accepted' as const,
                  at: reviewedAt,
                  by: reviewer.id,
                  byName: reviewer.name,
                },
              }
            : {}),
        };
      }
    }
  }

  return {
    scale,
    seed,
    config,
    countyCode: county,
    units,
    households,
    staff,
    assignments,
    informationOfficers: officers,
    reportRecipients,
    periods,
    demoAccounts: accounts,
    people,
    incomeRecords,
    incomeRecordCount,
  };
}
