/**
 * The data-quality registers (数据质量提升制度): error records, spot checks, the
 * information-officer roster and joint meetings. Each is one zod schema of the
 * stored data; request and form schemas are derived from it.
 */
import { isoDateSchema } from '../org/org.schema.ts';
import * as z from '../shared/zod-mini.ts';

/** Register kinds as the generic record store names them. */
export const qualityKinds = {
  error: 'data-error',
  spotCheck: 'spot-check',
  officer: 'info-officer',
  meeting: 'quality-meeting',
} as const;

/** The four kinds of information the national system and provincial platform hold. */
export const infoKinds = ['basic', 'assistance', 'monitoring', 'management'] as const;
export const infoKindSchema = z.enum(infoKinds, { error: '请选择信息类别' });
export type InfoKind = z.infer<typeof infoKindSchema>;
export const infoKindLabels: Record<InfoKind, string> = {
  basic: '基础信息',
  assistance: '帮扶信息',
  monitoring: '动态监测信息',
  management: '管理信息',
};

/** How an error came to light; `logic-rule` is set only by the rule run, never chosen in the form. */
export const foundByKinds = [
  'department-comparison',
  'unannounced-visit',
  'phone-check',
  'questionnaire',
  'logic-rule',
] as const;
export const foundBySchema = z.enum(foundByKinds, { error: '请选择发现方式' });
export type FoundBy = z.infer<typeof foundBySchema>;
export const foundByLabels: Record<FoundBy, string> = {
  'department-comparison': '部门比对',
  'unannounced-visit': '暗访',
  'phone-check': '电话抽查',
  questionnaire: '问卷调查',
  'logic-rule': '逻辑校验',
};
/** What a person may choose in the form. */
export const manualFoundBy = foundByKinds.filter((k) => k !== 'logic-rule');

export const errorStatuses = ['open', 'closed'] as const;
export const errorStatusSchema = z.enum(errorStatuses);
export type ErrorStatus = z.infer<typeof errorStatusSchema>;
export const errorStatusLabels: Record<ErrorStatus, string> = { open: '待修正', closed: '已修正' };

export const subjectTypes = ['household', 'person'] as const;
export const subjectTypeLabels: Record<(typeof subjectTypes)[number], string> = {
  household: '农户',
  person: '家庭成员',
};

