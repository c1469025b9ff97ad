/**
 * Petitions (信访) as the county registers them: intake, handling updates with a
 * result, and callbacks (回访). One schema per thing; the request schemas the
 * forms and the functions share are derived from them.
 */
import { isoDateSchema, recordIdSchema } from '../org/org.schema.ts';
import * as z from '../shared/zod-mini.ts';

export const petitionChannels = ['window', 'hotline', 'letter', 'online'] as const;
export type PetitionChannel = (typeof petitionChannels)[number];
export const petitionChannelLabels: Record<PetitionChannel, string> = {
  window: '窗口来访',
  hotline: '热线',
  letter: '来信',
  online: '网上',
};

export const petitionCategories = [
  'income',
  'food-clothing',
  'education',
  'medical',
  'housing',
  'water',
  'other',
] as const;
export type PetitionCategory = (typeof petitionCategories)[number];
export const petitionCategoryLabels: Record<PetitionCategory, string> = {
  income: '收入',
  'food-clothing': '吃穿',
  education: '义务教育',
  medical: '基本医疗',
  housing: '住房安全',
  water: '饮水安全',
  other: '其他',
};

/**
 * Categories of "一收入两不愁三保障" and safe drinking water: the county acts on
 * them at once and considers the household for monitoring (domain.md, system 4).
 */
export const monitoringCategories: ReadonlySet<PetitionCategory> = new Set([
  'income',
  'food-clothing',
  'education',
  'medical',
  'housing',
  'water',
]);

export const handlingModes = ['immediate', 'assigned', 'deadline'] as const;
export type HandlingMode = (typeof handlingModes)[number];
export const handlingModeLabels: Record<HandlingMode, string> = {
  immediate: '即办',
  assigned: '交办',
  deadline: '限期办',
};

export const petitionStatuses = ['open', 'resolved', 'unresolved'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];
export const petitionStatusLabels: Record<PetitionStatus, string> = {
  open: '办理中',
  resolved: '已解决',
  unresolved: '已答复未解决',
};

