/**
 * Reads of the county directory for its pages, the import and the accounts: the
 * org tree, households with their members, staff and the officer roster. Mappers
 * copy each field explicitly, so key attributes never leave the adapter.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { roleSchema } from '#domain/auth/roles.ts';
import type { DutyAssignment } from '#domain/duties/duty.schema.ts';
import type { IncomeRecord } from '#domain/income/income.schema.ts';
import type { Household, OrgUnit, Person } from '#domain/org/org.schema.ts';
import type { InformationOfficer, Staff } from '#domain/org/staff.schema.ts';
import { dynamo } from '../platform/clients.ts';
import { toIncomeRecord } from './income.repository.ts';
import { keys } from './keys.ts';
import { batchGet, queryAll } from './dynamo.ts';
import { toHousehold as toFullHousehold, toOrgUnit } from './org.repository.ts';
import { tableName } from './table.ts';

type Item = Record<string, unknown>;
const str = (i: Item, k: string) => (typeof i[k] === 'string' && i[k] !== '' ? { [k]: i[k] as string } : {});
const bool = (i: Item, k: string) => (typeof i[k] === 'boolean' ? { [k]: i[k] as boolean } : {});
const arr = <T>(i: Item, k: string) =>
  Array.isArray(i[k]) && (i[k] as unknown[]).length ? { [k]: i[k] as T[] } : {};

/** Bookkeeping of a versioned directory item: who changed it last, and its version. */
export interface VersionInfo {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  updatedByName?: string;
  lastSubmissionId?: string;
  sourceForm?: string;
}

/** Items loaded before versioning was added count as version 1. */
export function versionOf(i: Item): VersionInfo {
  return {
    version: typeof i.version === 'number' ? i.version : 1,
    ...str(i, 'updatedAt'),
    ...str(i, 'updatedBy'),
    ...str(i, 'updatedByName'),
    ...str(i, 'lastSubmissionId'),
    ...str(i, 'sourceForm'),
  };
}

export { toOrgUnit, toHousehold as toFullHousehold } from './org.repository.ts';

export function toPerson(i: Item): Person {
  return {
    id: String(i.id),
    countyCode: String(i.countyCode),
    householdId: String(i.householdId),
    name: String(i.name),
    idNumber: String(i.idNumber),
    relation: i.relation as Person['relation'],
    ...arr<NonNullable<Person['flags']>[number]>(i, 'flags'),
    ...str(i, 'phone'),
    ...bool(i, 'synthetic'),
  } as Person;
}

/** Staff as stored; older items (the test fixture) may lack a position or a county. */
export function toStaff(i: Item): Staff {
  return {
    id: String(i.id),
    countyCode: String(i.countyCode ?? ''),
    name: String(i.name),
    role: roleSchema.parse(i.role),
    position: (typeof i.position === 'string' ? i.position : 'information-officer') as Staff['position'],
    unitId: String(i.unitId),
    ...str(i, 'townId'),
    ...str(i, 'phone'),
    email: String(i.email ?? ''),
    username: String(i.username ?? i.id),
    active: i.active !== false,
    ...bool(i, 'synthetic'),
  } as Staff;
}

const pkQuery = (pk: string) =>
  queryAll({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk } });
const gsiQuery = (index: 'gsi1' | 'gsi2', pk: string) =>
  queryAll({
    IndexName: index,
    KeyConditionExpression: `${index}pk = :p`,
    ExpressionAttributeValues: { ':p': pk },
  });

export async function listUnits(county: string): Promise<OrgUnit[]> {
  return (await pkQuery(keys.orgUnits(county).pk)).map(toOrgUnit);
}

export async function getHouseholdItem(county: string, id: string): Promise<Item | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.household(county, id), ConsistentRead: true }),
  );
  return out.Item;
}

export async function householdsOfVillage(county: string, villageId: string): Promise<Household[]> {
  return (await gsiQuery('gsi1', keys.villageHouseholds(county, villageId).gsi1pk)).map(toFullHousehold);
}

export async function householdsNamed(county: string, headName: string): Promise<Household[]> {
  return (await gsiQuery('gsi2', keys.householdsNamed(county, headName).gsi2pk)).map(toFullHousehold);
}

export async function membersOf(county: string, householdId: string): Promise<Person[]> {
  return (await gsiQuery('gsi1', keys.householdMembers(county, householdId).gsi1pk)).map(toPerson);
}

export async function incomeOf(county: string, householdId: string): Promise<IncomeRecord[]> {
  const items = await gsiQuery('gsi1', `${keys.incomeByHousehold(county, householdId, '2000-01').gsi1pk}`);
  return items.map(toIncomeRecord);
}

export async function getPersonItem(county: string, idNumber: string): Promise<Item | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.person(county, idNumber) }),
  );
  return out.Item;
}

/** Many items by key, 100 per call, several calls at once; unprocessed keys are retried. */
export { batchGet } from './dynamo.ts';

/** The households with these ids that exist, read in batches. */
export async function householdsByIds(county: string, ids: readonly string[]): Promise<Household[]> {
  return (await batchGet(ids.map((id) => keys.household(county, id)))).map(toFullHousehold);
}

/** The people with these ID numbers that exist, read in batches. */
export async function peopleByIdNumbers(county: string, idNumbers: readonly string[]): Promise<Person[]> {
  return (await batchGet(idNumbers.map((id) => keys.person(county, id)))).map(toPerson);
}

export async function listStaffFull(county: string): Promise<(Staff & VersionInfo)[]> {
  return (await pkQuery(keys.staffAll(county).pk)).flatMap((i) => {
    try {
      return [{ ...toStaff(i), ...versionOf(i) }];
    } catch {
      return [];
    }
  });
}

export async function getStaffItem(county: string, id: string): Promise<Item | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.staff(county, id), ConsistentRead: true }),
  );
  return out.Item;
}

export async function listOfficers(county: string): Promise<InformationOfficer[]> {
  return (await pkQuery(keys.informationOfficers(county).pk)).map((i) => ({
    countyCode: String(i.countyCode),
    unitId: String(i.unitId),
    staffId: String(i.staffId),
  }));
}

export async function listAssignments(county: string): Promise<DutyAssignment[]> {
  return (await pkQuery(keys.dutyAssignments(county).pk)).map(
    (i) =>
      ({
        countyCode: String(i.countyCode),
        kind: i.kind,
        staffId: String(i.staffId),
        targetId: String(i.targetId),
        ...str(i, 'from'),
        ...str(i, 'to'),
      }) as DutyAssignment,
  );
}
