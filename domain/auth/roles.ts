import * as z from '../shared/zod-mini.ts';

/** Roles are Cognito groups; the group name is the role id. */
export const roles = [
  'county-admin',
  'monitoring-centre',
  'coordination-office',
  'department-staff',
  'town-staff',
  'village-officer',
  'assistance-cadre',
  'leader',
  'auditor',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  'county-admin': '县级管理员',
  'monitoring-centre': '县信息监测中心',
  'coordination-office': '县衔接办',
  'department-staff': '县直单位',
  'town-staff': '镇/街道工作人员',
  'village-officer': '村/社区信息员',
  'assistance-cadre': '帮扶干部/驻村工作队',
  leader: '领导',
  auditor: '督查考核',
};

/**
 * How far a route reaches: the record's own village, its town, the whole county,
 * or only records the caller made. Checked against the record as stored.
 */
export type Scope = 'village' | 'town' | 'county' | 'own' | 'none';

/** Who is calling: from the verified token, never from the request body. */
export interface Principal {
  userId: string;
  /** The sign-in name, which the staff directory uses as the staff id. */
  username?: string;
  name: string;
  countyCode: string;
  role: Role;
  /** The caller's org unit (village, town, department or county id). */
  unitId: string;
  /** The caller's town, when the unit is a village or town. */
  townId?: string;
}
