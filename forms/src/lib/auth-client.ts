/**
 * Sign-in in the browser, straight against Cognito's JSON API (the same calls
 * work against cognito-local): password sign-in, the first-sign-in password
 * change, silent refresh shortly before the ID token expires, sign-out. Where the
 * pool lives is read from `/runtime-config.json`, so one built site serves any
 * deployment.
 *
 * Tokens are kept in localStorage: village officers work on phones with poor
 * signal and must stay signed in across reloads and the offline outbox's retries.
 * The refresh token lives a working week (see `domain/auth/user-pool.ts`), and
 * sign-out revokes it.
 */
import { clearApiCache } from './offline-cache.ts';
import { roleLabels, roleSchema, type Role } from '#domain/auth/roles.ts';
import { runtimeConfig, type RuntimeConfig } from './runtime-config.ts';

/** A sign-in failure with a Chinese message to show and a stable code to test. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The signed-in person, as every page shows them. */
export interface CurrentUser {
  username: string;
  name: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  townId?: string;
  countyCode: string;
  /** Filled by pages that know the directory; the token carries only the id. */
  unitName?: string;
}

/** Returned by `signIn` when the account still has its temporary password. */
export interface NewPasswordChallenge {
  kind: 'new-password-required';
  username: string;
  session: string;
}
/** Returned by `signIn` when the account has an authenticator app: the six-digit code is asked next. */
export interface MfaChallenge {
  kind: 'mfa-required';
  username: string;
  session: string;
}
export type SignInResult = { kind: 'signed-in'; user: CurrentUser } | NewPasswordChallenge | MfaChallenge;

/** What the authenticator app is set up from: the secret, and the `otpauth:` address its QR code carries. */
export interface TotpSetup {
  secret: string;
  uri: string;
}

interface Session {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the ID token expires. */
  expiresAt: number;
  username: string;
  /** From GetUser: cognito-local leaves `name` out of the ID token. */
  name?: string;
}

const storageKey = 'shouwang.session';
/** Refresh this long before expiry, so a form posted just now never carries a dying token. */
const refreshMarginMs = 5 * 60_000;

