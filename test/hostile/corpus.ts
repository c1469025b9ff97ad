/**
 * The hostile-input corpus: bad requests kept as data (`corpus/*.jsonl`), each
 * with the status it must get. This module reads the files, expands the declared
 * recipes (large bodies are described, not stored), forges the tokens a case asks
 * for, and builds the per-route cases from the route table, so a route added to
 * `domain/system/routes.ts` is attacked without touching this folder.
 */
import { now as clockNow } from '#functions/platform/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { roles, type Role } from '#domain/auth/roles.ts';
import { routes, type RouteDef } from '#domain/system/routes.ts';
import { maxBodyBytes } from '#domain/system/resources.ts';
import { addMonths, shanghaiDate, type Period } from '#domain/shared/period.ts';

export const corpusDir = path.join(import.meta.dirname, 'corpus');

/** Large bodies are made by a recipe at run time; the file says only what to make. */
const recipeSchema = z.discriminatedUnion('recipe', [
  /** A valid income entry whose `field` holds a string of `bytes` UTF-8 bytes (`char` repeated). */
  z.object({
    recipe: z.literal('string'),
    field: z.string(),
    bytes: z.number().int().positive(),
    char: z.string().default('收'),
  }),
  /** A valid income entry whose `field` holds an array of `items` copies of `item`. */
  z.object({
    recipe: z.literal('array'),
    field: z.string(),
    items: z.number().int().positive(),
    item: z.unknown().default(0),
  }),
  /** `depth` nested arrays (`[[[…]]]`) as the whole body or as `field`. */
  z.object({
    recipe: z.literal('nesting'),
    field: z.string().optional(),
    depth: z.number().int().positive(),
  }),
  /** A body of exactly `bytes` bytes: a valid entry plus one unknown padding field, or raw filler when `json` is false. */
  z.object({
    recipe: z.literal('body'),
    bytes: z.number().int().positive(),
    json: z.boolean().default(true),
  }),
  /** An object with `keys` distinct unknown keys besides a valid entry. */
  z.object({ recipe: z.literal('keys'), keys: z.number().int().positive() }),
]);
export type Recipe = z.infer<typeof recipeSchema>;

/** How the bearer token of a case is made. */
export const tokenKinds = [
  'valid',
  'none',
  'empty-bearer',
  'basic',
  'garbage',
  'alg-none',
  'wrong-key',
  'hs256-public-key',
  'expired',
  'not-yet-valid',
  'tampered-unit',
  'tampered-role',
  'wrong-issuer',
  'wrong-audience',
  'access-token',
  'unknown-kid',
  'no-role',
  'two-roles',
  'no-unit',
  'other-county',
  'truncated',
] as const;
export type TokenKind = (typeof tokenKinds)[number];

export const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9./_-]*$/),
  /** Route id from the route table; the case is dropped (and counted) when the route does not exist. */
  route: z.string().optional(),
  /** Or an explicit method and path (unknown routes, wrong methods). */
  method: z.string().optional(),
  path: z.string().optional(),
  query: z.string().optional(),
  /** Sent as (username of the test users). */
  as: z.string().default('v-t01v001'),
  token: z.enum(tokenKinds).default('valid'),
  headers: z.record(z.string(), z.string()).optional(),
  /** A literal JSON body. */
  body: z.unknown().optional(),
  /** A valid income entry changed at dotted paths (`set`) or with paths removed (`unset`). */
  base: z.literal('income').optional(),
  set: z.record(z.string(), z.unknown()).optional(),
  unset: z.array(z.string()).optional(),
  /** A body sent as this exact text. */
  raw: z.string().optional(),
  /** A body sent as these exact bytes (hex). */
  hex: z
    .string()
    .regex(/^([0-9a-f]{2})*$/)
    .optional(),
  make: recipeSchema.optional(),
  expect: z.union([
    z.literal(400),
    z.literal(401),
    z.literal(403),
    z.literal(404),
    z.literal(405),
    z.literal(409),
    z.literal(413),
  ]),
  /** The stable error code the answer must carry. */
  code: z.string().optional(),
  /** A field path that must be among the issues. */
  issue: z.string().optional(),
  /** Also sent through the real HTTP server. */
  http: z.boolean().optional(),
  /**
   * The case waits on a rule another issue is adding (e.g. the entry window).
   * Until then it must still be refused (any 4xx or 5xx) and change nothing, and
   * the runner lists it with the status it got instead.
   */
  pending: z.string().optional(),
  why: z.string().optional(),
});
export type HostileCase = z.infer<typeof caseSchema>;

