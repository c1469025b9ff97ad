/**
 * Sign-in accounts of staff, through the Cognito admin API: created from the
 * staff directory by the county administrator with a temporary password (the
 * person must choose their own at first sign-in), and disabled when the member of
 * staff is. The client is built once; its endpoint comes from the SDK's own
 * variable (`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`), set only locally.
 */
import { randomBytes, randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  UsernameExistsException,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { roles, type Role } from '#domain/auth/roles.ts';
import type { Staff } from '#domain/org/staff.schema.ts';
import { envNames } from '#domain/system/resources.ts';
import { requireEnv } from '../platform/env.ts';

let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({ maxAttempts: 3 }));
const pool = () => requireEnv(envNames.userPoolId);

/** Account state as the accounts page shows it. */
export type AccountState = 'none' | 'must-change-password' | 'active' | 'disabled';

export interface AccountInfo {
  username: string;
  state: AccountState;
}

/**
 * A temporary password that meets the pool's policy: upper and lower case,
 * digits and a symbol, 12 characters, from a CSPRNG; no look-alike characters,
 * since it is read out over the phone.
 */
export function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)] as string;
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const symbols = '#%&*!?';
  const chars = [pick(upper), pick(lower), pick(digits), pick(symbols)];
  while (chars.length < 12) chars.push(pick(upper + lower + digits));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function attributesOf(s: Staff, countyCode: string) {
  return [
    { Name: 'name', Value: s.name },
    { Name: 'email', Value: s.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'custom:unit', Value: s.unitId },
    { Name: 'custom:county', Value: countyCode },
    ...(s.townId ? [{ Name: 'custom:town', Value: s.townId }] : []),
  ];
}

async function setGroup(username: string, role: Role): Promise<void> {
  const { Groups = [] } = await cognito().send(
    new AdminListGroupsForUserCommand({ UserPoolId: pool(), Username: username }),
  );
  for (const g of Groups) {
    if (g.GroupName && g.GroupName !== role && (roles as readonly string[]).includes(g.GroupName)) {
      await cognito().send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: pool(),
          Username: username,
          GroupName: g.GroupName,
        }),
      );
    }
  }
  if (!Groups.some((g) => g.GroupName === role)) {
    await cognito().send(
      new AdminAddUserToGroupCommand({ UserPoolId: pool(), Username: username, GroupName: role }),
    );
  }
}

/**
 * Creates (or re-enables) the account of a member of staff with a new temporary
 * password, which the administrator hands over; Cognito sends no email
 * (`SUPPRESS`) because village officers' mailboxes are often not read.
 * An account that already exists and is enabled is left as it is (`created: false`).
 */
export async function createAccount(
  s: Staff,
  countyCode: string,
): Promise<{ created: boolean; temporaryPassword?: string }> {
  const password = temporaryPassword();
  try {
    await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: pool(),
        Username: s.username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: password,
        UserAttributes: attributesOf(s, countyCode),
      }),
    );
  } catch (e) {
    if (
      !(e instanceof UsernameExistsException) &&
      (e as { name?: string }).name !== 'UsernameExistsException'
    )
      throw e;
    const state = (await accountStates([s.username])).get(s.username);
    if (state !== 'disabled') return { created: false };
    // Re-enabling: a fresh temporary password, the attributes and group as the directory has them now.
    await cognito().send(new AdminEnableUserCommand({ UserPoolId: pool(), Username: s.username }));
    await cognito().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool(),
        Username: s.username,
        UserAttributes: attributesOf(s, countyCode),
      }),
    );
    await cognito().send(
      new AdminSetUserPasswordCommand({
        UserPoolId: pool(),
        Username: s.username,
        Password: password,
        Permanent: false,
      }),
    );
  }
  await setGroup(s.username, s.role);
  return { created: true, temporaryPassword: password };
}

/**
 * Disables an account; false when there is none. AdminDisableUser is what AWS
 * needs. cognito-local still signs disabled users in and refreshes their tokens,
 * so the password is also replaced by a random one and the role groups are
 * removed (a token minted anyway carries no role and is refused); harmless in
 * AWS, where re-enabling goes through `createAccount` and restores both.
 */
export async function disableAccount(username: string): Promise<boolean> {
  try {
    await cognito().send(new AdminDisableUserCommand({ UserPoolId: pool(), Username: username }));
  } catch (e) {
    if (e instanceof UserNotFoundException || (e as { name?: string }).name === 'UserNotFoundException')
      return false;
    throw e;
  }
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool(),
      Username: username,
      Password: `Dx${randomBytes(18).toString('base64url')}9!`,
      Permanent: true,
    }),
  );
  const { Groups = [] } = await cognito().send(
    new AdminListGroupsForUserCommand({ UserPoolId: pool(), Username: username }),
  );
  for (const g of Groups) {
    if (g.GroupName) {
      await cognito().send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: pool(),
          Username: username,
          GroupName: g.GroupName,
        }),
      );
    }
  }
  return true;
}

function stateOf(u: UserType): AccountState {
  if (u.Enabled === false) return 'disabled';
  return u.UserStatus === 'FORCE_CHANGE_PASSWORD' ? 'must-change-password' : 'active';
}

/** The state of each account of the pool (one paged listing, not one call per person). */
export async function accountStates(only?: readonly string[]): Promise<Map<string, AccountState>> {
  const states = new Map<string, AccountState>();
  let token: string | undefined;
  do {
    const out = await cognito().send(
      new ListUsersCommand({ UserPoolId: pool(), PaginationToken: token, Limit: 60 }),
    );
    for (const u of out.Users ?? []) if (u.Username) states.set(u.Username, stateOf(u));
    token = out.PaginationToken;
  } while (token);
  if (only) for (const k of [...states.keys()]) if (!only.includes(k)) states.delete(k);
  return states;
}
