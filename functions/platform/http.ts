/**
 * The HTTP plumbing every API function shares, as middy middlewares: error mapping,
 * body parsing with a size limit, authentication and the route table's role check,
 * and schema validation. A handler receives parsed input and returns data.
 */
import { timingSafeEqual } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/v4/core';
import type { Principal } from '#domain/auth/roles.ts';
import { hasRole } from '#domain/auth/access.ts';
import { DomainError, ForbiddenError, ValidationError, type ErrorKind } from '#domain/shared/errors.ts';
import { parseOrThrow } from '#domain/shared/zod-issues.ts';
import { envNames, maxBodyBytes, originHeader } from '#domain/system/resources.ts';
import type { FileReply, RedirectReply, ResponseOf } from '#domain/system/api.ts';
import { routeById, type RouteId } from '#domain/system/routes.ts';
import { authenticate } from './auth.ts';
import { logger } from './clients.ts';
import { staffNameOf } from '../store/staff.repository.ts';

export interface HttpInput<B> {
  body: B;
  principal: Principal;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  event: APIGatewayProxyEventV2;
}

/** What a handler returns: a status and a JSON body. */
export interface HttpReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A file instead of JSON (e.g. an XLSX export): sent base64-encoded, as API Gateway expects. */
  file?: { content: Buffer; contentType: string; filename: string };
  /** A redirect instead of JSON: `status` (302) with this `location` and no body. */
  redirect?: string;
}

type ReplyFor<T> = [T] extends [FileReply]
  ? Pick<HttpReply, 'status' | 'headers'> & { body: null; file: NonNullable<HttpReply['file']> }
  : [T] extends [RedirectReply]
    ? Pick<HttpReply, 'status' | 'headers'> & { body: null; redirect: string }
    : Pick<HttpReply, 'status' | 'headers'> & { body: T };

/**
 * What the handler of route `Id` returns: the response its feature declares in
 * `domain/<feature>/*.api.ts` as the JSON body (the type the forms' `call`
 * returns), or the file or redirect it declares. A union of ids takes any of
 * their responses.
 */
export type ReplyOf<Id extends RouteId> = ReplyFor<ResponseOf<Id>>;

interface Internal extends Record<string, unknown> {
  principal?: Principal;
  body?: unknown;
}

/** Fills the person's name from the staff directory when the token carries only the username. */
async function withDirectoryName(p: Principal): Promise<Principal> {
  if (!p.username || p.name !== p.username) return p;
  const name = await staffNameOf(p.countyCode, p.username).catch(() => undefined);
  return name ? { ...p, name } : p;
}

/** The event as the handler sees it: the middlewares attach what they parsed. */
type ParsedEvent = APIGatewayProxyEventV2 & { parsed?: { principal: Principal; body: unknown } };

const statusOf: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  'too-large': 413,
};

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResultV2 {
  return { statusCode: status, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify(body) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A short Chinese page for a person who followed a link in a browser and hit an
 * error: the message, and the code to quote when asking for help.
 */
function errorPage(status: number, code: string, message: string): APIGatewayProxyResultV2 {
  const body =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>守望报表系统</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#1f2933}' +
    'small{color:#6b7280}</style></head><body><h1>无法下载</h1>' +
    `<p>${escapeHtml(message)}</p><p><small>错误代码：${escapeHtml(code)}</small></p></body></html>`;
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body,
  };
}

const wantsHtml = (event: APIGatewayProxyEventV2) =>
  /\btext\/html\b/i.test(event.headers?.accept ?? event.headers?.Accept ?? '');

/**
 * Maps domain errors to their status with code, message and field issues; never leaks
 * a 5xx's details. With `htmlPages`, a browser (one that accepts text/html) gets the
 * same message as a page: for routes people reach by clicking a link.
 */
export const errorMiddleware = (
  options: { htmlPages?: boolean } = {},
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const page = options.htmlPages && wantsHtml(request.event);
    const err = request.error;
    const route = `${request.event.requestContext?.http?.method} ${request.event.rawPath}`;
    if (err instanceof DomainError) {
      const status = statusOf[err.kind];
      if (err.kind === 'forbidden' || err.kind === 'unauthenticated') {
        const p = (request.internal as Internal).principal;
        logger.warn('access denied', {
          code: err.code,
          route,
          user: p?.userId,
          role: p?.role,
          unit: p?.unitId,
        });
      }
      request.response = page
        ? errorPage(status, err.code, err.message)
        : json(status, {
            error: { code: err.code, message: err.message, issues: err.issues, ...err.details },
          });
      return;
    }
    logger.error('unhandled error', { route, error: err as Error });
    const message = '系统繁忙，请稍后重试；数据未保存';
    request.response = page
      ? errorPage(500, 'INTERNAL', message)
      : json(500, { error: { code: 'INTERNAL', message } });
  },
});

function decodeBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.length > maxBodyBytes) {
    throw new DomainError('REQUEST.TOO_LARGE', `提交内容过大（上限 ${maxBodyBytes / 1024} KB）`, 'too-large');
  }
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw, { stream: false });
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([], 'REQUEST.INVALID_JSON', '提交内容不是有效的 JSON');
  }
}