/** Every case of every `corpus/*.jsonl` file (one JSON object a line; `//` lines are comments). */
export function readCorpus(dir = corpusDir): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const t = line.trim();
      if (!t || t.startsWith('//')) return;
      const parsed = caseSchema.safeParse(JSON.parse(t));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      cases.push(parsed.data);
    });
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}

/**
 * Periods named relative to the clock, because the entry window is: `open` is the
 * current month in Asia/Shanghai (open until the 6th of the next), `closed` a year
 * earlier, `previous` the month before `open`, `far-future` three years ahead.
 * A corpus value `"$period.open"` (etc.) is replaced when the case is sent.
 */
export function periodsAt(now = clockNow()): Record<'open' | 'closed' | 'previous' | 'far-future', Period> {
  const open = shanghaiDate(now).slice(0, 7);
  return {
    open,
    closed: addMonths(open, -12),
    previous: addMonths(open, -1),
    'far-future': addMonths(open, 36),
  };
}

function resolvePlaceholders(v: unknown): unknown {
  if (typeof v === 'string' && v.startsWith('$period.')) {
    const p = periodsAt()[v.slice('$period.'.length) as keyof ReturnType<typeof periodsAt>];
    if (!p) throw new Error(`unknown placeholder ${v}`);
    return p;
  }
  return v;
}

/** The valid income entry that `base: "income"` cases start from (household of the officer's village). */
export function validIncomeEntry(): Record<string, unknown> {
  return {
    submissionId: '00000000-0000-4000-8000-00000000beef',
    period: periodsAt().open,
    householdId: 'H0000006',
    memberCount: 5,
    components: { wage: 2400, business: 600, property: 0, transfer: 200, businessCost: 100 },
    expectedVersion: 0,
  };
}

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let o: Record<string, unknown> = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts.at(-1)!] = value;
}

function unsetPath(obj: Record<string, unknown>, dotted: string): void {
  const parts = dotted.split('.');
  let o: Record<string, unknown> | undefined = obj;
  for (const p of parts.slice(0, -1)) o = o?.[p] as Record<string, unknown> | undefined;
  if (o) delete o[parts.at(-1)!];
}

/** The exact bytes a case sends (empty buffer: no body). */
export function bodyOf(c: HostileCase): Buffer {
  if (c.hex !== undefined) return Buffer.from(c.hex, 'hex');
  if (c.raw !== undefined) return Buffer.from(c.raw, 'utf8');
  if (c.make) return Buffer.from(expandRecipe(c.make), 'utf8');
  if (c.base === 'income') {
    const e = validIncomeEntry();
    for (const [k, v] of Object.entries(c.set ?? {})) setPath(e, k, resolvePlaceholders(v));
    for (const k of c.unset ?? []) unsetPath(e, k);
    return Buffer.from(JSON.stringify(e), 'utf8');
  }
  if (c.body !== undefined) return Buffer.from(JSON.stringify(c.body), 'utf8');
  return Buffer.alloc(0);
}

