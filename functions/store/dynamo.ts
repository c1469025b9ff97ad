/**
 * The shared DynamoDB helpers of the store: paging, batches, conditional writes.
 * Every other store module builds on these; nothing outside `functions/store/`
 * talks to DynamoDB (dependency-cruiser checks it).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients.ts';
import { tableName } from './table.ts';

export type Item = Record<string, unknown>;

/** Whether a write failed on its condition (the item was there, or at another version). */
export const isConditionFailure = (e: unknown): boolean =>
  e instanceof ConditionalCheckFailedException ||
  (e as { name?: string }).name === 'ConditionalCheckFailedException';

/** Puts an item unless one with its key exists; an existing one is left as it is. Idempotent. */
export async function putIfAbsent(item: Item): Promise<void> {
  try {
    await dynamo().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

/** Every item a query matches, read page by page with lib-dynamodb's paginator. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateQuery({ client: dynamo() }, { ...input, TableName: tableName() }))
    items.push(...(page.Items ?? []));
  return items;
}

const pause = (attempt: number) => new Promise((r) => setTimeout(r, 50 * 2 ** attempt));

/** Writes items 25 at a time, retrying unprocessed ones with backoff. Puts are idempotent. */
export async function batchPut(items: readonly Item[], concurrency = 4): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error(`batchPut: ${pending.length} items unprocessed after retries`);
        if (attempt) await pause(attempt);
        const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (out.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Reads items by key, 100 at a time, retrying unprocessed keys with backoff. Missing keys are skipped. */
export async function batchGet(
  keyList: readonly { pk: string; sk: string }[],
  concurrency = 8,
): Promise<Item[]> {
  const chunks: { pk: string; sk: string }[][] = [];
  for (let i = 0; i < keyList.length; i += 100) chunks.push(keyList.slice(i, i + 100));
  const found: Item[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending: Item[] = chunks[next++] ?? [];
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8) throw new Error(`batchGet: ${pending.length} keys unprocessed after retries`);
        if (attempt) await pause(attempt);
        const out = await dynamo().send(
          new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }),
        );
        found.push(...(out.Responses?.[tableName()] ?? []));
        pending = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return found;
}
