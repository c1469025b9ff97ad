/**
 * cognito-local as the embedded stack's user pool: started as a child process
 * (its own data folder, its own port), then brought to the same shape as the
 * AWS pool the CDK app builds from `domain/auth/user-pool.ts`: one pool, one
 * public app client, one group per role.
 *
 * cognito-local 5.3 differs from Cognito in ways that matter here (see
 * `disableUser`): it signs tokens with a key published in its npm package, it
 * does not check the temporary password before the NEW_PASSWORD_REQUIRED
 * challenge, it does not enforce the password policy, and it lets disabled
 * users sign in. Never point a deployed function at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { roleLabels, roles } from '#domain/auth/roles.ts';
import {
  appClient,
  customAttributes,
  passwordPolicy,
  staffAccountSchema,
  userPoolName,
  type StaffAccount,
} from '#domain/auth/user-pool.ts';
import { demoCountyConfig } from '#domain/config/county-config.ts';

export interface CognitoLocalOptions {
  /** Folder for cognito-local's `.cognito/` (config and pools); created when missing. */
  dataDir: string;
  port: number;
  /** Interface to listen on; also the host in the token issuer. Default 127.0.0.1. */
  host?: string;
  /** County whose pool to ensure (`shouwang-<countyCode>`). Default: the demo county. */
  countyCode?: string;
  /** Milliseconds to wait for cognito-local to answer. Default 30 s. */
  startTimeoutMs?: number;
}

export interface CognitoLocal {
  /** Cognito API endpoint for the SDK and the browser (`http://host:port`). */
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** `iss` of the tokens: what `JWT_ISSUER` must be. */
  issuer: string;
  /** What `JWKS_URI` must be. */
  jwksUri: string;
  /** An SDK client pointed at this instance (admin calls need no real credentials). */
  client: CognitoIdentityProviderClient;
  /** Environment variables a function needs to verify this pool's tokens. */
  env: Record<'JWT_ISSUER' | 'JWKS_URI' | 'USER_POOL_ID' | 'USER_POOL_CLIENT_ID', string>;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const region = 'local';

/** Fails with a clear message when something already listens on `host:port`. */
async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((done, fail) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      fail(
        err.code === 'EADDRINUSE'
          ? new Error(
              `COGNITO.PORT_IN_USE: port ${port} on ${host} is already in use; stop the other process or choose another port for cognito-local`,
            )
          : err,
      );
    });
    probe.listen(port, host, () => probe.close(() => done()));
  });
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `COGNITO.START_FAILED: cognito-local exited (${child.exitCode ?? child.signalCode}):\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `COGNITO.START_TIMEOUT: cognito-local did not answer at ${endpoint} within ${timeoutMs} ms:\n${output()}`,
  );
}

/**
 * Starts cognito-local and ensures the pool, app client and role groups exist.
 * Idempotent over restarts on the same `dataDir`: the pool and client are found
 * by name, so their ids (and therefore the issuer) stay stable.
 */
export async function startCognito(opts: CognitoLocalOptions): Promise<CognitoLocal> {
  const host = opts.host ?? '127.0.0.1';
  const { port } = opts;
  const endpoint = `http://${host}:${port}`;
  const dataDir = resolve(opts.dataDir);
  await assertPortFree(host, port);

  await mkdir(join(dataDir, '.cognito'), { recursive: true });
  const config = {
    // The issuer must name the address the verifier fetches keys from.
    TokenConfig: { IssuerDomain: endpoint },
    ServerConfig: { hostname: host, port },
    // Plain usernames, as in the AWS pool (cognito-local defaults to e-mail usernames).
    UserPoolDefaults: { UsernameAttributes: [] },
  };
  await writeFile(join(dataDir, '.cognito', 'config.json'), JSON.stringify(config, null, 2));

  const bin = require.resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [bin], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), HOST: host, DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // cognito-local does not notice its parent dying: take it down with us.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };

  try {
    await waitUntilAnswering(endpoint, child, () => log, opts.startTimeoutMs ?? 30_000);
    const client = new CognitoIdentityProviderClient({
      endpoint,
      region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const userPoolId = await ensurePool(client, userPoolName(opts.countyCode ?? demoCountyConfig.countyCode));
    // As the deployed pool (infra/constructs/auth.ts, `auth.mfa: optional`): an authenticator app
    // (TOTP) is asked for at sign-in once a person has set one up, SMS never.
    await client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const clientId = await ensureAppClient(client, userPoolId);
    await ensureGroups(client, userPoolId);
    const issuer = `${endpoint}/${userPoolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    return {
      endpoint,
      region,
      userPoolId,
      clientId,
      issuer,
      jwksUri,
      client,
      env: { JWT_ISSUER: issuer, JWKS_URI: jwksUri, USER_POOL_ID: userPoolId, USER_POOL_CLIENT_ID: clientId },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function ensurePool(client: CognitoIdentityProviderClient, name: string): Promise<string> {
  // cognito-local returns every pool on the first page.
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const found = UserPools.find((p) => p.Name === name);
  if (found?.Id) return found.Id;
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: passwordPolicy.minLength,
          RequireUppercase: passwordPolicy.requireUppercase,
          RequireLowercase: passwordPolicy.requireLowercase,
          RequireNumbers: passwordPolicy.requireNumbers,
          RequireSymbols: passwordPolicy.requireSymbols,
          TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
        },
      },
      Schema: customAttributes.map((a) => ({ Name: a, AttributeDataType: 'String', Mutable: true })),
    }),
  );
  const id = created.UserPool?.Id;
  if (!id) throw new Error('COGNITO.POOL_NOT_CREATED: cognito-local returned no pool id');
  return id;
}

async function ensureAppClient(client: CognitoIdentityProviderClient, userPoolId: string): Promise<string> {
  const { UserPoolClients = [] } = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  const found = UserPoolClients.find((c) => c.ClientName === appClient.name);
  if (found?.ClientId) return found.ClientId;
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: appClient.name,
      GenerateSecret: false,
      ExplicitAuthFlows: [...appClient.authFlows],
      IdTokenValidity: appClient.idTokenMinutes,
      AccessTokenValidity: appClient.accessTokenMinutes,
      RefreshTokenValidity: appClient.refreshTokenDays,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
      // Staff cannot change their own unit or county: only the administrator writes custom attributes.
      WriteAttributes: ['name', 'email'],
    }),
  );
  const id = created.UserPoolClient?.ClientId;
  if (!id) throw new Error('COGNITO.CLIENT_NOT_CREATED: cognito-local returned no client id');
  return id;
}

async function ensureGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const { Groups = [] } = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const have = new Set(Groups.map((g) => g.GroupName));
  for (const role of roles) {
    if (have.has(role)) continue;
    await client.send(
      new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Description: roleLabels[role] }),
    );
  }
}

/** A temporary password that satisfies the policy, for accounts created without one. */
export function generateTemporaryPassword(): string {
  const body = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Sw${body}7!`;
}

export interface EnsuredUser {
  username: string;
  /** False when the account already existed (nothing about it was changed but its role group). */
  created: boolean;
  /** Set when the account was created with a temporary password the person must change. */
  temporaryPassword?: string;
}

/**
 * Creates the staff accounts that do not exist yet, each in its role's group and
 * with its unit, town and county as custom attributes. Existing accounts keep
 * their password; their group is made to match `role` (one role per account).
 * With `password` the account is usable at once (demo accounts); otherwise the
 * person must replace the temporary password at first sign-in.
 */
export async function ensureUsers(
  c: Pick<CognitoLocal, 'client' | 'userPoolId'>,
  users: readonly StaffAccount[],
): Promise<EnsuredUser[]> {
  const result: EnsuredUser[] = [];
  for (const input of users) {
    const u = staffAccountSchema.parse(input);
    const exists = await c.client
      .send(new AdminGetUserCommand({ UserPoolId: c.userPoolId, Username: u.username }))
      .then(() => true)
      .catch((e: unknown) => {
        if (e instanceof UserNotFoundException) return false;
        throw e;
      });
    let temporaryPassword: string | undefined;
    if (!exists) {
      temporaryPassword = u.password ? undefined : (u.temporaryPassword ?? generateTemporaryPassword());
      await c.client.send(
        new AdminCreateUserCommand({
          UserPoolId: c.userPoolId,
          Username: u.username,
          // Accounts come from the staff directory; the administrator hands out the password.
          MessageAction: 'SUPPRESS',
          TemporaryPassword: u.password ?? temporaryPassword,
          UserAttributes: [
            { Name: 'name', Value: u.name },
            { Name: 'email', Value: u.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'custom:unit', Value: u.unitId },
            { Name: 'custom:county', Value: u.countyCode },
            ...(u.townId ? [{ Name: 'custom:town', Value: u.townId }] : []),
          ],
        }),
      );
      if (u.password) {
        await c.client.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: c.userPoolId,
            Username: u.username,
            Password: u.password,
            Permanent: true,
          }),
        );
      }
    }
    await setRoleGroup(c, u.username, u.role);
    result.push({
      username: u.username,
      created: !exists,
      ...(temporaryPassword ? { temporaryPassword } : {}),
    });
  }
  return result;
}