function expandRecipe(r: Recipe): string {
  const entry = validIncomeEntry();
  switch (r.recipe) {
    case 'string': {
      const unit = Buffer.byteLength(r.char, 'utf8');
      setPath(entry, r.field, r.char.repeat(Math.ceil(r.bytes / unit)));
      return JSON.stringify(entry);
    }
    case 'array':
      setPath(
        entry,
        r.field,
        Array.from({ length: r.items }, () => r.item),
      );
      return JSON.stringify(entry);
    case 'nesting': {
      const nested = '['.repeat(r.depth) + ']'.repeat(r.depth);
      if (!r.field) return nested;
      return JSON.stringify(entry).replace(/}$/, `,${JSON.stringify(r.field)}:${nested}}`);
    }
    case 'body':
      if (!r.json) return 'x'.repeat(r.bytes);
      return JSON.stringify({
        ...entry,
        padding: 'p'.repeat(Math.max(0, r.bytes - JSON.stringify(entry).length - 13)),
      });
    case 'keys': {
      const extra = Object.fromEntries(Array.from({ length: r.keys }, (_, i) => [`k${i}`, i]));
      return JSON.stringify({ ...entry, ...extra });
    }
  }
}

// ---------------------------------------------------------------------------
// Tokens

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const decodePart = (s: string) =>
  JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * cognito-local signs with a key pair published in its npm package. Signing with it
 * lets a test make tokens whose signature verifies but whose claims are bad
 * (expired, wrong audience, no role): the checks after the signature are what
 * those cases prove. In AWS nobody holds the pool's private key.
 */
function cognitoLocalKey(): { key: KeyObject; kid: string; publicPem: string } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { jwk } = JSON.parse(fs.readFileSync(file, 'utf8')) as { jwk: Record<string, string> };
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const publicPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { key, kid: jwk.kid ?? 'CognitoLocal', publicPem };
}

function signRs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

