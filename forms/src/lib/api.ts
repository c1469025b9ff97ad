/**
 * The API client of the forms: JSON in, JSON out, the bearer token added, and the
 * server's error shape (`{ error: { code, message, issues } }`) kept intact.
 */
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

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await authFetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' } };
  }
  const payload = (await res.json().catch(() => ({}))) as { error?: ApiError } & T;
  if (res.ok) return { ok: true, status: res.status, data: payload };
  return {
    ok: false,
    status: res.status,
    error: payload.error ?? { code: `HTTP_${res.status}`, message: '服务器返回错误，请稍后重试' },
  };
}
