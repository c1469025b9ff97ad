/**
 * Only the site's CloudFront reaches the API: in AWS every function has the origin
 * secret CloudFront adds to each request, and refuses one without it, before it
 * reads a token or a body (issue 15: the execute-api endpoint stays public).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { envNames, originHeader } from '#domain/system/resources.ts';
import { assertViaSite, httpRoute, publicRoute } from './http.ts';

const secret = 'x'.repeat(24) + 'origin-secret-for-test';

function event(headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /api/archive/links/{token}',
    rawPath: '/api/archive/links/abc',
    rawQueryString: '',
    headers,
    pathParameters: { token: 'abc' },
    requestContext: { http: { method: 'GET', path: '/api/archive/links/abc' } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

let followed = 0;
const follow = publicRoute('followEmailLink', async () => {
  followed++;
  return { status: 302, body: null, redirect: 'https://archive.example/file' };
});
const me = httpRoute('me', undefined, async () => {
  throw new Error('never reached without the origin header');
});

const run = async (h: typeof follow, headers: Record<string, string>) =>
  (await h(event(headers), {} as Context)) as APIGatewayProxyStructuredResultV2;

afterEach(() => {
  delete process.env[envNames.originSecret];
  followed = 0;
});

describe('origin check', () => {
  it('refuses a request without the header, or with another value, before the handler runs', async () => {
    process.env[envNames.originSecret] = secret;
    const refused: Record<string, string>[] = [
      {},
      { [originHeader]: 'guess' },
      { [originHeader]: `${secret}x` },
    ];
    for (const headers of refused) {
      const res = await run(follow, headers);
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body!)).toMatchObject({
        error: { code: 'REQUEST.NOT_VIA_SITE', message: '请通过守望报表系统的网站访问' },
      });
    }
    expect(followed).toBe(0);
  });

  it('refuses before authentication on signed-in routes too (no token is even looked at)', async () => {
    process.env[envNames.originSecret] = secret;
    const res = await run(me as unknown as typeof follow, { authorization: 'Bearer not-a-token' });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body!).error.code).toBe('REQUEST.NOT_VIA_SITE');
  });

  it('lets a request through CloudFront (the header carries the secret) reach the handler', async () => {
    process.env[envNames.originSecret] = secret;
    const res = await run(follow, { [originHeader]: secret });
    expect(res.statusCode).toBe(302);
    expect(followed).toBe(1);
  });

  it('checks nothing where no secret is configured (the local stack: its web server is the only way in)', () => {
    expect(() => assertViaSite({})).not.toThrow();
    process.env[envNames.originSecret] = secret;
    expect(() => assertViaSite({})).toThrow(/请通过/);
  });
});
