/**
 * Token verification against a real cognito-local: genuine tokens pass, and every
 * way of forging or misusing one is refused with a 401 code.
 */
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UnauthenticatedError } from '#domain/shared/errors.ts';
import { ensureUsers, freePort, startCognito, type CognitoLocal } from '#local/cognito.ts';
import { authenticate, principalFromClaims, resetVerifier } from './auth.ts';
import { sharedHttpRoute } from './http.ts';

const county = '610999';
const password = 'Shouwang-2026!';
let cognito: CognitoLocal;
let dataDir: string;
let officer: AuthenticationResultType;

const b64u = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

function signRs256(header: object, payload: object, key: KeyObject): string {
  const input = `${b64u(header)}.${b64u(payload)}`;
  const sig = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${sig}`;
}

async function signIn(username: string, clientId = cognito.clientId): Promise<AuthenticationResultType> {
  const res = await cognito.client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  if (!res.AuthenticationResult) throw new Error(`no tokens for ${username}`);
  return res.AuthenticationResult;
}

const bearer = (token: string | undefined) => ({ authorization: `Bearer ${token ?? ''}` });

async function rejection(headers: Record<string, string | undefined>): Promise<string> {
  const err = await authenticate(headers).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnauthenticatedError);
  return (err as UnauthenticatedError).code;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shouwang-auth-'));
  cognito = await startCognito({ dataDir, port: await freePort(), countyCode: county });
  Object.assign(process.env, cognito.env);
  resetVerifier();
  await ensureUsers(cognito, [
    {
      username: 'cun-li',
      name: '李村信息员',
      email: 'cun-li@example.test',
      role: 'village-officer',
      unitId: 'V-001',
      townId: 'T-01',
      countyCode: county,
      password,
    },
    {
      username: 'shen-ji',
      name: '纪督查',
      email: 'shen-ji@example.test',
      role: 'auditor',
      unitId: county,
      countyCode: county,
      password,
    },
  ]);
  officer = await signIn('cun-li');
});

afterAll(async () => {
  await cognito?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('authenticate against cognito-local', () => {
  it('accepts a genuine ID token and reads role, unit, town and county from it', async () => {
    const claims = decode(officer.IdToken?.split('.')[1]);
    expect(claims).toMatchObject({
      token_use: 'id',
      aud: cognito.clientId,
      iss: cognito.issuer,
      'cognito:groups': ['village-officer'],
      'custom:unit': 'V-001',
      'custom:town': 'T-01',
      'custom:county': county,
    });
    const p = await authenticate(bearer(officer.IdToken));
    expect(p).toMatchObject({
      role: 'village-officer',
      unitId: 'V-001',
      townId: 'T-01',
      countyCode: county,
      name: 'cun-li',
    });
    expect(p.userId).toBe(claims.sub);
  });

  it('accepts the header in any case of "Bearer" and of the header name', async () => {
    await expect(authenticate({ Authorization: `bearer ${officer.IdToken}` })).resolves.toMatchObject({
      unitId: 'V-001',
    });
  });

  it('refuses a missing or malformed header with AUTH.TOKEN_MISSING', async () => {
    expect(await rejection({})).toBe('AUTH.TOKEN_MISSING');
    expect(await rejection({ authorization: 'Bearer ' })).toBe('AUTH.TOKEN_MISSING');
    expect(await rejection({ authorization: `Basic ${officer.IdToken}` })).toBe('AUTH.TOKEN_MISSING');
  });

  it('refuses a genuine token once it has expired', async () => {
    const exp = Number(decode(officer.IdToken?.split('.')[1]).exp);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((exp + 1) * 1000);
    expect(await rejection(bearer(officer.IdToken))).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('refuses a token signed by another key under the pool key id', async () => {
    const [h, p] = (officer.IdToken ?? '').split('.');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await rejection(bearer(signRs256(decode(h), decode(p), privateKey)))).toBe('AUTH.TOKEN_INVALID');
  });

  it("refuses a token whose issuer serves the attacker's own JWKS", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'attacker', alg: 'RS256', use: 'sig' };
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const payload = {
        ...decode(officer.IdToken?.split('.')[1]),
        iss: `http://127.0.0.1:${port}/${cognito.userPoolId}`,
      };
      const header = { alg: 'RS256', typ: 'JWT', kid: 'attacker' };
      expect(await rejection(bearer(signRs256(header, payload, privateKey)))).toBe('AUTH.TOKEN_INVALID');
      // Same key, but claiming the real issuer: its key id is not in the pool's JWKS.
      const claimingPool = { ...payload, iss: cognito.issuer };
      expect(await rejection(bearer(signRs256(header, claimingPool, privateKey)))).toBe('AUTH.TOKEN_INVALID');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a genuine token issued to another app client of the same pool', async () => {
    const other = await cognito.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: cognito.userPoolId,
        ClientName: 'some-other-app',
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const tokens = await signIn('cun-li', other.UserPoolClient?.ClientId);
    expect(decode(tokens.IdToken?.split('.')[1]).aud).not.toBe(cognito.clientId);
    expect(await rejection(bearer(tokens.IdToken))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses alg "none" and an HS256 token keyed with the public key', async () => {
    const [h, p] = (officer.IdToken ?? '').split('.');
    const payload = decode(p);
    const none = `${b64u({ ...decode(h), alg: 'none' })}.${b64u(payload)}.`;
    expect(await rejection(bearer(none))).toBe('AUTH.TOKEN_INVALID');
    const jwks = (await (await fetch(cognito.jwksUri)).json()) as { keys: object[] };
    const confusedHeader = b64u({ ...decode(h), alg: 'HS256' });
    const input = `${confusedHeader}.${b64u(payload)}`;
    const hmac = createHmac('sha256', JSON.stringify(jwks.keys[0])).update(input).digest('base64url');
    expect(await rejection(bearer(`${input}.${hmac}`))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a token whose unit was changed after signing', async () => {
    const [h, p, s] = (officer.IdToken ?? '').split('.');
    const tampered = `${h}.${b64u({ ...decode(p), 'custom:unit': 'V-002' })}.${s}`;
    expect(await rejection(bearer(tampered))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses an access token in place of the ID token', async () => {
    expect(decode(officer.AccessToken?.split('.')[1]).token_use).toBe('access');
    expect(await rejection(bearer(officer.AccessToken))).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses garbage', async () => {
    expect(await rejection(bearer('not-a-jwt'))).toBe('AUTH.TOKEN_INVALID');
    expect(await rejection(bearer('a.b.c'))).toBe('AUTH.TOKEN_INVALID');
  });
});