const householdIdSchema = z
  .string({ error: '请填写户编号' })
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^[A-Z0-9-]{1,40}$/, { error: '户编号只能包含字母、数字和连字符' }),
  );

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不超过 ${max} 个字` }),
    );

/** A client-made id per form fill: retries with it never store twice. */
const submissionIdSchema = z.uuid({ error: '提交编号无效，请刷新页面后重填' });
const expectedVersionSchema = z.number({ error: '缺少记录版本' }).check(z.int(), z.gte(1), z.lte(1_000_000));

/** An error found in the data of a household or one of its members (错误信息记录). */
export const dataErrorSchema = z.strictObject({
  infoKind: infoKindSchema,
  subjectType: z.enum(subjectTypes, { error: '请选择农户或家庭成员' }),
  householdId: householdIdSchema,
  /** The member concerned (name as the household register has it), when the error is a person's. */
  personName: z.optional(text('成员姓名', 1, 30)),
  field: text('错误字段', 1, 40),
  wrongValue: text('错误值', 1, 200),
  /** Known when found by comparison; may be filled only when the error is fixed. */
  rightValue: z.optional(text('正确值', 1, 200)),
  foundBy: foundBySchema,
  foundOn: isoDateSchema,
  note: z.optional(text('说明', 1, 500)),
  status: errorStatusSchema,
  /** Set when closed: the day the record was corrected in the national system / provincial platform. */
  fixedOn: z.optional(isoDateSchema),
  fixNote: z.optional(text('修正说明', 1, 500)),
  /** The logic rule that found it (rule findings only). */
  ruleId: z.optional(z.string().check(z.maxLength(20))),
});
export type DataError = z.infer<typeof dataErrorSchema>;

/** What the error form submits: no status (a new error is open), no rule, plus the submission id. */
export const dataErrorCreateSchema = z
  .extend(z.omit(dataErrorSchema, { status: true, fixedOn: true, fixNote: true, ruleId: true }), {
    foundBy: z.enum(manualFoundBy as [FoundBy, ...FoundBy[]], { error: '请选择发现方式' }),
    submissionId: submissionIdSchema,
  })
  .check(
    z.refine((e) => e.subjectType === 'household' || !!e.personName, {
      error: '请填写成员姓名',
      path: ['personName'],
    }),
  );
export type DataErrorCreate = z.infer<typeof dataErrorCreateSchema>;

/** Closing an error: the corrected value, when, and how it was fixed (the change shows in the history). */
export const dataErrorCloseSchema = z.strictObject({
  submissionId: submissionIdSchema,
  expectedVersion: expectedVersionSchema,
  rightValue: text('正确值', 1, 200),
  fixedOn: isoDateSchema,
  fixNote: text('修正说明', 2, 500),
});
export type DataErrorClose = z.infer<typeof dataErrorCloseSchema>;

/** Spot checks (抽查) of the data against the facts. */
export const spotCheckMethods = ['unannounced-visit', 'phone-check', 'questionnaire'] as const;
export const spotCheckMethodLabels: Record<(typeof spotCheckMethods)[number], string> = {
  'unannounced-visit': '暗访',
  'phone-check': '电话抽查',
  questionnaire: '问卷调查',
};
export const spotCheckResults = ['consistent', 'problems'] as const;
export const spotCheckResultLabels: Record<(typeof spotCheckResults)[number], string> = {
  consistent: '信息一致',
  problems: '发现问题',
};

export const spotCheckSchema = z.strictObject({
  method: z.enum(spotCheckMethods, { error: '请选择抽查方式' }),
  checkedOn: isoDateSchema,
  villageId: z
    .string({ error: '请选择村/社区' })
    .check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择村/社区' })),
  /** A household of the village, when one was checked. */
  householdId: z.optional(householdIdSchema),
  target: text('抽查对象', 1, 100),
  result: z.enum(spotCheckResults, { error: '请选择抽查结果' }),
  /** Number of problems found; 0 when consistent. */
  problemCount: z
    .number({ error: '请填写问题数' })
    .check(z.int({ error: '问题数应为整数' }), z.gte(0), z.lte(999)),
  problems: z.optional(text('问题描述', 1, 1000)),
  checkers: text('抽查人员', 1, 100),
});
export type SpotCheck = z.infer<typeof spotCheckSchema>;
export const spotCheckCreateSchema = z.extend(spotCheckSchema, { submissionId: submissionIdSchema }).check(
  z.refine((s) => (s.result === 'consistent' ? s.problemCount === 0 : s.problemCount > 0), {
    error: '“信息一致”时问题数应为 0，“发现问题”时问题数至少为 1',
    path: ['problemCount'],
  }),
  z.refine((s) => s.result === 'consistent' || !!s.problems, {
    error: '发现问题时请描述问题',
    path: ['problems'],
  }),
);

/** One information officer (信息员) of one unit, as the roster register keeps it. */
export const infoOfficerSchema = z.strictObject({
  unitId: z.string({ error: '请选择单位' }).check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择单位' })),
  name: text('姓名', 1, 30),
  phone: z
    .string({ error: '请填写电话' })
    .check(
      z.trim(),
      z.regex(/^(1[3-9]\d{9}|0\d{9,11})$/, { error: '电话应为 11 位手机号或带区号的固定电话' }),
    ),
  startedOn: isoDateSchema,
  active: z.boolean(),
  endedOn: z.optional(isoDateSchema),
});
export type InfoOfficer = z.infer<typeof infoOfficerSchema>;
export const infoOfficerCreateSchema = z.extend(z.omit(infoOfficerSchema, { active: true, endedOn: true }), {
  submissionId: submissionIdSchema,
});
/** Taking an officer off the roster: the entry stays, inactive, with the reason in its history. */
export const infoOfficerRemoveSchema = z.strictObject({
  submissionId: submissionIdSchema,
  expectedVersion: expectedVersionSchema,
  endedOn: isoDateSchema,
  reason: text('原因', 2, 200),
});

/** A joint data-quality meeting (数据质量联席会议). */
export const qualityMeetingSchema = z.strictObject({
  heldOn: isoDateSchema,
  title: text('会议名称', 2, 100),
  host: text('主持人', 1, 30),
  attendees: text('参会单位和人员', 2, 500),
  topics: text('议题', 2, 1000),
  decisions: text('议定事项', 2, 1000),
  /** Errors reviewed at the meeting, by record id. */
  errorIds: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/))).check(z.maxLength(200))),
});
export type QualityMeeting = z.infer<typeof qualityMeetingSchema>;
export const qualityMeetingCreateSchema = z.extend(qualityMeetingSchema, {
  submissionId: submissionIdSchema,
});
