/**
 * The browser sign-in client against a real cognito-local: the page's
 * `/runtime-config.json` and localStorage are the only things stood in for.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { ensureUsers, freePort, startCognito, type CognitoLocal } from '#local/cognito.ts';
import { generateSync } from 'otplib';
import {
  answerMfa,
  AuthError,
  authFetch,
  confirmTotpSetup,
  startTotpSetup,
  completeNewPassword,
  currentUser,
  getIdToken,
  safeNext,
  signIn,
  signOut,
  SignInRequiredError,
} from './auth-client.ts';
import { flushOutbox, outboxItems, submitThroughOutbox } from './outbox.ts';
import { apiCacheName } from './offline-cache.ts';

const county = '610999';
const password = 'Shouwang-2026!';
let cognito: CognitoLocal;
let dataDir: string;
const realFetch = globalThis.fetch;
const store = new Map<string, string>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shouwang-auth-client-'));
  cognito = await startCognito({ dataDir, port: await freePort(), countyCode: county });
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
      username: 'xin-ren',
      name: '任新人',
      email: 'xin-ren@example.test',
      role: 'town-staff',
      unitId: 'T-01',
      townId: 'T-01',
      countyCode: county,
      temporaryPassword: 'Temp-Pass-1!',
    },
    {
      username: 'ban-mfa',
      name: '郑主任',
      email: 'ban-mfa@example.test',
      role: 'coordination-office',
      unitId: county,
      countyCode: county,
      password,
    },
    {
      username: 'cun-wang',
      name: '王村信息员',
      email: 'cun-wang@example.test',
      role: 'village-officer',
      unitId: 'V-002',
      townId: 'T-01',
      countyCode: county,
      password,
    },
  ]);
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  const config = {
    auth: {
      endpoint: cognito.endpoint,
      region: cognito.region,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
    },
    county: demoCountyConfig,
  };
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    String(input) === '/runtime-config.json'
      ? Promise.resolve(Response.json(config))
      : realFetch(input, init),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await cognito?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  vi.useRealTimers();
  await signOut();
});

describe('auth-client', () => {
  it('signs in, shows the person and unit, and hands out the ID token', async () => {
    const result = await signIn('cun-li', password);
    expect(result).toMatchObject({
      kind: 'signed-in',
      user: { name: '李村信息员', role: 'village-officer', roleLabel: '村/社区信息员', unitId: 'V-001' },
    });
    expect(currentUser()).toMatchObject({ username: 'cun-li', townId: 'T-01', countyCode: county });
    const token = await getIdToken();
    expect(token?.split('.')).toHaveLength(3);
  });

  it('says 用户名或密码错误 for a wrong password and for an unknown user', async () => {
    await expect(signIn('cun-li', 'Wrong-Pass-1!')).rejects.toMatchObject({
      code: 'AUTH.WRONG_CREDENTIALS',
      message: '用户名或密码错误',
    });
    await expect(signIn('nobody', password)).rejects.toMatchObject({ message: '用户名或密码错误' });
    expect(currentUser()).toBeNull();
  });

  it('walks a new account through the forced password change, then signs in normally', async () => {
    const first = await signIn('xin-ren', 'Temp-Pass-1!');
    expect(first.kind).toBe('new-password-required');
    if (first.kind !== 'new-password-required') return;
    const user = await completeNewPassword(first, 'Ren-New-Pass-2026!');
    expect(user).toMatchObject({ role: 'town-staff', name: '任新人' });
    await signOut();
    await expect(signIn('xin-ren', 'Ren-New-Pass-2026!')).resolves.toMatchObject({ kind: 'signed-in' });
  });

  it('refreshes silently when the ID token is about to expire', async () => {
    await signIn('cun-li', password);
    const before = await getIdToken();
    const exp = JSON.parse(Buffer.from(before?.split('.')[1] ?? '', 'base64url').toString()).exp as number;
    vi.useFakeTimers({ toFake: ['Date'] });
    // Two minutes before expiry: inside the refresh margin, still valid.
    vi.setSystemTime(exp * 1000 - 2 * 60_000);
    const after = await getIdToken();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    // cognito-local runs on the real clock, so the new token is newly issued (new jti), not later-expiring.
    const claims = (t: string | null) =>
      JSON.parse(Buffer.from(t?.split('.')[1] ?? '', 'base64url').toString()) as { jti: string; exp: number };
    expect(claims(after).jti).not.toBe(claims(before).jti);
    expect(claims(after).exp).toBeGreaterThanOrEqual(exp);
  });

  it('signs out: tokens gone, refresh token revoked', async () => {
    await signIn('cun-li', password);
    const refreshToken = (JSON.parse(store.get('shouwang.session') ?? '{}') as { refreshToken: string })
      .refreshToken;
    await signOut();
    expect(currentUser()).toBeNull();
    expect(await getIdToken()).toBeNull();
    const res = await realFetch(cognito.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: cognito.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    });
    expect(res.status).toBe(400);
  });

  it('authFetch adds the bearer token, and drops the session on 401', async () => {
    await signIn('cun-li', password);
    const seen: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === '/api/echo') {
        seen.push(new Headers(init?.headers).get('authorization') ?? '');
        return Promise.resolve(new Response('{}', { status: seen.length === 1 ? 200 : 401 }));
      }
      return realFetch(input, init);
    });
    try {
      expect((await authFetch('/api/echo')).status).toBe(200);
      expect(seen[0]).toMatch(/^Bearer ey/);
      await expect(authFetch('/api/echo')).rejects.toBeInstanceOf(SignInRequiredError);
      expect(currentUser()).toBeNull();
      await expect(authFetch('/api/echo')).rejects.toBeInstanceOf(AuthError);
      expect(seen).toHaveLength(2);
    } finally {
      const config = {
        auth: {
          endpoint: cognito.endpoint,
          region: cognito.region,
          userPoolId: cognito.userPoolId,
          clientId: cognito.clientId,
        },
        county: demoCountyConfig,
      };
      vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
        String(input) === '/runtime-config.json'
          ? Promise.resolve(Response.json(config))
          : realFetch(input, init),
      );
    }
  });

  it('only returns to same-site paths after sign-in', () => {
    expect(safeNext('/income/?v=1')).toBe('/income/?v=1');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('the outbox on a shared phone', () => {
  it('keeps an entry for the person who filled it: the next person neither sees nor sends it', async () => {
    const deleted: string[] = [];
    const net = { onLine: false };
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('navigator', net);
    vi.stubGlobal('caches', { delete: async (name: string) => void deleted.push(name) });
    const apiCalls: string[] = [];
    const cognitoFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('/api/')) {
        apiCalls.push(String(input));
        return Promise.resolve(Response.json({ record: {} }, { status: 201 }));
      }
      return cognitoFetch(input, init);
    });
    try {
      await signIn('cun-li', password);
      expect(deleted).toEqual([apiCacheName]);
      const queued = await submitThroughOutbox({
        id: '5f2b0c1e-8a3d-4f6e-9b7a-1c2d3e4f5a6b',
        route: 'submitIncome',
        body: { householdId: 'H0000001' },
        label: '王建国 收入',
        form: 'income-entry',
      });
      expect(queued).toEqual({ state: 'waiting' });
      await signOut();
      expect(deleted).toEqual([apiCacheName, apiCacheName]);

      // The next person: an empty outbox, and back online nothing of the last person's is sent.
      await signIn('cun-wang', password);
      net.onLine = true;
      expect(outboxItems()).toEqual([]);
      await flushOutbox();
      expect(apiCalls).toEqual([]);
      await signOut();

      // Its owner signs in again: there it is, and it goes.
      await signIn('cun-li', password);
      expect(outboxItems().map((i) => [i.label, i.owner, i.status])).toEqual([
        ['王建国 收入', 'cun-li', 'waiting'],
      ]);
      await flushOutbox();
      expect(apiCalls).toEqual(['/api/income']);
      expect(outboxItems()[0]?.status).toBe('saved');
    } finally {
      await signOut();
      vi.stubGlobal('fetch', cognitoFetch);
    }
  });
});

describe('an authenticator app (TOTP)', () => {
  it('is set up from a QR address, then every sign-in asks for its code and refuses a wrong one', async () => {
    await signIn('ban-mfa', password);
    const setup = await startTotpSetup();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=/);
    await expect(confirmTotpSetup('000000')).rejects.toMatchObject({
      message: '验证码不正确或已过期，请重新输入',
    });
    await confirmTotpSetup(generateSync({ secret: setup.secret }));
    await signOut();

    const first = await signIn('ban-mfa', password);
    expect(first.kind).toBe('mfa-required');
    expect(currentUser()).toBeNull();
    const wrong = await answerMfa(first as Extract<typeof first, { kind: 'mfa-required' }>, '000000').catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(AuthError);
    expect((wrong as AuthError).message).toBe('验证码不正确或已过期，请重新输入');
    expect(currentUser()).toBeNull();

    const again = await signIn('ban-mfa', password);
    if (again.kind !== 'mfa-required') throw new Error(`expected the code step, got ${again.kind}`);
    const user = await answerMfa(again, generateSync({ secret: setup.secret }));
    expect(user).toMatchObject({ username: 'ban-mfa', role: 'coordination-office' });
    expect(await getIdToken()).toBeTruthy();
    await signOut();
  });
});
