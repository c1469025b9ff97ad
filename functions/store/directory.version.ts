/**
 * The directory's change counter. Every write to households or people bumps it
 * first (a bump without its write only costs the next rule sweep a full read), so
 * the nightly logic-rule sweep can tell whether the people it checked last time
 * may have changed, and skip reading them one household at a time when not.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

export async function bumpDirectoryVersion(county: string, at: Date): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.directoryVersion(county),
      UpdateExpression: 'ADD version :one SET updatedAt = :at',
      ExpressionAttributeValues: { ':one': 1, ':at': at.toISOString() },
    }),
  );
}

/** The current counter; 0 before the first write through the import or an edit (e.g. a fresh seed). */
export async function directoryVersion(county: string): Promise<number> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.directoryVersion(county), ConsistentRead: true }),
  );
  return typeof out.Item?.version === 'number' ? out.Item.version : 0;
}

export interface RuleSweepState {
  /** The directory version read before the people were read. */
  directoryVersion: number;
  at: string;
}

export async function getRuleSweepState(county: string): Promise<RuleSweepState | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.ruleSweepState(county), ConsistentRead: true }),
  );
  return out.Item
    ? { directoryVersion: Number(out.Item.directoryVersion), at: String(out.Item.at) }
    : undefined;
}

export async function putRuleSweepState(county: string, state: RuleSweepState): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.ruleSweepState(county), ...state } }),
  );
}
