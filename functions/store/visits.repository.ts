/**
 * What the visit routes and the coverage job read besides the register: the
 * directory as the duty rules need it (units, households, staff with their
 * positions, duty assignments), the signed-in person's staff record, and the
 * ledger views of the two registers. Fields are copied one by one so key
 * attributes never leave here.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { assignmentKinds, type DutyAssignment } from '#domain/duties/duty.schema.ts';
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import { staffPositionSchema, type Staff } from '#domain/org/staff.schema.ts';
import { roleSchema, type Principal } from '#domain/auth/roles.ts';
import type { VisitTarget, VisitTargetRef } from '#domain/visits/visit.schema.ts';
import { dynamo } from '../platform/clients.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';
import { getHousehold, listOrgUnits, listVillageHouseholds } from './org.repository.ts';
import { tableName } from './table.ts';
import { mapLimit } from '../platform/concurrency.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A staff item as the duty rules see it; undefined for items without a position (they carry no duties). */
function toStaff(i: Record<string, unknown>): Staff | undefined {
  const role = roleSchema.safeParse(i.role);
  const position = staffPositionSchema.safeParse(i.position);
  const id = str(i.id);
  if (!role.success || !position.success || !id) return undefined;
  const townId = str(i.townId);
  return {
    id,
    countyCode: String(i.countyCode ?? ''),
    name: String(i.name ?? id),
    role: role.data,
    position: position.data,
    unitId: String(i.unitId ?? ''),
    ...(townId ? { townId } : {}),
    email: String(i.email ?? ''),
    username: String(i.username ?? id),
    active: i.active !== false,
  };
}

export interface StaffEntry {
  id: string;
  name: string;
  username: string;
  /** Present when the item names a position: then the person can carry duties. */
  staff?: Staff;
}

export async function listStaffEntries(county: string): Promise<StaffEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.staffAll(county).pk },
  });
  return items.map((i) => {
    const staff = toStaff(i);
    const id = String(i.id);
    return {
      id,
      name: String(i.name ?? id),
      username: String(i.username ?? id),
      ...(staff ? { staff } : {}),
    };
  });
}

export async function getStaffEntry(county: string, staffId: string): Promise<StaffEntry | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.staff(county, staffId) }),
  );
  if (!out.Item) return undefined;
  const staff = toStaff(out.Item);
  return {
    id: staffId,
    name: String(out.Item.name ?? staffId),
    username: String(out.Item.username ?? staffId),
    ...(staff ? { staff } : {}),
  };
}

function toAssignment(county: string, i: Record<string, unknown>): DutyAssignment | undefined {
  const kind = assignmentKinds.find((k) => k === i.kind);
  const staffId = str(i.staffId);
  const targetId = str(i.targetId);
  if (!kind || !staffId || !targetId) return undefined;
  const from = str(i.from);
  const to = str(i.to);
  return { countyCode: county, kind, staffId, targetId, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Every duty assignment of the county (the coverage job). */
export async function listAssignments(county: string): Promise<DutyAssignment[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.dutyAssignments(county).pk },
  });
  return items.flatMap((i) => toAssignment(county, i) ?? []);
}

/** One person's assignments: one key-range query per assignment kind, never the whole county. */
export async function listAssignmentsOf(county: string, staffId: string): Promise<DutyAssignment[]> {
  const pk = keys.dutyAssignments(county).pk;
  const lists = await Promise.all(
    assignmentKinds.map((kind) =>
      queryAll({
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': pk, ':s': `${kind}#${staffId}#` },
      }),
    ),
  );
  return lists.flat().flatMap((i) => toAssignment(county, i) ?? []);
}

/** The item of a duty assignment, for imports and test data. */
export const assignmentItem = (a: DutyAssignment) => ({
  ...keys.dutyAssignment(a.countyCode, a.kind, a.staffId, a.targetId),
  ...a,
});

/** The households of some villages, eight villages at a time. */
export async function householdsOfVillages(
  county: string,
  villageIds: Iterable<string>,
): Promise<Household[]> {
  const lists = await mapLimit([...new Set(villageIds)], 8, (v) => listVillageHouseholds(county, v));
  return lists.flat();
}

export { getHousehold, listOrgUnits };

/**
 * The Cognito username of the verified caller. The principal carries the
 * account's `sub`, while the directory names staff by username; the token was
 * verified by the request middleware before any handler runs, so its payload can
 * be read here without verifying again.
 */
export function callerUsername(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const token = header?.split(/\s+/)[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return str(claims['cognito:username']);
  } catch {
    return undefined;
  }
}

/** The staff entry of the signed-in person: by username, else by a staff id equal to the username. */
export async function callerStaff(
  p: Principal,
  event: APIGatewayProxyEventV2,
): Promise<StaffEntry | undefined> {
  const username = callerUsername(event);
  if (!username) return undefined;
  const direct = await getStaffEntry(p.countyCode, username);
  if (direct) return direct;
  // Seeded staff have ids like S00012 and a separate username: look them up by name.
  const all = await listStaffEntries(p.countyCode);
  return all.find((s) => s.username === username);
}

/** A visit target with its name and place, from the directory; undefined when unknown. */
export async function resolveTarget(county: string, ref: VisitTargetRef): Promise<VisitTarget | undefined> {
  if (ref.kind === 'household') {
    const h = await getHousehold(county, ref.id);
    return h
      ? { kind: 'household', id: h.id, name: h.headName, townId: h.townId, villageId: h.villageId }
      : undefined;
  }
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.orgUnit(county, ref.id) }),
  );
  const u = out.Item as Partial<OrgUnit> | undefined;
  if (!u || u.kind !== ref.kind || !u.parentId) return undefined;
  return {
    kind: ref.kind,
    id: ref.id,
    name: String(u.name ?? ref.id),
    townId: u.parentId,
    ...(ref.kind === 'village' ? { villageId: ref.id } : {}),
  };
}
