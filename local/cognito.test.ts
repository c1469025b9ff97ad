/**
 * The embedded user pool: started for real, brought to the shape of the AWS pool,
 * idempotent over restarts, accounts created from the staff directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminListGroupsForUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '#domain/auth/roles.ts';
import type { StaffAccount } from '#domain/auth/user-pool.ts';
import { principalFromClaims } from '#functions/platform/auth.ts';
import { disableUser, ensureUsers, freePort, startCognito, type CognitoLocal } from './cognito.ts';

const county = '610999';
const password = 'Shouwang-2026!';
let dataDir: string;
let port: number;
let cognito: CognitoLocal;

const claimsOf = (jwt: string | undefined) =>
  JSON.parse(Buffer.from(jwt?.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

const passwordSignIn = (username: string, pw: string) =>
  cognito.client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cognito.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: pw },
    }),
  );

const townStaff: StaffAccount = {
  username: 'zhen-wang',
  name: '王镇干部',
  email: 'zhen-wang@example.test',
  role: 'town-staff',
  unitId: 'T-01',
  townId: 'T-01',
  countyCode: county,
  password,
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shouwang-cognito-'));
  port = await freePort();
  cognito = await startCognito({ dataDir, port, countyCode: county });
});

afterAll(async () => {
  await cognito?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('startCognito', () => {
  it('creates the pool with the custom attributes, a public client and one group per role', async () => {
    const { UserPool } = await cognito.client.send(
      new DescribeUserPoolCommand({ UserPoolId: cognito.userPoolId }),
    );
    expect(UserPool?.Name).toBe(`shouwang-${county}`);
    const attrs = (UserPool?.SchemaAttributes ?? []).map((a) => a.Name);
    expect(attrs).toEqual(expect.arrayContaining(['custom:unit', 'custom:town', 'custom:county']));
    const { UserPoolClient } = await cognito.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientId: cognito.clientId }),
    );
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual([
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
    const { Groups = [] } = await cognito.client.send(
      new ListGroupsCommand({ UserPoolId: cognito.userPoolId }),
    );
    expect(Groups.map((g) => g.GroupName).sort()).toEqual([...roles].sort());
    expect(cognito.issuer).toBe(`http://127.0.0.1:${port}/${cognito.userPoolId}`);
    const jwks = (await (await fetch(cognito.jwksUri)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
  });

  it('refuses a port that is already in use with a clear error', async () => {
    const other = await mkdtemp(join(tmpdir(), 'shouwang-cognito-busy-'));
    try {
      await expect(startCognito({ dataDir: other, port })).rejects.toThrow(
        /COGNITO\.PORT_IN_USE: port \d+ on 127\.0\.0\.1 is already in use/,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('finds the same pool, client and users again after a restart on the same data folder', async () => {
    await ensureUsers(cognito, [townStaff]);
    const before = { pool: cognito.userPoolId, client: cognito.clientId };
    await cognito.stop();
    cognito = await startCognito({ dataDir, port, countyCode: county });
    expect({ pool: cognito.userPoolId, client: cognito.clientId }).toEqual(before);
    const again = await ensureUsers(cognito, [townStaff]);
    expect(again).toEqual([{ username: 'zhen-wang', created: false }]);
    const res = await passwordSignIn('zhen-wang', password);
    expect(claimsOf(res.AuthenticationResult?.IdToken)).toMatchObject({
      'cognito:groups': ['town-staff'],
      'custom:unit': 'T-01',
    });
  });
});

describe('ensureUsers', () => {
  it('makes a demo account usable at once, with its role and unit in the ID token', async () => {
    const [made] = await ensureUsers(cognito, [
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
    ]);
    expect(made).toEqual({ username: 'cun-li', created: true });
    const res = await passwordSignIn('cun-li', password);
    const p = principalFromClaims(claimsOf(res.AuthenticationResult?.IdToken));
    expect(p).toMatchObject({ role: 'village-officer', unitId: 'V-001', townId: 'T-01', countyCode: county });
  });

  it('forces a new password at first sign-in for an account made with a temporary one', async () => {
    const [made] = await ensureUsers(cognito, [
      {
        username: 'xian-zhao',
        name: '赵管理员',
        email: 'xian-zhao@example.test',
        role: 'county-admin',
        unitId: county,
        countyCode: county,
      },
    ]);
    expect(made?.created).toBe(true);
    const temporary = made?.temporaryPassword ?? '';
    expect(temporary).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[!]).{8,}$/);
    const first = await passwordSignIn('xian-zhao', temporary);
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await cognito.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: cognito.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: {
          USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? 'xian-zhao',
          NEW_PASSWORD: 'Zhao-New-2026!',
        },
      }),
    );
    expect(claimsOf(done.AuthenticationResult?.IdToken)['cognito:groups']).toEqual(['county-admin']);
    const later = await passwordSignIn('xian-zhao', 'Zhao-New-2026!');
    expect(later.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('moves an existing account to its new role group, keeping exactly one', async () => {
    await ensureUsers(cognito, [{ ...townStaff, role: 'leader' }]);
    const { Groups = [] } = await cognito.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: cognito.userPoolId, Username: 'zhen-wang' }),
    );
    expect(Groups.map((g) => g.GroupName)).toEqual(['leader']);
    await ensureUsers(cognito, [townStaff]);
  });

  it('refuses an account with an unknown role or a weak password before calling Cognito', async () => {
    await expect(
      ensureUsers(cognito, [{ ...townStaff, username: 'bad-role', role: 'chief' as never }]),
    ).rejects.toThrow();
    await expect(
      ensureUsers(cognito, [{ ...townStaff, username: 'weak-pw', password: 'abc' }]),
    ).rejects.toThrow(/密码不符合要求/);
  });
});

describe('disableUser', () => {
  it('ends password sign-in, and a refreshed token carries no role any more', async () => {
    await ensureUsers(cognito, [
      {
        username: 'cun-zhou',
        name: '周信息员',
        email: 'cun-zhou@example.test',
        role: 'village-officer',
        unitId: 'V-002',
        townId: 'T-01',
        countyCode: county,
        password,
      },
    ]);
    const before = await passwordSignIn('cun-zhou', password);
    await disableUser(cognito, 'cun-zhou');
    await expect(passwordSignIn('cun-zhou', password)).rejects.toThrow();
    const refreshed = await cognito.client.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: cognito.clientId,
        AuthParameters: { REFRESH_TOKEN: before.AuthenticationResult?.RefreshToken ?? '' },
      }),
    );
    // cognito-local still refreshes a disabled user (Cognito would not); the token is useless.
    expect(() => principalFromClaims(claimsOf(refreshed.AuthenticationResult?.IdToken))).toThrow(
      /账号未分配角色或单位/,
    );
  });
});
