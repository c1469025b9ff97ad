/**
 * The API client of the forms. `call(routeId, { params, query, body })` takes the
 * method and path from the route table (`domain/system/routes.ts`) and answers
 * with the response the route declares (`domain/<feature>/*.api.ts`, collected in
 * `RouteResponses`), the very type the server's handler must return: JSON in, JSON
 * out (a file route's answer as a Blob), the bearer token added, and the server's
 * error shape (`{ error: { code, message, issues } }`) kept intact.
 */
import type { FileReply, ResponseOf, RoutesAnswering } from '#domain/system/api.ts';
import { routeById, type RouteId, type routes } from '#domain/system/routes.ts';
import { authFetch } from './auth-client.ts';

export interface ApiIssue {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: string;
  message: string;
  issues?: ApiIssue[];
  currentVersion?: number;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

type RouteOf<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;
type ParamNames<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? K | ParamNames<Rest>
  : never;

/** The path parameters of route `Id`, by name (`{ period, id }` for `/api/income/{period}/{id}/history`). */
export type PathParams<Id extends RouteId> = { [K in ParamNames<RouteOf<Id>['path']>]: string };

/** Query parameters; `undefined` ones are left out, the rest sent as text. */
export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions<Id extends RouteId> {
  params?: PathParams<Id>;
  query?: Query;
  body?: unknown;
}

/** The routes that store something (POST or PUT): what the offline outbox may queue. */
export type WriteRouteId = Extract<(typeof routes)[number], { method: 'POST' | 'PUT' }>['id'];

/** The routes answering with a file (the XLSX exports). */
export type FileRouteId = RoutesAnswering<FileReply>;

/** The method and path of route `id` with its parameters filled in, as the route table says. */
export function requestOf<Id extends RouteId>(
  id: Id,
  params: Record<string, string> = {},
): { method: RouteOf<Id>['method']; path: string } {
  const route = routeById(id);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    // A parameter left out is a mistake in the page, not in what the person typed.
    if (value === undefined) throw new Error(`API.MISSING_PARAM: ${id} needs ${name}`);
    return encodeURIComponent(value);
  });
  return { method: route.method as RouteOf<Id>['method'], path };
}

function withQuery(path: string, query: Query | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Sends one request (the outbox replays stored ones through here). A JSON answer
 * is parsed; any other successful answer is a file, handed back as a Blob.
 */
export async function send(method: string, url: string, body?: unknown): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await authFetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' } };
  }
  const json = /\bjson\b/i.test(res.headers.get('content-type') ?? '');
  if (res.ok && !json) return { ok: true, status: res.status, data: await res.blob() };
  const payload = (await res.json().catch(() => ({}))) as { error?: ApiError };
  if (res.ok) return { ok: true, status: res.status, data: payload };
  return {
    ok: false,
    status: res.status,
    error: payload.error ?? { code: `HTTP_${res.status}`, message: '服务器返回错误，请稍后重试' },
  };
}

/** Calls route `id`; the answer has the type the route declares for it. */
export function call<Id extends RouteId>(
  id: Id,
  options: CallOptions<Id> = {},
): Promise<ApiResult<ResponseOf<Id>>> {
  const { method, path } = requestOf(id, options.params);
  return send(method, withQuery(path, options.query), options.body) as Promise<ApiResult<ResponseOf<Id>>>;
}

/** Saves a file the page holds (an export, a workbook from the API) under `filename`. */
export function saveFile(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a file route's answer as `filename`; the error to show, or null once saved. */
export async function download<Id extends FileRouteId>(
  id: Id,
  options: CallOptions<Id>,
  filename: string,
): Promise<string | null> {
  const res = await call(id, options);
  if (!res.ok) return '导出失败，请稍后重试';
  saveFile(res.data, filename);
  return null;
}