/** Makes the Authorization header value a case asks for, from a real ID token (and access token) of the user. */
export function forgeAuthorization(
  kind: TokenKind,
  real: { id: string; access: string },
): string | undefined {
  const [h, p, s] = real.id.split('.') as [string, string, string];
  const header = decodePart(h);
  const claims = decodePart(p);
  const now = Math.floor(Date.now() / 1000);
  const local = () => cognitoLocalKey();
  const resign = (
    patch: Record<string, unknown>,
    drop: string[] = [],
    hdr: Record<string, unknown> = header,
  ) => {
    const c: Record<string, unknown> = { ...claims, ...patch };
    for (const d of drop) delete c[d];
    return `Bearer ${signRs256(hdr, c, local().key)}`;
  };
  switch (kind) {
    case 'valid':
      return `Bearer ${real.id}`;
    case 'none':
      return undefined;
    case 'empty-bearer':
      return 'Bearer ';
    case 'basic':
      return `Basic ${b64url('v-t01v001:Test#Pass2026')}`;
    case 'garbage':
      return 'Bearer abc.def.ghi';
    case 'truncated':
      return `Bearer ${real.id.slice(0, -20)}`;
    case 'alg-none':
      return `Bearer ${b64url(JSON.stringify({ alg: 'none', typ: 'JWT', kid: header.kid }))}.${p}.`;
    case 'wrong-key': {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return `Bearer ${signRs256(header, claims, privateKey)}`;
    }
    case 'hs256-public-key': {
      // Algorithm confusion: HMAC keyed with the server's public key.
      const hdr = b64url(JSON.stringify({ ...header, alg: 'HS256' }));
      const mac = createHmac('sha256', local().publicPem).update(`${hdr}.${p}`).digest();
      return `Bearer ${hdr}.${p}.${b64url(mac)}`;
    }
    case 'expired':
      return resign({ iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
    case 'not-yet-valid':
      return resign({ nbf: now + 3600 });
    case 'tampered-unit':
      return `Bearer ${h}.${b64url(JSON.stringify({ ...claims, 'custom:unit': claims['custom:unit'] === 'T02V001' ? 'T01V001' : 'T02V001', 'custom:town': 'T02' }))}.${s}`;
    case 'tampered-role':
      // Another role than the one the token carries, so the payload really differs.
      return `Bearer ${h}.${b64url(JSON.stringify({ ...claims, 'cognito:groups': [(claims['cognito:groups'] as string[] | undefined)?.includes('county-admin') ? 'auditor' : 'county-admin'] }))}.${s}`;
    case 'wrong-issuer':
      return resign({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_evil' });
    case 'wrong-audience':
      return resign({ aud: 'some-other-client' });
    case 'access-token':
      return `Bearer ${real.access}`;
    case 'unknown-kid':
      return resign({}, [], { ...header, kid: 'not-a-key-we-publish' });
    case 'no-role':
      return resign({ 'cognito:groups': [] });
    case 'two-roles':
      return resign({ 'cognito:groups': ['village-officer', 'county-admin'] });
    case 'no-unit':
      return resign({}, ['custom:unit']);
    case 'other-county':
      // Signed as cognito-local would for an account of another county: reaches nothing here.
      return resign({ 'custom:county': '610998' });
  }
}

// ---------------------------------------------------------------------------
// Per-route cases from the route table

/** A concrete path for a route, with each `{param}` filled. */
export function samplePath(route: RouteDef, fill = 'X0000001'): string {
  return route.path.replace(/\{(\w+)\+?\}/g, () => fill);
}

/** The test users the runner creates: one per role (village roles in T01V001, town roles in T01). */
export function userForRole(role: Role): string {
  return `h-${role}`;
}

const authKinds: { token: TokenKind; code: string }[] = [
  { token: 'none', code: 'AUTH.TOKEN_MISSING' },
  { token: 'empty-bearer', code: 'AUTH.TOKEN_MISSING' },
  { token: 'garbage', code: 'AUTH.TOKEN_INVALID' },
  { token: 'alg-none', code: 'AUTH.TOKEN_INVALID' },
  { token: 'wrong-key', code: 'AUTH.TOKEN_INVALID' },
  { token: 'expired', code: 'AUTH.TOKEN_EXPIRED' },
  { token: 'tampered-role', code: 'AUTH.TOKEN_INVALID' },
];

/**
 * Cases made for every route of the table: forged and missing tokens (401), a role
 * the route does not admit (403), and for routes with a body: invalid JSON and
 * UTF-8 (400) and a body over the limit (413). The roles come from the table.
 */
export function routeTableCases(table: readonly RouteDef[] = routes): HostileCase[] {
  const out: HostileCase[] = [];
  for (const r of table) {
    if (r.roles.length === 0) continue; // public: nothing to forge
    const base = { route: r.id, path: samplePath(r), as: userForRole(r.roles[0]!) };
    for (const a of authKinds) {
      out.push(
        caseSchema.parse({
          ...base,
          id: `route/${r.id}/token-${a.token}`,
          token: a.token,
          expect: 401,
          code: a.code,
        }),
      );
    }
    const denied = roles.find((x) => !r.roles.includes(x));
    if (denied) {
      out.push(
        caseSchema.parse({
          ...base,
          id: `route/${r.id}/role-denied`,
          as: userForRole(denied),
          expect: 403,
          code: 'AUTH.ROLE_DENIED',
        }),
      );
    }
    if (r.method === 'POST' || r.method === 'PUT') {
      out.push(
        caseSchema.parse({
          ...base,
          id: `route/${r.id}/invalid-json`,
          raw: '{"a":',
          expect: 400,
          code: 'REQUEST.INVALID_JSON',
        }),
      );
      out.push(
        caseSchema.parse({
          ...base,
          id: `route/${r.id}/invalid-utf8`,
          hex: '7b2261223a22ff227d',
          expect: 400,
          code: 'REQUEST.INVALID_UTF8',
        }),
      );
      out.push(
        caseSchema.parse({
          ...base,
          id: `route/${r.id}/over-limit`,
          make: { recipe: 'body', bytes: maxBodyBytes + 1, json: true },
          expect: 413,
          code: 'REQUEST.TOO_LARGE',
        }),
      );
    }
  }
  return out;
}
