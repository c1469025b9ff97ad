import * as z from '../shared/zod-mini.ts';
import { idNumberSchema } from './id-number.ts';

/** Kinds of unit in the county's organisation tree. */
export const orgUnitKinds = ['county', 'town', 'village', 'department', 'factory'] as const;
export const orgUnitKindSchema = z.enum(orgUnitKinds);
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  county: '县',
  town: '镇/街道',
  village: '村/社区',
  department: '县直单位',
  factory: '社区工厂/帮扶车间',
};

/**
 * A village-level unit is an administrative village (行政村) or an urban community
 * (社区); a town-level unit is a town (镇) or a street (街道). The difference
 * matters for information-officer staffing (a community needs 2, a village 1).
 */
export const settlementTypes = ['village', 'community', 'town', 'street'] as const;
export const settlementTypeSchema = z.enum(settlementTypes);
export type SettlementType = z.infer<typeof settlementTypeSchema>;
export const settlementTypeLabels: Record<SettlementType, string> = {
  village: '行政村',
  community: '社区',
  town: '镇',
  street: '街道',
};

/** Our ids for units, households, people and staff: upper-case letters, digits and hyphens. */
export const recordIdSchema = z
  .string({ error: '请填写编号' })
  .check(z.regex(/^[A-Z0-9-]{1,40}$/, { error: '编号只能包含大写字母、数字和连字符，最长 40 位' }));

/** An ISO calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** Six-digit county code (县级行政区划代码): every directory record is scoped by it. */
export const countyCodeSchema = z
  .string()
  .check(z.regex(/^\d{6}$/, { error: '县级行政区划代码应为 6 位数字' }));

