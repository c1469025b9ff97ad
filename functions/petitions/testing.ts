/** Shared by the petition handler tests: requests through the local API Gateway and a store dump. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke, type ApiResponse } from '#local/api-gateway.ts';

export type Reply = ApiResponse;

export const call = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  token: string | undefined,
  body?: unknown,
) =>
  invoke(method, path, {
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

/** Every item in the table, to prove a refused request changed nothing. */
export async function dump(): Promise<string> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(
    items.sort((a, b) => `${String(a.pk)}${String(a.sk)}`.localeCompare(`${String(b.pk)}${String(b.sk)}`)),
  );
}

export const errorOf = (r: Reply) =>
  (r.json as { error: { code: string; issues?: { path: string; message: string }[] } }).error;
