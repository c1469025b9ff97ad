import { roleSchema, type Role } from '#domain/auth/roles.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';

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
/** Per county: when the map was asked for, and the map (one load in flight at a time). */
const nameCache = new Map<string, { at: number; byUsername: Promise<Map<string, string>> }>();

function loadNames(county: string) {
  const entry = {
    at: Date.now(),
    byUsername: listStaff(county).then(
      (staff) => new Map(staff.flatMap((s) => [[s.username ?? s.id, s.name] as const])),
    ),
  };
  // A failed load is forgotten, so the next request tries again.
  entry.byUsername.catch(() => {
    if (nameCache.get(county) === entry) nameCache.delete(county);
  });
  nameCache.set(county, entry);
  return entry;
}

/**
 * The directory name of a signed-in person. Cognito's ID token carries `name`,
 * but cognito-local's does not; a container keeps the county's username → name
 * map for a few minutes, so this costs one query per county per container. Requests
 * arriving together while it loads share the one load.
 */
export async function staffNameOf(county: string, username: string): Promise<string | undefined> {
  let entry = nameCache.get(county) ?? loadNames(county);
  const age = Date.now() - entry.at;
  if (age > NAME_TTL_MS) entry = loadNames(county);
  let names = await entry.byUsername;
  // Someone not in the map (new since the load): reload, at most every 30 s; never once per request.
  if (!names.has(username) && Date.now() - entry.at > 30_000 && nameCache.get(county) === entry) {
    names = await loadNames(county).byUsername;
  }
  return names.get(username);
}
