/**
 * A local stand-in for API Gateway's HTTP API: turns a Node HTTP request into a
 * payload-2.0 event, finds the route in the shared route table, and calls the very
 * handler module Lambda would run (`functions/<handler>/handler.ts`).
 */
import { now } from '#functions/platform/clock.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { handlerEntry, routes, type RouteDef } from '#domain/system/routes.ts';
import { maxBodyBytes } from '#domain/system/resources.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const handlerCache = new Map<string, Promise<Handler>>();

/** Imports a route's handler module once, as a Lambda container would. */
export function loadHandler(route: Pick<RouteDef, 'handler'>): Promise<Handler> {
  let h = handlerCache.get(route.handler);
  if (!h) {
    h = import(`../${handlerEntry(route.handler)}`).then((m: { handler: Handler }) => m.handler);
    handlerCache.set(route.handler, h);
  }
  return h;
}

const compiled = routes.map((r) => {
  const names: string[] = [];
  const pattern = r.path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route: r as RouteDef, re: new RegExp(`^${pattern}/?$`), names };
});

export function matchRoute(method: string, pathname: string) {
  let pathMatched = false;
  for (const c of compiled) {
    const m = c.re.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      // A malformed escape (`%E0%A4%A`): API Gateway refuses such a path before any function runs.
      return 'bad-path';
    }
    return { route: c.route, params };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Builds the payload-2.0 event API Gateway would send for a request. */
export function toApiEvent(r: {
  route: RouteDef;
  params: Record<string, string>;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  sourceIp?: string;
}): APIGatewayProxyEventV2 {
  const query: Record<string, string> = {};
  for (const [k, v] of r.url.searchParams) query[k] = query[k] ? `${query[k]},${v}` : v;
  const routeKey = `${r.route.method} ${r.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: r.url.pathname,
    rawQueryString: r.url.search.slice(1),
    headers: r.headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(r.params).length ? { pathParameters: r.params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: r.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: r.method,
        path: r.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: r.sourceIp ?? '127.0.0.1',
        userAgent: r.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now().toUTCString(),
      timeEpoch: now().getTime(),
    },
    // Base64 keeps the exact bytes: invalid UTF-8 must reach the function to be refused there.
    ...(r.body.length
      ? { body: r.body.toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

const reply = (status: number, code: string, message: string): ApiResponse => {
  const body = { error: { code, message } };
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(body)),
    json: body,
  };
};

/**
 * Routes one request through the stand-in API Gateway to the route's handler, in
 * process. The HTTP server and the handler tests both use it.
 */
export async function invoke(
  method: string,
  pathAndQuery: string,
  opts: { headers?: Record<string, string>; body?: Buffer | string; sourceIp?: string } = {},
): Promise<ApiResponse> {
  const url = new URL(pathAndQuery, 'http://local');
  const match = matchRoute(method.toUpperCase(), url.pathname);
  if (!match) return reply(404, 'ROUTE.NOT_FOUND', '接口不存在');
  if (match === 'method-not-allowed') return reply(405, 'ROUTE.METHOD_NOT_ALLOWED', '不支持该请求方式');
  if (match === 'bad-path') return reply(400, 'REQUEST.BAD_PATH', '请求地址无效');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  const body =
    typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : (opts.body ?? Buffer.alloc(0));
  const event = toApiEvent({
    route: match.route,
    params: match.params,
    url,
    method: method.toUpperCase(),
    headers,
    body,
    ...(opts.sourceIp ? { sourceIp: opts.sourceIp } : {}),
  });
  const handler = await loadHandler(match.route);
  const result = await handler(event, lambdaContext(match.route.handler));
  const out = (typeof result === 'string' ? { statusCode: 200, body: result } : result) as Exclude<
    APIGatewayProxyResultV2,
    string
  >;
  const outHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(out.headers ?? {})) outHeaders[k] = String(v);
  const payload = out.isBase64Encoded
    ? Buffer.from(out.body ?? '', 'base64')
    : Buffer.from(out.body ?? '', 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status: out.statusCode ?? 200, headers: outHeaders, body: payload, json };
}

/** Serves one `/api/*` request over HTTP. */
export async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // API Gateway itself refuses bodies over its limit; the functions enforce a lower one.
  const body = await readBody(req, Math.max(maxBodyBytes * 4, 1024 * 1024));
  const r =
    body === 'too-large'
      ? reply(413, 'REQUEST.TOO_LARGE', '提交内容过大')
      : await invoke(req.method ?? 'GET', req.url ?? '/', {
          headers: Object.fromEntries(
            Object.entries(req.headers).flatMap(([k, v]) =>
              v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : v]],
            ),
          ),
          body,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        });
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}