/**
 * Refuses a request that did not come through the site's CloudFront: in AWS every
 * function has the origin secret CloudFront adds as `originHeader`, compared in
 * constant time. Without the variable (locally, where the embedded web server is
 * the only way in) nothing is checked.
 */
export function assertViaSite(headers: Record<string, string | undefined>): void {
  const secret = process.env[envNames.originSecret];
  if (!secret) return;
  const given = Buffer.from(headers[originHeader] ?? '', 'utf8');
  const want = Buffer.from(secret, 'utf8');
  if (given.length !== want.length || !timingSafeEqual(given, want))
    throw new ForbiddenError('REQUEST.NOT_VIA_SITE', '请通过守望报表系统的网站访问');
}

/** A middleware running `assertViaSite` before anything else reads the request. */
const originMiddleware = (): MiddlewareObj<APIGatewayProxyEventV2> => ({
  before: (request) => assertViaSite(request.event.headers ?? {}),
});

/** Parses the JSON body (size limit, strict UTF-8), authenticates, checks the route's roles, validates. */
const requestMiddleware = (routeId: RouteId, schema?: z.$ZodType): MiddlewareObj<APIGatewayProxyEventV2> => ({
  before: async (request) => {
    const route = routeById(routeId);
    const internal = request.internal as Internal;
    const verified = await authenticate(request.event.headers ?? {});
    const principal = await withDirectoryName(verified);
    internal.principal = principal;
    if (!hasRole(principal, route.roles))
      throw new ForbiddenError('AUTH.ROLE_DENIED', '您的角色无权进行此操作');
    let body: unknown;
    try {
      body = decodeBody(request.event);
    } catch (e) {
      if (e instanceof TypeError)
        throw new ValidationError([], 'REQUEST.INVALID_UTF8', '提交内容的文字编码无效（须为 UTF-8）');
      throw e;
    }
    internal.body = schema ? parseOrThrow(schema, body ?? {}) : body;
    (request.event as ParsedEvent).parsed = { principal, body: internal.body };
  },
});

/**
 * Wraps a route's handler: `fn` gets the validated body and the principal and
 * returns `{ status, body }`, the body of the type the route's feature declares
 * for it (`ReplyOf`). The route id ties it to the shared route table.
 */
export function httpRoute<Id extends RouteId, S extends z.$ZodType | undefined>(
  routeId: Id,
  schema: S,
  fn: (input: HttpInput<S extends z.$ZodType ? z.infer<S> : unknown>) => Promise<ReplyOf<Id>>,
) {
  return sharedHttpRoute(routeId, schema, fn);
}

/**
 * `httpRoute` for the handlers many routes share (`records-http.ts`): generic
 * over the register, they cannot be checked here, so their own signatures take
 * only routes whose declared response accepts what they return.
 */
export function sharedHttpRoute<S extends z.$ZodType | undefined>(
  routeId: RouteId,
  schema: S,
  fn: (input: HttpInput<S extends z.$ZodType ? z.infer<S> : unknown>) => Promise<HttpReply>,
) {
  return middy<ParsedEvent, APIGatewayProxyResultV2, Error, Context, Internal>()
    .use(errorMiddleware())
    .use(originMiddleware())
    .use(requestMiddleware(routeId, schema))
    .handler(async (event) => {
      const parsed = event.parsed;
      if (!parsed) throw new Error('request middleware did not run');
      const reply = await fn({
        body: parsed.body as S extends z.$ZodType ? z.infer<S> : unknown,
        principal: parsed.principal,
        query: event.queryStringParameters ?? {},
        params: event.pathParameters ?? {},
        event,
      });
      return toResult(reply);
    });
}

/** The API Gateway result of a handler's reply: a redirect, a file, or JSON. */
function toResult(reply: HttpReply): APIGatewayProxyResultV2 {
  if (reply.redirect) {
    return {
      statusCode: reply.status,
      headers: {
        location: reply.redirect,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        ...reply.headers,
      },
      body: '',
    };
  }
  if (reply.file) {
    return {
      statusCode: reply.status,
      isBase64Encoded: true,
      body: reply.file.content.toString('base64'),
      headers: {
        'content-type': reply.file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.file.filename)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...reply.headers,
      },
    };
  }
  return json(reply.status, reply.body, reply.headers);
}

/** What a public route's handler gets: no principal and no body, only the request. */
export type PublicInput = Omit<HttpInput<never>, 'body' | 'principal'>;

/**
 * Wraps the handler of a public route (no roles in the route table: API Gateway
 * lets it through without a token). It reads no token and no body, so whatever
 * it serves must be authorised by the request itself (the emailed link's token).
 * Errors reach a browser as a Chinese page, JSON clients get JSON.
 */
export function publicRoute<Id extends RouteId>(
  routeId: Id,
  fn: (input: PublicInput) => Promise<ReplyOf<Id>>,
) {
  const route = routeById(routeId);
  // Fails at import (cold start, and every test of the handler), never serves a route that needs sign-in.
  if (route.roles.length > 0) throw new Error(`route ${routeId} has roles: use httpRoute`);
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>()
    .use(errorMiddleware({ htmlPages: true }))
    .use(originMiddleware())
    .handler(async (event) =>
      toResult(
        await fn({
          query: event.queryStringParameters ?? {},
          params: event.pathParameters ?? {},
          event,
        }),
      ),
    );
}
