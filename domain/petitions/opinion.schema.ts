/**
 * Online public opinion (网络舆情): found, investigated at once, answered on the
 * official platform; callbacks to the people concerned as for petitions.
 */
import { isoDateSchema } from '../org/org.schema.ts';
import * as z from '../shared/zod.ts';
import { callbackSchema } from './petition.schema.ts';

export const opinionPlatforms = [
  'weibo',
  'wechat',
  'douyin',
  'kuaishou',
  'toutiao',
  'message-board',
  'other',
] as const;
export type OpinionPlatform = (typeof opinionPlatforms)[number];
export const opinionPlatformLabels: Record<OpinionPlatform, string> = {
  weibo: '微博',
  wechat: '微信',
  douyin: '抖音',
  kuaishou: '快手',
  toutiao: '今日头条',
  'message-board': '领导留言板',
  other: '其他',
};

/** A web link staff copy from a browser: http or https only, never `javascript:` or a file. */
export const opinionLinkSchema = z
  .string({ error: '请填写舆情链接' })
  .trim()
  .max(500, { error: '链接不超过 500 个字符' })
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: '请填写以 http:// 或 https:// 开头的有效网址',
    }),
  );

const opt = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不超过 ${max} 字` })
    .optional();

export const opinionStatuses = ['investigating', 'replied'] as const;
export type OpinionStatus = (typeof opinionStatuses)[number];
export const opinionStatusLabels: Record<OpinionStatus, string> = {
  investigating: '核查中',
  replied: '已回复',
};

/** A public-opinion item as stored (the record's `data`). */
export const opinionSchema = z.strictObject({
  discoveredDate: isoDateSchema,
  platform: z.enum(opinionPlatforms, { error: '请选择平台' }),
  link: opinionLinkSchema,
  summary: z
    .string({ error: '请填写舆情摘要' })
    .trim()
    .min(5, { error: '舆情摘要至少 5 个字' })
    .max(1000, { error: '舆情摘要不超过 1000 字' }),
  /** Town and village concerned, when the item is about one. */
  townId: z
    .string()
    .regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择镇/街道' })
    .optional(),
  villageId: z
    .string()
    .regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择村/社区' })
    .optional(),
  investigation: opt('核查情况', 1000),
  officialReply: opt('官方回复', 1000),
  replyDate: isoDateSchema.optional(),
  callbacks: z.array(callbackSchema),
});
export type Opinion = z.infer<typeof opinionSchema>;

const submissionId = z.uuid({ error: '提交编号无效，请刷新页面后重填' });

/** POST /api/opinions. */
export const opinionCreateSchema = opinionSchema.omit({ callbacks: true }).extend({ submissionId });
export type OpinionCreate = z.infer<typeof opinionCreateSchema>;

/** PUT /api/opinions/{id}: investigation and reply as they come, and callbacks. */
export const opinionUpdateSchema = opinionSchema
  .pick({ investigation: true, officialReply: true, replyDate: true })
  .extend({
    submissionId,
    expectedVersion: z.number({ error: '缺少版本号，请刷新页面' }).int().min(1).max(1_000_000),
    addCallback: callbackSchema.optional(),
  });
export type OpinionUpdate = z.infer<typeof opinionUpdateSchema>;

export const opinionStatusOf = (o: Pick<Opinion, 'officialReply'>): OpinionStatus =>
  o.officialReply ? 'replied' : 'investigating';