let refreshing: Promise<Session | null> | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/** The pool's endpoint and client, from `/runtime-config.json` (read once per page). */
async function authConfig(): Promise<RuntimeConfig['auth']> {
  try {
    return (await runtimeConfig()).auth;
  } catch {
    throw new AuthError('AUTH.CONFIG_UNAVAILABLE', '无法加载系统配置，请检查网络后重试');
  }
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

function decodePayload(jwt: string): Record<string, unknown> | null {
  try {
    const part = jwt.split('.')[1] ?? '';
    const b64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function loadSession(): Session | null {
  const raw = storage()?.getItem(storageKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    storage()?.removeItem(storageKey);
    return null;
  }
}

function clearSession(): void {
  storage()?.removeItem(storageKey);
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = undefined;
}

function saveSession(s: Session): void {
  storage()?.setItem(storageKey, JSON.stringify(s));
  scheduleRefresh(s);
}

/** Keeps an open page signed in: refreshes in the background before the ID token expires. */
function scheduleRefresh(s: Session): void {
  if (typeof window === 'undefined') return;
  if (refreshTimer) clearTimeout(refreshTimer);
  const delay = Math.max(s.expiresAt - refreshMarginMs - Date.now(), 5_000);
  refreshTimer = setTimeout(() => void refreshSession().catch(() => undefined), delay);
}

const messages: Record<string, string> = {
  NotAuthorizedException: '用户名或密码错误',
  UserNotFoundException: '用户名或密码错误',
  PasswordResetRequiredException: '密码已被重置，请联系县级管理员获取新的临时密码',
  UserNotConfirmedException: '账号尚未启用，请联系县级管理员',
  TooManyRequestsException: '尝试次数过多，请稍后再试',
  TooManyFailedAttemptsException: '尝试次数过多，请稍后再试',
  LimitExceededException: '尝试次数过多，请稍后再试',
  CodeMismatchException: '验证码不正确或已过期，请重新输入',
  EnableSoftwareTokenMFAException: '验证码不正确或已过期，请重新输入',
  ExpiredCodeException: '会话已过期，请重新登录',
};

/** One call to Cognito's JSON API; errors become `AuthError` with a Chinese message. */
async function cognito<T>(
  target: string,
  body: unknown,
  during: 'sign-in' | 'new-password' | 'other' = 'other',
): Promise<T> {
  const auth = await authConfig();
  let res: Response;
  try {
    res = await fetch(auth.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new AuthError('AUTH.NETWORK', '网络连接失败，请检查网络后重试');
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return data as T;
  const type =
    String(data.__type ?? res.headers.get('x-amzn-errortype') ?? '')
      .split('#')
      .pop()
      ?.split(':')[0] ?? '';
  const text = String(data.message ?? '');
  if (type === 'NotAuthorizedException' && /disabled/i.test(text)) {
    throw new AuthError('AUTH.USER_DISABLED', '账号已停用，请联系县级管理员');
  }
  if (type === 'InvalidPasswordException') {
    // Cognito says "invalid password" both for a wrong password (cognito-local) and a new one that breaks the policy.
    throw during === 'new-password'
      ? new AuthError(
          'AUTH.PASSWORD_POLICY',
          '新密码不符合要求：至少 8 位，须同时包含大写字母、小写字母、数字和特殊符号',
        )
      : new AuthError('AUTH.WRONG_CREDENTIALS', '用户名或密码错误');
  }
  if (type === 'InvalidParameterException' && during === 'new-password') {
    throw new AuthError(
      'AUTH.PASSWORD_POLICY',
      '新密码不符合要求：至少 8 位，须同时包含大写字母、小写字母、数字和特殊符号',
    );
  }
  const message = messages[type];
  if (message) {
    const code =
      message === '用户名或密码错误'
        ? 'AUTH.WRONG_CREDENTIALS'
        : `AUTH.${type.replace(/Exception$/, '').toUpperCase()}`;
    throw new AuthError(code, message);
  }
  throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
}

interface AuthResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
}
interface AuthResponse {
  AuthenticationResult?: AuthResult;
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

function userFrom(idToken: string, name?: string): CurrentUser | null {
  const c = decodePayload(idToken);
  if (!c) return null;
  const groups = Array.isArray(c['cognito:groups']) ? (c['cognito:groups'] as unknown[]) : [];
  const held = groups
    .map((g) => roleSchema.safeParse(g))
    .filter((r) => r.success)
    .map((r) => r.data);
  const role = held.length === 1 ? held[0] : undefined;
  const unitId = c['custom:unit'];
  const countyCode = c['custom:county'];
  if (!role || typeof unitId !== 'string' || typeof countyCode !== 'string') return null;
  const username = String(c['cognito:username'] ?? '');
  const town = c['custom:town'];
  return {
    username,
    name: typeof c.name === 'string' ? c.name : (name ?? username),
    role,
    roleLabel: roleLabels[role],
    unitId,
    countyCode,
    ...(typeof town === 'string' && town ? { townId: town } : {}),
  };
}

/** Stores a fresh sign-in, after checking the account has a role and a unit. */
async function establish(result: AuthResult, username: string): Promise<CurrentUser> {
  const { IdToken, AccessToken, RefreshToken } = result;
  if (!IdToken || !AccessToken || !RefreshToken)
    throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  let name: string | undefined;
  try {
    const me = await cognito<{ UserAttributes?: { Name: string; Value: string }[] }>('GetUser', {
      AccessToken,
    });
    name = me.UserAttributes?.find((a) => a.Name === 'name')?.Value;
  } catch {
    // The name is for display only; the username stands in.
  }
  const user = userFrom(IdToken, name);
  if (!user) throw new AuthError('AUTH.CLAIMS_INCOMPLETE', '账号未分配角色或单位，请联系县级管理员');
  const exp = Number(decodePayload(IdToken)?.exp ?? 0) * 1000;
  // The cached answers of whoever used the device before are not this person's to see.
  await clearApiCache();
  saveSession({
    idToken: IdToken,
    accessToken: AccessToken,
    refreshToken: RefreshToken,
    expiresAt: exp,
    username,
    ...(name ? { name } : {}),
  });
  return user;
}

/**
 * Signs in with username and password. Resolves to the signed-in user, or to a
 * challenge when the account still has its temporary password (then call
 * `completeNewPassword`). Rejects with `AuthError` (e.g. 用户名或密码错误).
 */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  const auth = await authConfig();
  const res = await cognito<AuthResponse>(
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    },
    'sign-in',
  );
  if (res.ChallengeName === 'NEW_PASSWORD_REQUIRED' && res.Session) {
    return {
      kind: 'new-password-required',
      username: res.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
      session: res.Session,
    };
  }
  if (res.ChallengeName === 'SOFTWARE_TOKEN_MFA' && res.Session) {
    return {
      kind: 'mfa-required',
      username: res.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
      session: res.Session,
    };
  }
  if (res.ChallengeName)
    throw new AuthError('AUTH.UNSUPPORTED_CHALLENGE', '该账号需要的登录方式暂不支持，请联系县级管理员');
  if (!res.AuthenticationResult) throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  return { kind: 'signed-in', user: await establish(res.AuthenticationResult, username) };
}

/** Answers the first-sign-in challenge with the person's new password. */
export async function completeNewPassword(
  challenge: NewPasswordChallenge,
  newPassword: string,
): Promise<CurrentUser> {
  const auth = await authConfig();
  const res = await cognito<AuthResponse>(
    'RespondToAuthChallenge',
    {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: auth.clientId,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
    },
    'new-password',
  );
  if (!res.AuthenticationResult) throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  // cognito-local does not register the refresh token it returns here, so the
  // session could not be renewed; one ordinary sign-in with the new password gives
  // a session that can (in AWS it costs one extra call and changes nothing).
  const again = await signIn(challenge.username, newPassword);
  if (again.kind !== 'signed-in') throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  return again.user;
}

/** Answers the sign-in's second step with the six-digit code of the person's authenticator app. */
export async function answerMfa(challenge: MfaChallenge, code: string): Promise<CurrentUser> {
  const auth = await authConfig();
  const res = await cognito<AuthResponse>(
    'RespondToAuthChallenge',
    {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: auth.clientId,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code.trim() },
    },
    'sign-in',
  );
  if (!res.AuthenticationResult) throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  return establish(res.AuthenticationResult, challenge.username);
}

function signedInSession(): Session {
  const s = loadSession();
  if (!s) throw new SignInRequiredError();
  return s;
}

/**
 * Starts setting up an authenticator app (TOTP) for the signed-in person: the
 * secret to type in, and the address a QR code carries (issuer 守望).
 */
export async function startTotpSetup(): Promise<TotpSetup> {
  const s = signedInSession();
  const res = await cognito<{ SecretCode?: string }>('AssociateSoftwareToken', {
    AccessToken: s.accessToken,
  });
  if (!res.SecretCode) throw new AuthError('AUTH.SERVICE', '登录服务暂时不可用，请稍后重试');
  const label = encodeURIComponent(`守望:${s.username}`);
  return {
    secret: res.SecretCode,
    uri: `otpauth://totp/${label}?secret=${res.SecretCode}&issuer=${encodeURIComponent('守望')}`,
  };
}

/**
 * Finishes the set-up with a code the app shows: from then on every sign-in asks
 * for a code. Rejects with `AUTH.CODEMISMATCH` (验证码不正确) when it does not match.
 */
export async function confirmTotpSetup(code: string): Promise<void> {
  const s = signedInSession();
  const res = await cognito<{ Status?: string }>('VerifySoftwareToken', {
    AccessToken: s.accessToken,
    UserCode: code.trim(),
    FriendlyDeviceName: '守望身份验证器',
  });
  if (res.Status !== 'SUCCESS') throw new AuthError('AUTH.CODEMISMATCH', '验证码不正确或已过期，请重新输入');
  await cognito('SetUserMFAPreference', {
    AccessToken: s.accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
}

/** Trades the refresh token for new ID and access tokens; one refresh at a time. */
function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    const s = loadSession();
    if (!s) return null;
    const auth = await authConfig();
    try {
      const res = await cognito<AuthResponse>('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: auth.clientId,
        AuthParameters: { REFRESH_TOKEN: s.refreshToken },
      });
      const r = res.AuthenticationResult;
      if (!r?.IdToken || !r.AccessToken || !userFrom(r.IdToken)) {
        clearSession();
        return null;
      }
      // Cognito does not rotate the refresh token unless configured to; keep ours when none comes back.
      const next: Session = {
        ...s,
        idToken: r.IdToken,
        accessToken: r.AccessToken,
        refreshToken: r.RefreshToken ?? s.refreshToken,
        expiresAt: Number(decodePayload(r.IdToken)?.exp ?? 0) * 1000,
      };
      saveSession(next);
      return next;
    } catch (e) {
      // Offline: keep the session; the token may still be valid, and the outbox retries later.
      if (
        e instanceof AuthError &&
        (e.code === 'AUTH.NETWORK' || e.code === 'AUTH.SERVICE' || e.code === 'AUTH.CONFIG_UNAVAILABLE')
      )
        return s;
      clearSession();
      return null;
    }
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/**
 * The ID token to send as `Authorization: Bearer`, refreshed first when it
 * expires within five minutes; `null` when nobody is signed in (or the session
 * could not be renewed).
 */
export async function getIdToken(): Promise<string | null> {
  let s = loadSession();
  if (!s) return null;
  if (s.expiresAt - Date.now() < refreshMarginMs) s = await refreshSession();
  if (!s || s.expiresAt <= Date.now()) return null;
  if (!refreshTimer) scheduleRefresh(s);
  return s.idToken;
}

/** The signed-in person from the stored ID token, or `null`. Synchronous, for rendering. */
export function currentUser(): CurrentUser | null {
  const s = loadSession();
  if (!s) return null;
  if (!refreshTimer) scheduleRefresh(s);
  return userFrom(s.idToken, s.name);
}

/** Signs out: revokes the refresh token at Cognito (best effort) and forgets the session. */
export async function signOut(): Promise<void> {
  const s = loadSession();
  clearSession();
  await clearApiCache();
  if (!s) return;
  try {
    const auth = await authConfig();
    await cognito('RevokeToken', { ClientId: auth.clientId, Token: s.refreshToken });
  } catch {
    // Offline or already revoked: the local session is gone either way.
  }
}

/** The login page's address that returns to the current page after sign-in. */
export function loginUrl(
  next = typeof location === 'undefined' ? '/' : location.pathname + location.search,
): string {
  return `/login/?next=${encodeURIComponent(next)}`;
}

/** Accepts only same-site paths as the post-sign-in destination (no open redirect). */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  return raw;
}

/** Raised after `authFetch` has sent the browser to the login page. */
export class SignInRequiredError extends AuthError {
  constructor() {
    super('AUTH.SIGN_IN_REQUIRED', '请先登录');
  }
}

/**
 * `fetch` with the bearer token. With no session, or when the API answers 401
 * (expired, disabled, or revoked account), the session is dropped and the
 * browser goes to the login page, coming back here afterwards.
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const token = await getIdToken();
  if (!token) {
    redirectToLogin();
    throw new SignInRequiredError();
  }
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) {
    clearSession();
    redirectToLogin();
    throw new SignInRequiredError();
  }
  return res;
}

function redirectToLogin(): void {
  if (typeof location !== 'undefined' && !location.pathname.startsWith('/login')) location.assign(loginUrl());
}
