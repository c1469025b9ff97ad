/**
 * The assistance ledger (帮扶台账): for a household whose income fell, is low, or
 * belongs to a key group, the cause, the measures (one plan per household:
 * 一户一策), the person responsible, and follow-ups with date and result.
 */
import { ValidationError } from '../shared/errors.ts';
import * as z from '../shared/zod.ts';

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
    .trim()
    .min(min, { error: `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}不超过 ${max} 字` });

export const followUpSchema = z.strictObject({
  date: z.iso.date({ error: '请填写跟进日期（YYYY-MM-DD）' }),
  result: text('跟进结果', 2, 500),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const assistancePlanSchema = z.strictObject({
  householdId: z.string({ error: '请选择农户' }).regex(/^[A-Z0-9-]{1,40}$/, { error: '请从列表中选择农户' }),
  trigger: z.enum(assistanceTriggers, { error: '请选择纳入台账的原因' }),
  cause: text('致贫返贫风险原因', 2, 500),
  measures: z
    .array(text('帮扶措施', 2, 200), { error: '请至少填写一条帮扶措施' })
    .min(1, { error: '请至少填写一条帮扶措施' })
    .max(20, { error: '帮扶措施不超过 20 条' }),
  responsibleName: text('责任人', 2, 30),
  responsiblePhone: z
    .string()
    .regex(/^1\d{10}$/, { error: '手机号应为 11 位数字' })
    .optional(),
  followUps: z.array(followUpSchema).max(200),
});
export type AssistancePlan = z.infer<typeof assistancePlanSchema>;

/** What the form submits to open a plan. */
export const assistanceCreateSchema = assistancePlanSchema.omit({ followUps: true }).extend({
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
});
export type AssistanceCreate = z.infer<typeof assistanceCreateSchema>;

/** What the form submits to change a plan or add a follow-up. */
export const assistanceUpdateSchema = assistancePlanSchema
  .pick({ cause: true, measures: true, responsibleName: true, responsiblePhone: true })
  .partial()
  .extend({
    submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
    expectedVersion: z.number().int().min(1).max(1_000_000),
    followUp: followUpSchema.optional(),
    reason: z.string().trim().max(300).optional(),
  });
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
