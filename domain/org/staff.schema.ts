import * as z from '../shared/zod-mini.ts';
import { roleSchema } from '../auth/roles.ts';
import { countyCodeSchema, phoneSchema, recordIdSchema } from './org.schema.ts';

/**
 * What a person is in the county's organisation, which decides their visiting
 * duties (十条措施). It is not the same as their `role`, which decides what they
 * may do in the software: a first secretary signs in as an assistance cadre.
 */
export const staffPositions = [
  'county-leader',
  'department-head',
  'department-cadre',
  'town-head',
  'town-cadre',
  'village-cadre',
  'first-secretary',
  'work-team',
  'information-officer',
  'monitoring-centre',
  'coordination-office',
  'administrator',
  'auditor',
] as const;
export const staffPositionSchema = z.enum(staffPositions, { error: '请选择职务类别' });
export type StaffPosition = z.infer<typeof staffPositionSchema>;
export const staffPositionLabels: Record<StaffPosition, string> = {
  'county-leader': '县级领导',
  'department-head': '县直部门负责人',
  'department-cadre': '县直部门帮扶干部',
  'town-head': '镇党政主要领导',
  'town-cadre': '镇干部',
  'village-cadre': '村干部',
  'first-secretary': '驻村第一书记',
  'work-team': '驻村工作队员',
  'information-officer': '信息员',
  'monitoring-centre': '县信息监测中心工作人员',
  'coordination-office': '县衔接办工作人员',
  administrator: '系统管理员',
  auditor: '督查考核人员',
};

/** Sign-in name; the same rule as `staffAccountSchema` in `domain/auth/user-pool.ts` (the Cognito username). */
export const usernameSchema = z.string({ error: '请填写登录名' }).check(
  z.trim(),
  z.regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    error: '登录名须为 3–64 位小写字母、数字、点、下划线或连字符',
  }),
);

/** A member of staff who signs in, receives reports or carries visiting duties. */
export const staffSchema = z.object({
  id: recordIdSchema,
  countyCode: countyCodeSchema,
  name: z
    .string({ error: '请填写姓名' })
    .check(
      z.trim(),
      z.minLength(1, { error: '请填写姓名' }),
      z.maxLength(30, { error: '姓名不超过 30 个字' }),
    ),
  /** What they may do in the software (the Cognito group). */
  role: roleSchema,
  /** What they are in the organisation: decides their duties. */
  position: staffPositionSchema,
  /** Their unit: county, department, town or village id. */
  unitId: recordIdSchema,
  /** Their town, when the unit is a town or a village. */
  townId: z.optional(recordIdSchema),
  phone: z.optional(phoneSchema),
  email: z.email({ error: '邮箱地址格式不正确' }),
  username: usernameSchema,
  /** Inactive staff keep their history but sign in to nothing and carry no duties. */
  active: z.boolean(),
  synthetic: z.optional(z.boolean()),
});
export type Staff = z.infer<typeof staffSchema>;

/**
 * One information officer (信息员) of one unit: the roster that staffing compliance
 * is judged on. A person may serve more than one unit, each with its own entry.
 */
export const informationOfficerSchema = z.strictObject({
  countyCode: countyCodeSchema,
  unitId: recordIdSchema,
  staffId: recordIdSchema,
});
export type InformationOfficer = z.infer<typeof informationOfficerSchema>;

/** Kinds of report the pipeline sends (see domain.md, "The reports the pipeline produces"). */
export const reportKinds = [
  'monthly-income',
  'quarterly-income',
  'visit-coverage',
  'reminder-letter',
  'petition-summary',
  'data-quality',
] as const;
export const reportKindSchema = z.enum(reportKinds, { error: '请选择报告类别' });
export type ReportKind = z.infer<typeof reportKindSchema>;
export const reportKindLabels: Record<ReportKind, string> = {
  'monthly-income': '月度收入分析研判报告',
  'quarterly-income': '季度收入分析研判会议材料',
  'visit-coverage': '走访排查覆盖情况',
  'reminder-letter': '提醒函件',
  'petition-summary': '信访舆情汇总',
  'data-quality': '数据质量通报',
};

/**
 * Who receives a report kind for a scope: the county unit for county-wide reports,
 * a town or department for theirs.
 */
export const reportRecipientSchema = z.strictObject({
  countyCode: countyCodeSchema,
  reportKind: reportKindSchema,
  scopeUnitId: recordIdSchema,
  staffId: recordIdSchema,
});
export type ReportRecipient = z.infer<typeof reportRecipientSchema>;
