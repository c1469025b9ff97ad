import * as z from '../shared/zod-mini.ts';
import { countyCodeSchema, isoDateSchema, recordIdSchema } from '../org/org.schema.ts';

/**
 * Kinds of duty assignment: the pairings the county office records. Duties that
 * follow from a position alone (town heads over their own town) need no assignment.
 */
export const assignmentKinds = ['town-link', 'key-village', 'village-lead', 'resident', 'household'] as const;
export const assignmentKindSchema = z.enum(assignmentKinds, { error: '请选择责任类别' });
export type AssignmentKind = z.infer<typeof assignmentKindSchema>;
export const assignmentKindLabels: Record<AssignmentKind, string> = {
  'town-link': '联镇（县级领导、县直部门负责人）',
  'key-village': '联系省级重点帮扶村',
  'village-lead': '包村领导',
  resident: '驻村（第一书记、工作队）',
  household: '结对帮扶农户',
};

/** What kind of unit or record an assignment's target is, per assignment kind. */
export const assignmentTargetKind: Record<AssignmentKind, 'town' | 'village' | 'household'> = {
  'town-link': 'town',
  'key-village': 'village',
  'village-lead': 'village',
  resident: 'village',
  household: 'household',
};

/**
 * One pairing of a member of staff with a town, a village or a household. One
 * item per pair (not a list per person) so that imports and edits touch one pair
 * at a time and a re-import writes the same keys again.
 */
export const dutyAssignmentSchema = z.strictObject({
  countyCode: countyCodeSchema,
  kind: assignmentKindSchema,
  staffId: recordIdSchema,
  /** Town id, village id or household id, as `assignmentTargetKind` says. */
  targetId: recordIdSchema,
  /** First day of the pairing; absent means since before any period we look at. */
  from: z.optional(isoDateSchema),
  /** Last day of the pairing; absent means still in force. */
  to: z.optional(isoDateSchema),
});
export type DutyAssignment = z.infer<typeof dutyAssignmentSchema>;

/** The stable key of an assignment: the same pair always has the same key. */
export function assignmentKey(a: Pick<DutyAssignment, 'kind' | 'staffId' | 'targetId'>): string {
  return `${a.kind}:${a.staffId}:${a.targetId}`;
}