async function setRoleGroup(
  c: Pick<CognitoLocal, 'client' | 'userPoolId'>,
  username: string,
  role: StaffAccount['role'],
) {
  const { Groups = [] } = await c.client.send(
    new AdminListGroupsForUserCommand({ UserPoolId: c.userPoolId, Username: username }),
  );
  for (const g of Groups) {
    if (g.GroupName && g.GroupName !== role && (roles as readonly string[]).includes(g.GroupName)) {
      await c.client.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: c.userPoolId,
          Username: username,
          GroupName: g.GroupName,
        }),
      );
    }
  }
  if (!Groups.some((g) => g.GroupName === role)) {
    await c.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: c.userPoolId, Username: username, GroupName: role }),
    );
  }
}

/**
 * Disables a staff account. In AWS, AdminDisableUser alone refuses sign-in and
 * refresh. cognito-local 5.3 records the flag but still signs the user in and
 * refreshes their tokens, so locally we also replace the password with a random
 * one (no password sign-in) and take the account out of its role groups (any
 * token still minted by refresh carries no role and is refused with 401).
 * Re-enabling is `ensureUsers` with a new password after AdminEnableUser.
 */
export async function disableUser(
  c: Pick<CognitoLocal, 'client' | 'userPoolId'>,
  username: string,
): Promise<void> {
  await c.client.send(new AdminDisableUserCommand({ UserPoolId: c.userPoolId, Username: username }));
  await c.client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: c.userPoolId,
      Username: username,
      Password: generateTemporaryPassword() + randomBytes(12).toString('hex'),
      Permanent: true,
    }),
  );
  const { Groups = [] } = await c.client.send(
    new AdminListGroupsForUserCommand({ UserPoolId: c.userPoolId, Username: username }),
  );
  for (const g of Groups) {
    if (!g.GroupName) continue;
    await c.client.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: c.userPoolId,
        Username: username,
        GroupName: g.GroupName,
      }),
    );
  }
}

/** A free TCP port, for tests that start their own instance. */
export { freePort } from './ports.ts';