export const orgUnitSchema = z.object({
  id: z.string().check(z.regex(/^[A-Z0-9-]{1,32}$/)),
  kind: orgUnitKindSchema,
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  /** Town of a village or factory; county for towns and departments. */
  parentId: z.optional(z.string()),
  /** 省级重点帮扶村 */
  keyVillage: z.optional(z.boolean()),
  /** Set on every generated record: generated data never names real people. */
  synthetic: z.optional(z.boolean()),
  /** Optional only so that older callers still compile; the generator and imports always set it. */
  countyCode: z.optional(countyCodeSchema),
  /** Village or community; town or street. Absent means village or town. */
  settlement: z.optional(settlementTypeSchema),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const householdCategories = ['alleviated', 'monitored', 'ordinary'] as const;
export const householdCategorySchema = z.enum(householdCategories);
export type HouseholdCategory = z.infer<typeof householdCategorySchema>;
export const householdCategoryLabels: Record<HouseholdCategory, string> = {
  alleviated: '脱贫户',
  monitored: '监测户',
  ordinary: '一般农户',
};

/** Sub-types of monitored households (监测对象), as the national system records them. */
export const monitoredTypes = ['unstable', 'edge', 'sudden'] as const;
export const monitoredTypeSchema = z.enum(monitoredTypes, { error: '请选择监测对象类别' });
export type MonitoredType = z.infer<typeof monitoredTypeSchema>;
export const monitoredTypeLabels: Record<MonitoredType, string> = {
  unstable: '脱贫不稳定户',
  edge: '边缘易致贫户',
  sudden: '突发严重困难户',
};

/**
 * Flags that make a household part of a key group (重点人群). Low or sharply
 * falling income is the other way in; it is derived from income records, not stored.
 */
export const householdFlags = [
  'serious-illness',
  'severe-disability',
  'dibao',
  'dispersed-extreme-poverty',
  'near-dibao',
  'newly-identified',
] as const;
export const householdFlagSchema = z.enum(householdFlags, { error: '请选择有效的重点人群类别' });
export type HouseholdFlag = z.infer<typeof householdFlagSchema>;
export const householdFlagLabels: Record<HouseholdFlag, string> = {
  'serious-illness': '大病',
  'severe-disability': '重度残疾',
  dibao: '农村低保',
  'dispersed-extreme-poverty': '分散供养特困人员',
  'near-dibao': '低保边缘家庭',
  'newly-identified': '新识别',
};

/**
 * One change of a household's category, e.g. identified for monitoring, or risk
 * eliminated (风险消除) and monitoring ended. `from` is absent for the first entry.
 */
export const householdStatusChangeSchema = z.strictObject({
  date: isoDateSchema,
  from: z.optional(householdCategorySchema),
  to: householdCategorySchema,
  /** Sub-type when `to` is monitored. */
  monitoredType: z.optional(monitoredTypeSchema),
  reason: z
    .string({ error: '请填写变更原因' })
    .check(
      z.trim(),
      z.minLength(2, { error: '变更原因至少 2 个字' }),
      z.maxLength(200, { error: '变更原因不超过 200 字' }),
    ),
});
export type HouseholdStatusChange = z.infer<typeof householdStatusChangeSchema>;

export const householdSchema = z.object({
  id: z.string().check(z.regex(/^[A-Z0-9-]{1,40}$/)),
  villageId: z.string(),
  townId: z.string(),
  headName: z.string().check(z.minLength(1), z.maxLength(30)),
  category: householdCategorySchema,
  memberCount: z.number().check(z.int(), z.gte(1), z.lte(30)),
  synthetic: z.optional(z.boolean()),
  // The fields below are optional so that code written before them still compiles.
  countyCode: z.optional(countyCodeSchema),
  /** Set when, and only when, `category` is monitored (see `householdConsistencyIssues`). */
  monitoredType: z.optional(monitoredTypeSchema),
  /** Key-group flags (重点人群); no duplicates. */
  flags: z.optional(z.array(householdFlagSchema).check(z.maxLength(householdFlags.length))),
  /** Oldest first. The last entry's `to` equals `category`. */
  statusHistory: z.optional(z.array(householdStatusChangeSchema).check(z.maxLength(100))),
});
export type Household = z.infer<typeof householdSchema>;

/**
 * Rules across fields that a plain object schema cannot say: a monitored household
 * has a sub-type and only it does; flags are unique; the history is in date order
 * and ends at the current category. Kept apart from `householdSchema` so that
 * schema stays a plain object that `.pick`/`.extend` work on.
 */
export function householdConsistencyIssues(h: Household): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (h.category === 'monitored' && !h.monitoredType) {
    issues.push({ path: 'monitoredType', message: '监测户须选择监测对象类别' });
  }
  if (h.category !== 'monitored' && h.monitoredType) {
    issues.push({ path: 'monitoredType', message: '只有监测户才有监测对象类别' });
  }
  if (h.flags && new Set(h.flags).size !== h.flags.length)
    issues.push({ path: 'flags', message: '重点人群类别重复' });
  const history = h.statusHistory ?? [];
  for (let i = 1; i < history.length; i++) {
    const prev = history[i - 1];
    const cur = history[i];
    if (prev && cur && cur.date < prev.date) {
      issues.push({ path: `statusHistory.${i}.date`, message: '状态变更记录应按日期先后排列' });
    }
  }
  const last = history.at(-1);
  if (last && last.to !== h.category) {
    issues.push({ path: 'statusHistory', message: '最近一次状态变更后的类别与当前类别不一致' });
  }
  return issues;
}

/** `householdSchema` with the cross-field rules, for imports and edit forms. */
export const checkedHouseholdSchema = householdSchema.check(
  z.superRefine((h, ctx) => {
    for (const issue of householdConsistencyIssues(h)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.').map(pathKey) });
    }
  }),
);

const pathKey = (k: string): string | number => (/^\d+$/.test(k) ? Number(k) : k);

/**
 * The category a household had on `date` (`YYYY-MM-DD`), read from its history;
 * undefined when it was first recorded after that date. Without a history the
 * current category is all we know.
 */
export function categoryOn(
  h: Pick<Household, 'category' | 'statusHistory'>,
  date: string,
): HouseholdCategory | undefined {
  const history = h.statusHistory;
  if (!history || history.length === 0) return h.category;
  let found: HouseholdCategory | undefined;
  for (const change of history) {
    if (change.date <= date) found = change.to;
    else break;
  }
  return found;
}

/** Relation of a member to the head of household, with the national system's wording. */
export const relations = [
  'head',
  'spouse',
  'son',
  'daughter',
  'daughter-in-law',
  'son-in-law',
  'grandson',
  'granddaughter',
  'father',
  'mother',
  'sibling',
  'other',
] as const;
export const relationSchema = z.enum(relations, { error: '请选择与户主关系' });
export type Relation = z.infer<typeof relationSchema>;
export const relationLabels: Record<Relation, string> = {
  head: '户主',
  spouse: '配偶',
  son: '之子',
  daughter: '之女',
  'daughter-in-law': '之儿媳',
  'son-in-law': '之女婿',
  grandson: '之孙子',
  granddaughter: '之孙女',
  father: '之父',
  mother: '之母',
  sibling: '之兄弟姐妹',
  other: '其他',
};

/** Circumstances of one person that visits and income analysis look at. */
export const personFlags = [
  'serious-illness',
  'severe-disability',
  'migrant-worker',
  'student',
  'dibao',
] as const;
export const personFlagSchema = z.enum(personFlags, { error: '请选择有效的人员标识' });
export type PersonFlag = z.infer<typeof personFlagSchema>;
export const personFlagLabels: Record<PersonFlag, string> = {
  'serious-illness': '大病',
  'severe-disability': '重度残疾',
  'migrant-worker': '外出务工',
  student: '在校生',
  dibao: '享受低保',
};

/** A mainland mobile number (11 digits) or a landline with area code. */
export const phoneSchema = z.pipe(
  z.pipe(
    z.string({ error: '请填写电话号码' }).check(z.trim()),
    z.transform((s: string) => s.replace(/[\s-]/g, '')),
  ),
  z
    .string()
    .check(z.regex(/^(1[3-9]\d{9}|0\d{9,11})$/, { error: '电话号码应为 11 位手机号或带区号的固定电话' })),
);

/** A member of a household (家庭成员). The ID number is personal data: mask it wherever it is shown to others. */
export const personSchema = z.object({
  /** `<householdId>-<nn>`, stable across edits. */
  id: recordIdSchema,
  countyCode: countyCodeSchema,
  householdId: recordIdSchema,
  name: z
    .string({ error: '请填写姓名' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请填写姓名' }),
      z.maxLength(30, { error: '姓名不超过 30 个字' }),
    ),
  idNumber: idNumberSchema,
  relation: relationSchema,
  flags: z.optional(z.array(personFlagSchema).check(z.maxLength(personFlags.length))),
  phone: z.optional(phoneSchema),
  synthetic: z.optional(z.boolean()),
});
export type Person = z.infer<typeof personSchema>;

/** Households whose income the village enters every month (收入采集录入). */
export function isIncomeMonitored(h: Pick<Household, 'category'>): boolean {
  return h.category === 'alleviated' || h.category === 'monitored';
}