describe('principalFromClaims', () => {
  const base = { sub: 'u-1', 'cognito:username': 'cun-li', 'custom:unit': 'V-001', 'custom:county': county };

  it('fails closed without exactly one role, a unit or a valid county', () => {
    const code = (claims: Record<string, unknown>) => {
      try {
        principalFromClaims(claims);
        return 'accepted';
      } catch (e) {
        return (e as UnauthenticatedError).code;
      }
    };
    expect(code({ ...base, 'cognito:groups': ['village-officer'] })).toBe('accepted');
    expect(code({ ...base })).toBe('AUTH.CLAIMS_INCOMPLETE');
    expect(code({ ...base, 'cognito:groups': ['some-other-group'] })).toBe('AUTH.CLAIMS_INCOMPLETE');
    expect(code({ ...base, 'cognito:groups': ['village-officer', 'county-admin'] })).toBe(
      'AUTH.CLAIMS_INCOMPLETE',
    );
    expect(code({ ...base, 'cognito:groups': ['leader'], 'custom:unit': '' })).toBe('AUTH.CLAIMS_INCOMPLETE');
    expect(code({ ...base, 'cognito:groups': ['leader'], 'custom:county': 'x' })).toBe(
      'AUTH.CLAIMS_INCOMPLETE',
    );
  });

  it('prefers the name claim Cognito sends and falls back to the username', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['leader'], name: '张县长' }).name).toBe(
      '张县长',
    );
    expect(principalFromClaims({ ...base, 'cognito:groups': ['leader'] }).name).toBe('cun-li');
  });
});

describe('through the HTTP middleware', () => {
  // A stand-in handler on a real route, answering with the caller's unit: not the route's declared reply.
  const route = sharedHttpRoute('listHouseholds', undefined, async ({ principal }) => ({
    status: 200,
    body: { unit: principal.unitId },
  }));
  const call = (headers: Record<string, string>) =>
    route(
      {
        version: '2.0',
        routeKey: 'GET /api/households',
        rawPath: '/api/households',
        rawQueryString: '',
        headers,
        requestContext: { http: { method: 'GET', path: '/api/households' } },
        isBase64Encoded: false,
      } as unknown as APIGatewayProxyEventV2,
      {} as Context,
    ) as Promise<{ statusCode: number; body: string }>;

  it('answers 401 with a code when the token is missing or forged, 403 for a role the route does not name', async () => {
    const missing = await call({});
    expect(missing.statusCode).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('AUTH.TOKEN_MISSING');

    const [h, p, s] = (officer.IdToken ?? '').split('.');
    const forged = await call(bearer(`${h}.${b64u({ ...decode(p), 'custom:unit': 'V-009' })}.${s}`));
    expect(forged.statusCode).toBe(401);
    expect(JSON.parse(forged.body).error.code).toBe('AUTH.TOKEN_INVALID');

    const auditor = await signIn('shen-ji');
    const denied = await call(bearer(auditor.IdToken));
    expect(denied.statusCode).toBe(403);
    expect(JSON.parse(denied.body).error).toMatchObject({ code: 'AUTH.ROLE_DENIED' });

    const ok = await call(bearer(officer.IdToken));
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ unit: 'V-001' });
  });
});
