/**
 * What a function may do, derived from what it declares: a route's `access`
 * (domain/*.routes.ts) or the job function's `jobAccess`. This is the one list
 * that turns access into IAM actions; the CDK app binds each grant to its
 * resources, and the assertion test checks the synthesised policies against the
 * route table (with its own list, written out apart from this one).
 *
 * Records are never deleted and only the seed writes in batches (locally), so no
 * function holds DeleteItem or BatchWriteItem; archived files are never deleted
 * and their retention never shortened.
 */
import type { RouteDef } from './route.ts';

export type Access = RouteDef['access'];

/** What a grant is on: the CDK app maps each target to its ARNs. */
export type GrantTarget = 'table' | 'archive-objects' | 'archive-bucket' | 'email' | 'user-pool';

export interface Grant {
  target: GrantTarget;
  actions: readonly string[];
}

const tableRead = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const tableWrite = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];
const archiveRead = ['s3:GetObject', 's3:GetObjectVersion'];
const archiveWrite = ['s3:PutObject'];
/** Report emails are MIME messages (nodemailer's composer): SendRawEmail only. */
const emailSend = ['ses:SendRawEmail'];
/** Only the admin calls the account functions make, on the county's pool. */
const userPoolAdmin = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
];

/** The grants one declaration means, every field of it. */
export function grantsOf(access: Access): Grant[] {
  const out: Grant[] = [];
  if (access.table)
    out.push({
      target: 'table',
      actions: access.table === 'write' ? [...tableRead, ...tableWrite] : tableRead,
    });
  if (access.archive) {
    out.push({
      target: 'archive-objects',
      actions: access.archive === 'write' ? [...archiveRead, ...archiveWrite] : archiveRead,
    });
    out.push({ target: 'archive-bucket', actions: ['s3:ListBucket'] });
  }
  if (access.email) out.push({ target: 'email', actions: emailSend });
  if (access.userPool === 'admin') out.push({ target: 'user-pool', actions: userPoolAdmin });
  // A field this function does not turn into grants is a mistake to catch at synth, not in AWS.
  const known = new Set(['table', 'archive', 'email', 'userPool']);
  for (const k of Object.keys(access))
    if (!known.has(k)) throw new Error(`GRANTS.UNKNOWN_ACCESS: access field "${k}" has no grants`);
  return out;
}

/** The grants of several declarations (routes served by one function): every action of each, per target. */
export function mergeGrants(accesses: readonly Access[]): Grant[] {
  const by = new Map<GrantTarget, Set<string>>();
  for (const a of accesses)
    for (const g of grantsOf(a)) {
      const set = by.get(g.target) ?? new Set<string>();
      g.actions.forEach((x) => set.add(x));
      by.set(g.target, set);
    }
  return [...by].map(([target, actions]) => ({ target, actions: [...actions].sort() }));
}

/** What the job function declares: it reads and writes records, archives reports and emails them. */
export const jobAccess: Access = { table: 'write', archive: 'write', email: true };
