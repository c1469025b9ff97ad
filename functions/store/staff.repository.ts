import { roleSchema, type Role } from '#domain/auth/roles.ts';
import { keys } from './keys.ts';
import { queryAll } from './org.repository.ts';

/** What delivery needs to know of a staff member. */
export interface StaffContact {
  id: string;
  name: string;
  role: Role;
  unitId: string;
  email: string;
  active: boolean;
  /** Sign-in name, when the person has an account. */
  username?: string;
}

export async function listStaff(county: string): Promise<StaffContact[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.staffAll(county).pk },
  });
  return items.map((i) => ({
    id: String(i.id),
    name: String(i.name),
    role: roleSchema.parse(i.role),
    unitId: String(i.unitId),
    email: String(i.email),
    active: i.active !== false,
    ...(typeof i.username === 'string' ? { username: i.username } : {}),
  }));
}

const NAME_TTL_MS = 5 * 60_000;
const nameCache = new Map<string, { at: number; byUsername: Map<string, string> }>();

/**
 * The directory name of a signed-in person. Cognito's ID token carries `name`,
 * but cognito-local's does not; a container keeps the county's username → name
 * map for a few minutes, so this costs one query per county per container.
 */
export async function staffNameOf(county: string, username: string): Promise<string | undefined> {
  let entry = nameCache.get(county);
  const age = entry ? Date.now() - entry.at : Infinity;
  // Reload when stale, or (at most every 30 s) when someone new signs in; never once per request.
  if (!entry || age > NAME_TTL_MS || (!entry.byUsername.has(username) && age > 30_000)) {
    const staff = await listStaff(county);
    entry = {
      at: Date.now(),
      byUsername: new Map(staff.flatMap((s) => [[s.username ?? s.id, s.name] as const])),
    };
    nameCache.set(county, entry);
  }
  return entry.byUsername.get(username);
}
