/**
 * The assistance ledger (帮扶台账): for a household whose income fell, is low, or
 * belongs to a key group, the cause, the measures (one plan per household:
 * 一户一策), the person responsible, and follow-ups with date and result.
 */
import { ValidationError } from '../shared/errors.ts';
import * as z from '../shared/zod-mini.ts';

export const ASSISTANCE_KIND = 'assistance-plan';

/** One plan per household: its id is derived from the household, so a second plan cannot be opened. */
export const assistancePlanId = (householdId: string): string => `AP-${householdId}`;

export const assistanceTriggers = ['income-fall', 'low-income', 'key-group'] as const;
export const assistanceTriggerLabels: Record<(typeof assistanceTriggers)[number], string> = {
  'income-fall': '收入下降',
  'low-income': '收入低于或接近监测线',
  'key-group': '重点人群',
};

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不超过 ${max} 字` }),
    );

export const followUpSchema = z.strictObject({
  date: z.iso.date({ error: '请填写跟进日期（YYYY-MM-DD）' }),
  result: text('跟进结果', 2, 500),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const assistancePlanSchema = z.strictObject({
  householdId: z
    .string({ error: '请选择农户' })
    .check(z.regex(/^[A-Z0-9-]{1,40}$/, { error: '请从列表中选择农户' })),
  trigger: z.enum(assistanceTriggers, { error: '请选择纳入台账的原因' }),
  cause: text('致贫返贫风险原因', 2, 500),
  measures: z
    .array(text('帮扶措施', 2, 200), { error: '请至少填写一条帮扶措施' })
    .check(
      z.minLength(1, { error: '请至少填写一条帮扶措施' }),
      z.maxLength(20, { error: '帮扶措施不超过 20 条' }),
    ),
  responsibleName: text('责任人', 2, 30),
  responsiblePhone: z.optional(z.string().check(z.regex(/^1\d{10}$/, { error: '手机号应为 11 位数字' }))),
  followUps: z.array(followUpSchema).check(z.maxLength(200)),
});
export type AssistancePlan = z.infer<typeof assistancePlanSchema>;

/** What the form submits to open a plan. */
export const assistanceCreateSchema = z.extend(z.omit(assistancePlanSchema, { followUps: true }), {
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
});
export type AssistanceCreate = z.infer<typeof assistanceCreateSchema>;

/** What the form submits to change a plan or add a follow-up. */
export const assistanceUpdateSchema = z.extend(
  z.partial(
    z.pick(assistancePlanSchema, {
      cause: true,
      measures: true,
      responsibleName: true,
      responsiblePhone: true,
    }),
  ),
  {
    submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
    expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
    followUp: z.optional(followUpSchema),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  },
);
export type AssistanceUpdate = z.infer<typeof assistanceUpdateSchema>;

/** Applies an update to a plan; a follow-up cannot be dated in the future. */
export function applyAssistanceUpdate(
  current: AssistancePlan,
  u: AssistanceUpdate,
  today: string,
): AssistancePlan {
  if (u.followUp && u.followUp.date > today) {
    throw new ValidationError(
      [{ path: 'followUp.date', code: 'future', message: '跟进日期不能晚于今天' }],
      'ASSISTANCE.FOLLOW_UP_FUTURE',
    );
  }
  const changed = u.cause ?? u.measures ?? u.responsibleName ?? u.responsiblePhone ?? u.followUp;
  if (changed === undefined) {
    throw new ValidationError(
      [{ path: 'followUp', code: 'empty', message: '没有要保存的修改' }],
      'ASSISTANCE.NOTHING_CHANGED',
    );
  }
  return {
    ...current,
    ...(u.cause ? { cause: u.cause } : {}),
    ...(u.measures ? { measures: u.measures } : {}),
    ...(u.responsibleName ? { responsibleName: u.responsibleName } : {}),
    ...(u.responsiblePhone ? { responsiblePhone: u.responsiblePhone } : {}),
    followUps: u.followUp
      ? [...current.followUps, u.followUp].sort((a, b) => a.date.localeCompare(b.date))
      : current.followUps,
  };
}

/** The Chinese name of every field of an assistance plan and its follow-ups (typed: a new field needs one). */
export const assistanceFieldLabels: Record<keyof AssistancePlan | keyof FollowUp, string> = {
  householdId: '农户',
  trigger: '纳入原因',
  cause: '风险原因',
  measures: '帮扶措施',
  responsibleName: '责任人',
  responsiblePhone: '责任人电话',
  followUps: '跟进记录',
  date: '日期',
  result: '跟进结果',
};
