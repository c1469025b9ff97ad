/**
 * Online public opinion (网络舆情): found, investigated at once, answered on the
 * official platform; callbacks to the people concerned as for petitions.
 */
import { isoDateSchema } from '../org/org.schema.ts';
import * as z from '../shared/zod-mini.ts';
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
export const opinionLinkSchema = z.pipe(
  z.string({ error: '请填写舆情链接' }).check(z.trim(), z.maxLength(500, { error: '链接不超过 500 个字符' })),
  z.url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: '请填写以 http:// 或 https:// 开头的有效网址',
  }),
);

const opt = (label: string, max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `${label}不超过 ${max} 字` })));

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
    .check(
      z.trim(),
      z.minLength(5, { error: '舆情摘要至少 5 个字' }),
      z.maxLength(1000, { error: '舆情摘要不超过 1000 字' }),
    ),
  /** Town and village concerned, when the item is about one. */
  townId: z.optional(z.string().check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择镇/街道' }))),
  villageId: z.optional(z.string().check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: '请选择村/社区' }))),
  investigation: opt('核查情况', 1000),
  officialReply: opt('官方回复', 1000),
  replyDate: z.optional(isoDateSchema),
  callbacks: z.array(callbackSchema),
});
export type Opinion = z.infer<typeof opinionSchema>;

const submissionId = z.uuid({ error: '提交编号无效，请刷新页面后重填' });

/** POST /api/opinions. */
export const opinionCreateSchema = z.extend(z.omit(opinionSchema, { callbacks: true }), { submissionId });
export type OpinionCreate = z.infer<typeof opinionCreateSchema>;

/** PUT /api/opinions/{id}: investigation and reply as they come, and callbacks. */
export const opinionUpdateSchema = z.extend(
  z.pick(opinionSchema, { investigation: true, officialReply: true, replyDate: true }),
  {
    submissionId,
    expectedVersion: z.number({ error: '缺少版本号，请刷新页面' }).check(z.int(), z.gte(1), z.lte(1_000_000)),
    addCallback: z.optional(callbackSchema),
  },
);
export type OpinionUpdate = z.infer<typeof opinionUpdateSchema>;

export const opinionStatusOf = (o: Pick<Opinion, 'officialReply'>): OpinionStatus =>
  o.officialReply ? 'replied' : 'investigating';