const submissionId = z.uuid({ error: '提交编号无效，请刷新页面后重填' });
const expectedVersion = z
  .number({ error: '缺少版本号，请刷新页面' })
  .check(z.int(), z.gte(1), z.lte(1_000_000));

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不超过 ${max} 字` }),
    );

/** A mobile number (11 digits from 1) or a landline with its area code. */
export const phoneSchema = z.pipe(
  z.pipe(
    z.string({ error: '请填写联系电话' }).check(z.trim()),
    z.transform((s: string) => s.replace(/[\s-]/g, '')),
  ),
  z.string().check(z.regex(/^(1\d{10}|0\d{9,11})$/, { error: '联系电话应为 11 位手机号或带区号的固定电话' })),
);

/** What the intake form submits (信访登记). Server-side rules on dates and units: `petition.rules.ts`. */
export const petitionIntakeSchema = z.strictObject({
  submissionId,
  receivedDate: isoDateSchema,
  channel: z.enum(petitionChannels, { error: '请选择来访渠道' }),
  petitionerName: text('信访人姓名', 2, 20),
  petitionerPhone: phoneSchema,
  /** The petitioner's household when they belong to one of the registered households. */
  householdId: z.optional(recordIdSchema),
  villageId: z
    .string({ error: '请选择村/社区' })
    .check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择村/社区' })),
  category: z.enum(petitionCategories, { error: '请选择诉求类别' }),
  content: text('诉求内容', 5, 1000),
  handlingMode: z.enum(handlingModes, { error: '请选择办理方式' }),
  deadline: z.optional(isoDateSchema),
  assignedUnit: z.optional(text('承办单位', 2, 60)),
});
export type PetitionIntake = z.infer<typeof petitionIntakeSchema>;

export const handlingEntrySchema = z.strictObject({
  date: isoDateSchema,
  note: text('办理情况', 2, 500),
  byName: z.string(),
});
export type HandlingEntry = z.infer<typeof handlingEntrySchema>;

export const petitionResultSchema = z.strictObject({
  outcome: z.enum(['resolved', 'unresolved'], { error: '请选择办理结果' }),
  date: isoDateSchema,
  summary: text('办理结果', 2, 500),
});
export type PetitionResult = z.infer<typeof petitionResultSchema>;

export const callbackWays = ['phone', 'visit', 'sms', 'other'] as const;
export type CallbackWay = (typeof callbackWays)[number];
export const callbackWayLabels: Record<CallbackWay, string> = {
  phone: '电话回访',
  visit: '上门回访',
  sms: '短信回访',
  other: '其他',
};

export const callbackSchema = z.strictObject({
  date: isoDateSchema,
  way: z.enum(callbackWays, { error: '请选择回访方式' }),
  /** Who called back (回访人). */
  caller: text('回访人', 2, 20),
  satisfied: z.boolean({ error: '请选择是否满意' }),
  notes: z.optional(z.string().check(z.trim(), z.maxLength(500, { error: '备注不超过 500 字' }))),
});
export type Callback = z.infer<typeof callbackSchema>;

/** A petition as stored in the register (the record's `data`). */
export const petitionSchema = z.extend(z.omit(petitionIntakeSchema, { submissionId: true }), {
  /** When the handling mode says it must be done: computed at intake, so the clock never moves. */
  dueDate: isoDateSchema,
  /** Category of 一收入两不愁三保障 or drinking water: consider the household for monitoring. */
  monitoringReview: z.boolean(),
  status: z.enum(petitionStatuses),
  handling: z.array(handlingEntrySchema),
  result: z.optional(petitionResultSchema),
  callbacks: z.array(callbackSchema),
});
export type Petition = z.infer<typeof petitionSchema>;

/** PUT /api/petitions/{id}: a handling step, optionally concluding with a result. */
export const petitionHandlingSchema = z.strictObject({
  submissionId,
  expectedVersion,
  date: isoDateSchema,
  note: text('办理情况', 2, 500),
  result: z.optional(z.omit(petitionResultSchema, { date: true })),
});
export type PetitionHandling = z.infer<typeof petitionHandlingSchema>;

/** POST /api/petitions/{id}/callbacks: one callback to the petitioner. */
export const petitionCallbackSchema = z.extend(callbackSchema, { submissionId, expectedVersion });
export type PetitionCallback = z.infer<typeof petitionCallbackSchema>;

/** Every key a petition record holds, its parts included: what its history names. */
type PetitionKey = keyof Petition | keyof HandlingEntry | keyof PetitionResult | keyof Callback;

/**
 * The Chinese name of every field of a petition record, its handling steps, result
 * and callbacks: what the record's history shows (typed, so a new field needs one).
 */
export const petitionFieldLabels: Record<PetitionKey, string> = {
  receivedDate: '受理日期',
  channel: '来源渠道',
  petitionerName: '信访人',
  petitionerPhone: '联系电话',
  householdId: '所属农户',
  villageId: '村/社区',
  category: '诉求类别',
  content: '诉求内容',
  handlingMode: '办理方式',
  deadline: '办理期限',
  assignedUnit: '承办单位',
  dueDate: '应办结日期',
  monitoringReview: '纳入监测研判',
  status: '办理状态',
  handling: '办理情况',
  result: '办理结果',
  callbacks: '回访',
  date: '日期',
  note: '办理情况',
  byName: '经办人',
  outcome: '结果',
  summary: '结果说明',
  way: '回访方式',
  caller: '回访人',
  satisfied: '是否满意',
  notes: '备注',
};

/** The Chinese names of the values a petition's history may show. */
export const petitionValueLabels: Record<string, string> = {
  ...petitionChannelLabels,
  ...petitionCategoryLabels,
  ...handlingModeLabels,
  ...petitionStatusLabels,
  ...callbackWayLabels,
};
