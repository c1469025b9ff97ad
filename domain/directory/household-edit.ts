/**
 * Editing one household from its directory page: the fields staff may change,
 * with a reason that goes into the household's history. The village stays: moving
 * a household is a transfer between villages, not an edit.
 */
import { householdConsistencyIssues, householdSchema, type Household } from '../org/org.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import * as z from '../shared/zod-mini.ts';
import { mergeHousehold } from './import.ts';

export const householdEditSchema = z.strictObject({
  ...z.pick(householdSchema, {
    headName: true,
    category: true,
    monitoredType: true,
    memberCount: true,
    flags: true,
  }).shape,
  submissionId: z.uuid({ error: '提交编号无效' }),
  expectedVersion: z.number().check(z.int(), z.gte(1)),
  reason: z
    .string({ error: '请填写修改原因' })
    .check(
      z.trim(),
      z.minLength(2, { error: '修改原因至少 2 个字' }),
      z.maxLength(200, { error: '修改原因不超过 200 字' }),
    ),
});
export type HouseholdEdit = z.infer<typeof householdEditSchema>;

/**
 * The household after the edit. A change of category is added to the status
 * history with the reason; the cross-field rules (a monitored household has its
 * sub-type) are checked and reported per field.
 */
export function applyHouseholdEdit(current: Household, edit: HouseholdEdit, date: string): Household {
  const incoming: Household = {
    ...current,
    headName: edit.headName.trim(),
    category: edit.category,
    memberCount: edit.memberCount,
  };
  if (edit.monitoredType) incoming.monitoredType = edit.monitoredType;
  else delete incoming.monitoredType;
  if (edit.flags?.length) incoming.flags = [...new Set(edit.flags)];
  else delete incoming.flags;
  const next = mergeHousehold(current, incoming, date, edit.reason.trim());
  const issues = householdConsistencyIssues(next);
  if (issues.length)
    throw new ValidationError(issues.map((i) => ({ path: i.path, code: 'custom', message: i.message })));
  return next;
}
