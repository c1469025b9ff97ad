/** What meeting create and update share: where a meeting sits, and that its linked petitions exist. */
import type { Principal } from '#domain/auth/roles.ts';
import { assertMeeting, normaliseMeeting } from '#domain/petitions/meeting.rules.ts';
import type { Meeting } from '#domain/petitions/meeting.schema.ts';
import { NotFoundError, ValidationError } from '#domain/shared/errors.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { recordRepository } from '../store/records.repository.ts';
import { PETITION } from './views.ts';

/** The meeting with only its level's unit fields, and its place in the tree (village, town or county). */
export async function placeMeeting(m: Meeting, p: Principal, today: string) {
  const units = await listOrgUnits(p.countyCode);
  let villageTown: string | undefined;
  if (m.level === 'village-weekly' && m.villageId) {
    const v = units.find((u) => u.id === m.villageId && u.kind === 'village');
    if (!v) throw new NotFoundError('MEETING.UNIT_NOT_FOUND', '未找到该村/社区');
    villageTown = v.parentId;
  }
  if (m.level === 'town-review' && m.townId && !units.some((u) => u.id === m.townId && u.kind === 'town'))
    throw new NotFoundError('MEETING.UNIT_NOT_FOUND', '未找到该镇/街道');
  const data = normaliseMeeting(m, villageTown);
  assertMeeting(data, today);
  const location = {
    ...(data.villageId ? { villageId: data.villageId } : {}),
    ...(data.townId ? { townId: data.townId } : {}),
  };
  return { data, location };
}

/** Every linked petition must be a stored petition: a typo must not pass as a review. */
export async function assertPetitionsExist(p: Principal, ids: readonly string[]): Promise<void> {
  const found = await Promise.all(ids.map((id) => recordRepository.get(p.countyCode, PETITION, id)));
  const missing = ids.filter((_id, i) => !found[i]);
  if (missing.length > 0)
    throw new ValidationError(
      [
        {
          path: 'linkedPetitionIds',
          code: 'MEETING.PETITION_NOT_FOUND',
          message: `未找到关联的信访件：${missing.join('、')}`,
        },
      ],
      'MEETING.PETITION_NOT_FOUND',
      '关联的信访件不存在',
    );
}
