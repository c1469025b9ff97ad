/**
 * Who may record a visit to what. A visit is authorised by duty first: every duty
 * holder of the ten measures (帮扶干部, 驻村工作队, 挂点领导, 部门负责人 …) may record
 * their visits to their own duty targets wherever those sit, since the duties, not
 * the unit, say whom they visit. Staff whose post reaches villages (村信息员, 乡镇干部)
 * may also record visits to what their post reaches; department staff only to their
 * duty targets. County leaders enter nothing themselves (they only read): the county
 * coordination office (and the county administrator) enters a duty holder's visit
 * for them, credited to that person and only to that person's duty targets, with
 * who entered it kept.
 */
import type { Principal, Role } from '../auth/roles.ts';
import type { PersonDuties } from '../duties/duty-rules.ts';
import { ForbiddenError } from '../shared/errors.ts';
import type { VisitTargetRef } from './visit.schema.ts';

/** Roles that may enter a visit on a duty holder's behalf (县协调办代录). */
export const onBehalfRoles: readonly Role[] = ['coordination-office', 'county-admin'];

/** Roles whose visits count only to their duty targets (their post reaches no village of its own). */
export const dutyOnlyRoles: readonly Role[] = ['department-staff'];

const keyOf = (t: VisitTargetRef) => `${t.kind}:${t.id}`;

/** Whether `target` is one of `duties`' targets, under any rule. */
export function isDutyTarget(duties: PersonDuties | undefined, target: VisitTargetRef): boolean {
  const key = keyOf(target);
  return duties?.targets.some((d) => keyOf(d) === key) ?? false;
}

/** How a visit is authorised: as a duty, or by the post's reach. */
export type VisitAuthority = 'duty' | 'reach';

/**
 * Decides whether `who` may record the visit; throws the 403 to show otherwise.
 * `visitorName` is set when the visit is entered for someone else.
 */
export function authoriseVisit(input: {
  who: Principal;
  /** The visitor's name when entered on their behalf; undefined for one's own visit. */
  onBehalfOf?: string;
  dutyTarget: boolean;
  /** Whether the caller's post reaches the target (`canReach` at village scope). */
  reachable: boolean;
  targetName: string;
}): VisitAuthority {
  const { who, onBehalfOf, dutyTarget, reachable, targetName } = input;
  if (onBehalfOf !== undefined) {
    if (!onBehalfRoles.includes(who.role))
      throw new ForbiddenError('VISIT.ON_BEHALF_DENIED', '只有县协调办可以代他人录入走访');
    if (!dutyTarget)
      throw new ForbiddenError(
        'VISIT.NOT_DUTY_TARGET',
        `“${targetName}”不在${onBehalfOf}的走访责任范围内，不能代为录入`,
      );
    return 'duty';
  }
  if (dutyTarget) return 'duty';
  if (dutyOnlyRoles.includes(who.role))
    throw new ForbiddenError('VISIT.NOT_DUTY_TARGET', `“${targetName}”不在您的走访责任范围内`);
  if (!reachable) throw new ForbiddenError('AUTH.OUT_OF_SCOPE', '您无权访问其他单位的数据');
  return 'reach';
}
