import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { householdSchema, orgUnitSchema, type Household, type OrgUnit } from '#domain/org/org.schema.ts';
import { dynamo } from '../shared/clients.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/** Reads every page of a query. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Copies the household's own fields only, so key attributes never leak out. */
export function toHousehold(item: Record<string, unknown>): Household {
  return householdSchema.parse({
    id: item.id,
    villageId: item.villageId,
    townId: item.townId,
    headName: item.headName,
    category: item.category,
    memberCount: item.memberCount,
    synthetic: item.synthetic,
  });
}

export async function getHousehold(county: string, id: string): Promise<Household | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.household(county, id) }),
  );
  return out.Item ? toHousehold(out.Item) : undefined;
}

export async function listVillageHouseholds(county: string, villageId: string): Promise<Household[]> {
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
  return items.map((i) =>
    orgUnitSchema.parse({
      id: i.id,
      kind: i.kind,
      name: i.name,
      parentId: i.parentId,
      keyVillage: i.keyVillage,
      synthetic: i.synthetic,
    }),
  );
}
