/**
 * Review meetings (研判会议) on petitions: village weekly meetings (周例会), town
 * reviews on every day with a 4 (逢四研事), department monthly and county
 * quarterly reviews, each with attendees, items reviewed, decisions and the
 * petitions it took up.
 */
import { isoDateSchema } from '../org/org.schema.ts';
import * as z from '../shared/zod-mini.ts';

export const meetingLevels = [
  'village-weekly',
  'town-review',
  'department-monthly',
  'county-quarterly',
] as const;
export type MeetingLevel = (typeof meetingLevels)[number];
export const meetingLevelLabels: Record<MeetingLevel, string> = {
  'village-weekly': '村级周例会',
  'town-review': '镇级逢四研事',
  'department-monthly': '部门月度研判',
  'county-quarterly': '县衔接办季度研判',
};

const unitId = (msg: string) => z.string({ error: msg }).check(z.regex(/^[A-Z0-9-]{1,32}$/, { error: msg }));
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不超过 ${max} 字` }),
    );

/** A meeting record as stored (the record's `data`). Which fields a level needs: `meeting.rules.ts`. */
export const meetingSchema = z.strictObject({
  level: z.enum(meetingLevels, { error: '请选择会议类别' }),
  date: isoDateSchema,
  villageId: z.optional(unitId('请选择村/社区')),
  townId: z.optional(unitId('请选择镇/街道')),
  departmentName: z.optional(text('部门名称', 2, 60)),
  attendees: z
    .array(text('参会人员', 2, 20), { error: '请填写参会人员' })
    .check(
      z.minLength(2, { error: '参会人员至少 2 人' }),
      z.maxLength(60, { error: '参会人员不超过 60 人' }),
    ),
  itemsReviewed: text('研判事项', 2, 2000),
  decisions: text('研判意见', 2, 2000),
  linkedPetitionIds: z
    .array(z.uuid({ error: '关联信访件编号无效' }))
    .check(z.maxLength(100, { error: '关联信访件不超过 100 件' })),
});
export type Meeting = z.infer<typeof meetingSchema>;

const submissionId = z.uuid({ error: '提交编号无效，请刷新页面后重填' });

export const meetingCreateSchema = z.extend(meetingSchema, { submissionId });
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

/** PUT /api/meetings/{id}: a corrected record, with the reason for the change. */
export const meetingUpdateSchema = z.extend(meetingSchema, {
  submissionId,
  expectedVersion: z.number({ error: '缺少版本号，请刷新页面' }).check(z.int(), z.gte(1), z.lte(1_000_000)),
  reason: text('修改原因', 2, 200),
});
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;
