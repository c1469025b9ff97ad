import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import { dynamo } from '../platform/clients.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

import { queryAll } from './dynamo.ts';

type Item = Record<string, unknown>;
const str = (i: Item, k: string) => (typeof i[k] === 'string' && i[k] !== '' ? { [k]: i[k] as string } : {});
const bool = (i: Item, k: string) => (typeof i[k] === 'boolean' ? { [k]: i[k] as boolean } : {});
const arr = <T>(i: Item, k: string) =>
  Array.isArray(i[k]) && (i[k] as unknown[]).length ? { [k]: i[k] as T[] } : {};

/** A household as stored, with the version a report read it in (items from before versioning are version 1). */
export type VersionedHousehold = Household & { version: number };

/**
 * The one mapper of a stored household: every field of the record (category
 * history and key-group flags included, which reports read) and nothing of the
 * keys. Reports and pages read households through it, so none sees fewer fields.
 */
export function toHousehold(i: Item): VersionedHousehold {
  return {
    id: String(i.id),
    villageId: String(i.villageId),
    townId: String(i.townId),
    headName: String(i.headName),
    category: i.category as Household['category'],
    memberCount: Number(i.memberCount),
    ...bool(i, 'synthetic'),
    ...str(i, 'countyCode'),
    ...(typeof i.monitoredType === 'string'
      ? { monitoredType: i.monitoredType as Household['monitoredType'] }
      : {}),
    ...arr<NonNullable<Household['flags']>[number]>(i, 'flags'),
    ...arr<NonNullable<Household['statusHistory']>[number]>(i, 'statusHistory'),
    version: typeof i.version === 'number' ? i.version : 1,
  } as VersionedHousehold;
}

/** The one mapper of a stored org unit (its settlement kind included: staffing rules read it). */
export function toOrgUnit(i: Item): OrgUnit {
  return {
    id: String(i.id),
    kind: i.kind as OrgUnit['kind'],
    name: String(i.name),
    ...str(i, 'parentId'),
    ...bool(i, 'keyVillage'),
    ...bool(i, 'synthetic'),
    ...str(i, 'countyCode'),
    ...(typeof i.settlement === 'string' ? { settlement: i.settlement as OrgUnit['settlement'] } : {}),
  } as OrgUnit;
}

export async function getHousehold(county: string, id: string): Promise<VersionedHousehold | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.household(county, id) }),
  );
  return out.Item ? toHousehold(out.Item) : undefined;
}

export async function listVillageHouseholds(
  county: string,
  villageId: string,
): Promise<VersionedHousehold[]> {
  const k = keys.villageHouseholds(county, villageId);
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': k.gsi1pk },
  });
  return items.map(toHousehold);
}

export async function listOrgUnits(county: string): Promise<OrgUnit[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.orgUnits(county).pk },
  });
  return items.map(toOrgUnit);
}
