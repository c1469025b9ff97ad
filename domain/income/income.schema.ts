import * as z from '../shared/zod-mini.ts';
import { periodSchema } from '../shared/period.ts';

const MAX_MONTHLY_COMPONENT = 1_000_000;

/** An amount in yuan for one month: not negative, at most two decimals. */
const yuan = (label: string) =>
  z.number({ error: `请填写${label}（元），没有请填 0` }).check(
    z.gte(0, { error: `${label}不能为负数` }),
    z.lte(MAX_MONTHLY_COMPONENT, { error: `${label}超过 100 万元，请核实` }),
    z.refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
      error: `${label}最多保留两位小数`,
    }),
  );

/** The five components the national monitoring system records (as monthly yuan). */
export const incomeComponentsSchema = z.strictObject({
  wage: yuan('工资性收入'),
  business: yuan('生产经营性收入'),
  property: yuan('财产性收入'),
  transfer: yuan('转移性收入'),
  businessCost: yuan('生产经营性支出'),
});
export type IncomeComponents = z.infer<typeof incomeComponentsSchema>;

export const incomeComponentLabels: Record<keyof IncomeComponents, string> = {
  wage: '工资性收入',
  business: '生产经营性收入',
  property: '财产性收入',
  transfer: '转移性收入',
  businessCost: '生产经营性支出',
};

export const fallCauseKinds = ['illness', 'lost-work', 'disaster', 'policy', 'other'] as const;
export const fallCauseLabels: Record<(typeof fallCauseKinds)[number], string> = {
  illness: '因病',
  'lost-work': '务工中断',
  disaster: '自然灾害',
  policy: '政策调整',
  other: '其他',
};

export const fallCauseSchema = z
  .strictObject({
    kind: z.enum(fallCauseKinds, { error: '请选择收入下降原因' }),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500, { error: '说明不超过 500 字' }))),
  })
  .check(
    z.refine((c) => c.kind !== 'other' || (c.note?.length ?? 0) >= 2, {
      error: '选择“其他”时请写明原因',
      path: ['note'],
    }),
  );
export type FallCause = z.infer<typeof fallCauseSchema>;

/** What the monthly income form submits (收入采集录入). The function validates with this very schema. */
export const incomeEntrySchema = z.strictObject({
  /** Made by the client once per form fill; a retry with the same id never stores twice. */
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
  period: periodSchema,
  householdId: z
    .string({ error: '请选择农户' })
    .check(z.regex(/^[A-Z0-9-]{1,40}$/, { error: '请从列表中选择农户' })),
  memberCount: z
    .number({ error: '请填写家庭人口数' })
    .check(
      z.int({ error: '家庭人口数应为整数' }),
      z.gte(1, { error: '家庭人口数至少为 1' }),
      z.lte(30, { error: '家庭人口数超过 30，请核实' }),
    ),
  components: incomeComponentsSchema,
  fallCause: z.optional(fallCauseSchema),
  /** The version the person edited; 0 for a first entry. A stale version is refused. */
  expectedVersion: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
});
export type IncomeEntry = z.infer<typeof incomeEntrySchema>;

export const incomeStatuses = ['entered', 'reviewed', 'flagged'] as const;
export type IncomeStatus = (typeof incomeStatuses)[number];
export const incomeStatusLabels: Record<IncomeStatus | 'missing', string> = {
  missing: '未录入',
  entered: '已录入',
  reviewed: '已审核',
  flagged: '疑似',
};

/** The town's last decision on a record (比对分析研判和信息修正). */
export const incomeReviewActions = ['accepted', 'corrected', 'flagged', 'explained'] as const;
export const incomeReviewActionLabels: Record<(typeof incomeReviewActions)[number], string> = {
  accepted: '审核通过',
  corrected: '更正',
  flagged: '标记疑似',
  explained: '情况说明',
};
export const incomeReviewStateSchema = z.object({
  action: z.enum(incomeReviewActions),
  at: z.string(),
  by: z.string(),
  byName: z.string(),
  reason: z.optional(z.string()),
});
export type IncomeReviewState = z.infer<typeof incomeReviewStateSchema>;

