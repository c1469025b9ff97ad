/**
 * Token verification: the same code in Lambda and locally. In AWS the issuer is the
 * Cognito user pool; locally it is cognito-local. API Gateway's JWT authorizer
 * verifies in AWS too; this check makes the function safe on its own.
 *
 * We use aws-jwt-verify's generic `JwtVerifier` rather than `CognitoJwtVerifier`
 * because the latter derives the issuer from the pool id's region
 * (`https://cognito-idp.<region>.amazonaws.com/...`), which cognito-local cannot
 * serve. The Cognito-specific checks it would add (token_use, client) are done
 * here: `aud` must be the app client, and only ID tokens are accepted (access
 * tokens carry no `aud`, no name and no custom attributes).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import {
  FetchError,
  JwksValidationError,
  JwtExpiredError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { roles, type Principal, type Role } from '#domain/auth/roles.ts';
import { UnauthenticatedError } from '#domain/shared/errors.ts';
import { envNames } from '#domain/system/resources.ts';
import { requireEnv } from './env.ts';

type Claims = Record<string, unknown>;
interface Verifier {
  verify(token: string): Promise<Claims>;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Fetches the JWKS with the runtime's fetch. aws-jwt-verify's own fetcher speaks
 * HTTPS only; cognito-local serves HTTP on loopback. Plain HTTP is allowed for
 * loopback hosts alone, so a misconfigured deployment cannot take its keys from
 * an unauthenticated source.
 */
const jwksFetcher: Fetcher = {
  async fetch(uri) {
    const url = new URL(uri);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
      throw new FetchError(uri, 'JWKS must be fetched over HTTPS (plain HTTP only from loopback)');
    }
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(3000), headers: { accept: 'application/json' } });
    } catch (e) {
      throw new FetchError(uri, e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) throw new FetchError(uri, `status ${res.status}`);
    return res.arrayBuffer();
  },
};

/** One verifier per (issuer, client, JWKS): it caches the keys across invocations of a warm container. */
let cached: { key: string; verifier: Verifier } | undefined;

function getVerifier(): Verifier {
  const issuer = requireEnv(envNames.jwtIssuer);
  const audience = requireEnv(envNames.userPoolClientId);
  const jwksUri = requireEnv(envNames.jwksUri);
  const key = `${issuer}\n${audience}\n${jwksUri}`;
  if (cached?.key !== key) {
    const v = JwtVerifier.create(
      {
        issuer,
        audience,
        jwksUri,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'id') throw new Error('not an ID token');
        },
      },
      { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
    );
    cached = { key, verifier: { verify: (t) => v.verify(t) as Promise<Claims> } };
  }
  return cached.verifier;
}

const invalid = () => new UnauthenticatedError('AUTH.TOKEN_INVALID', '登录已失效，请重新登录');

/**
 * Reads the bearer token of an API Gateway event and returns the verified principal.
 * Throws `UnauthenticatedError` (401) with `AUTH.TOKEN_MISSING`, `AUTH.TOKEN_EXPIRED`,
 * `AUTH.TOKEN_INVALID` or `AUTH.CLAIMS_INCOMPLETE`. A JWKS that cannot be fetched is
 * our failure, not the caller's, so it surfaces as a plain error (500).
 */
export async function authenticate(headers: Record<string, string | undefined>): Promise<Principal> {
  const header = headers.authorization ?? headers.Authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (!token) throw new UnauthenticatedError('AUTH.TOKEN_MISSING', '请先登录');
  let claims: Claims;
  try {
    claims = await getVerifier().verify(token);
  } catch (e) {
    if (e instanceof JwtExpiredError)
      throw new UnauthenticatedError('AUTH.TOKEN_EXPIRED', '登录已过期，请重新登录');
    if (
      e instanceof FetchError ||
      e instanceof JwksValidationError ||
      e instanceof ParameterValidationError
    ) {
      throw new Error(`AUTH.JWKS_UNAVAILABLE: cannot load signing keys: ${(e as Error).message}`, {
        cause: e,
      });
    }
    throw invalid();
  }
  return principalFromClaims(claims);
}

/**
 * Maps verified ID-token claims to the principal: the one role group is the role,
 * the unit, town and county are custom attributes. Fails closed: no role, more
 * than one role, or a missing unit or county is a 401, never a guess.
 */
export function principalFromClaims(claims: Claims): Principal {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const held = roles.filter((r) => groups.includes(r));
  const unitId = claims['custom:unit'];
  const countyCode = claims['custom:county'];
  if (
    held.length !== 1 ||
    typeof unitId !== 'string' ||
    unitId === '' ||
    typeof countyCode !== 'string' ||
    !/^\d{6}$/.test(countyCode) ||
    typeof claims.sub !== 'string'
  ) {
    throw new UnauthenticatedError('AUTH.CLAIMS_INCOMPLETE', '账号未分配角色或单位，请联系县级管理员');
  }
  const town = claims['custom:town'];
  return {
    userId: claims.sub,
    // cognito-local puts no `name` in the ID token (Cognito does); the username is the fallback.
    name: typeof claims.name === 'string' ? claims.name : String(claims['cognito:username'] ?? claims.sub),
    countyCode,
    role: held[0] as Role,
    unitId,
    ...(typeof town === 'string' && town ? { townId: town } : {}),
    // The sign-in name ties the person to their staff record (staff items are keyed by it).
    ...(typeof claims['cognito:username'] === 'string' ? { username: claims['cognito:username'] } : {}),
  };
}

/** For tests: drop the cached verifier (and its key cache). */
export function resetVerifier(): void {
  cached = undefined;
}