/** One round of the county's comparison (县级比对) that marked the record suspicious, and the town's answer. */
export const countyRoundSchema = z.object({
  round: z.number().check(z.int(), z.gte(1)),
  note: z.string(),
  at: z.string(),
  byName: z.string(),
  response: z.optional(
    z.object({
      action: z.enum(['corrected', 'explained']),
      note: z.string(),
      at: z.string(),
      byName: z.string(),
    }),
  ),
});
export type CountyRound = z.infer<typeof countyRoundSchema>;

/** An income record as stored: the entry plus derived figures and provenance. */
export const incomeRecordSchema = z.extend(
  z.omit(incomeEntrySchema, { submissionId: true, expectedVersion: true }),
  {
    countyCode: z.string(),
    villageId: z.string(),
    townId: z.string(),
    netIncome: z.number(),
    perCapitaNet: z.number(),
    status: z.enum(incomeStatuses),
    version: z.number().check(z.int(), z.gte(1)),
    lastSubmissionId: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    /** ISO time of first entry: timeliness is judged on it. */
    enteredAt: z.string(),
    sourceForm: z.string(),
    review: z.optional(incomeReviewStateSchema),
    countyRounds: z.optional(z.array(countyRoundSchema)),
  },
);
export type IncomeRecord = z.infer<typeof incomeRecordSchema>;

/** The county round still waiting for the town's answer, if any. */
export const openCountyRound = (r: Pick<IncomeRecord, 'countyRounds'>): CountyRound | undefined =>
  r.countyRounds?.find((x) => !x.response);

/** Worklist status: 未录入 / 已录入 / 已审核 / 疑似. */
export const incomeStatusOf = (
  r: Pick<IncomeRecord, 'status'> | null | undefined,
): IncomeStatus | 'missing' => (r ? r.status : 'missing');

const recordKey = z.pick(incomeEntrySchema, { submissionId: true, period: true, householdId: true });
const reviewReason = z
  .string({ error: '请填写原因' })
  .check(z.trim(), z.maxLength(500, { error: '原因不超过 500 字' }));

/**
 * What the town's review form submits: accept, correct values with a reason,
 * mark suspicious, or explain (answer a county round without changing values).
 */
export const incomeReviewSchema = z
  .extend(recordKey, {
    expectedVersion: z.number().check(z.int(), z.gte(1, { error: '请先刷新记录' }), z.lte(1_000_000)),
    action: z.enum(['accept', 'correct', 'flag', 'explain'], { error: '请选择审核结果' }),
    memberCount: z.optional(incomeEntrySchema.shape.memberCount),
    components: z.optional(incomeComponentsSchema),
    fallCause: z.optional(fallCauseSchema),
    reason: z.optional(reviewReason),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.action === 'correct' && !r.components && r.memberCount === undefined) {
        ctx.addIssue({ code: 'custom', path: ['components'], message: '更正时请填写更正后的数值' });
      }
      if (r.action !== 'accept' && (r.reason?.length ?? 0) < 4) {
        const what = { correct: '更正原因', flag: '疑似情况', explain: '情况说明', accept: '' }[r.action];
        ctx.addIssue({ code: 'custom', path: ['reason'], message: `请填写${what}（至少 4 个字）` });
      }
    }),
  );
export type IncomeReview = z.infer<typeof incomeReviewSchema>;

/** What the monitoring centre submits for a record it finds suspicious in a comparison round. */
export const incomeCountyFlagSchema = z.extend(recordKey, {
  expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
  round: z
    .number({ error: '请填写比对轮次' })
    .check(z.int({ error: '轮次应为整数' }), z.gte(1, { error: '轮次至少为 1' }), z.lte(99)),
  note: z
    .string({ error: '请填写疑似情况' })
    .check(z.trim(), z.minLength(4, { error: '疑似情况至少 4 个字' }), z.maxLength(500)),
});
export type IncomeCountyFlag = z.infer<typeof incomeCountyFlagSchema>;
