/**
 * The user pool as the system needs it, read by the CDK app and by the local
 * runtime (cognito-local) alike, so both pools have the same attributes, client
 * flows, token lifetimes and password rules.
 */
import * as z from '../shared/zod-mini.ts';
import { roleSchema } from './roles.ts';

/** Pool name per deployment; the county code keeps pools of several counties apart in one account. */
export function userPoolName(countyCode: string): string {
  return `shouwang-${countyCode}`;
}

/** The forms site's app client: public (no secret), password sign-in and refresh only. */
export const appClient = {
  name: 'shouwang-forms',
  authFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  /**
   * ID tokens live one hour (Cognito's default); the forms refresh them a few
   * minutes before expiry. A disabled account therefore loses access within the
   * hour at most, because refresh is refused.
   */
  idTokenMinutes: 60,
  accessTokenMinutes: 60,
  /** Village officers sign in on shared phones in the field: a working week, not a month. */
  refreshTokenDays: 7,
} as const;

/**
 * Custom attributes (without the `custom:` prefix Cognito adds). They appear as
 * `custom:unit`, `custom:town`, `custom:county` in the ID token and are written
 * only by the administrator (not user-writable on the app client).
 */
export const customAttributes = ['unit', 'town', 'county'] as const;
export type CustomAttribute = (typeof customAttributes)[number];

/**
 * Password rules, identical to Cognito's default policy. Cognito enforces them
 * in AWS; cognito-local does not, so the forms check them too, and they are
 * explained to the person in Chinese.
 */
export const passwordPolicy = {
  minLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  /** Days a temporary password set by the administrator stays valid. */
  temporaryPasswordValidityDays: 7,
} as const;

/** Cognito's accepted special characters (its documented set, including the space). */
const cognitoSymbols = `^$*.[]{}()?"!@#%&/\\,><':;|_~\`=+- `;

/** The policy in one sentence, shown beside the new-password field. */
export const passwordPolicyText = `密码至少 ${passwordPolicy.minLength} 位，须同时包含大写字母、小写字母、数字和特殊符号（如 ! @ # $ % & * ?）。`;

/** Chinese messages for every rule `password` breaks; empty when it complies. */
export function passwordPolicyIssues(password: string): string[] {
  const issues: string[] = [];
  if ([...password].length < passwordPolicy.minLength) issues.push(`至少 ${passwordPolicy.minLength} 位`);
  if (passwordPolicy.requireUppercase && !/[A-Z]/.test(password)) issues.push('须包含大写字母');
  if (passwordPolicy.requireLowercase && !/[a-z]/.test(password)) issues.push('须包含小写字母');
  if (passwordPolicy.requireNumbers && !/[0-9]/.test(password)) issues.push('须包含数字');
  if (passwordPolicy.requireSymbols && ![...password].some((ch) => cognitoSymbols.includes(ch))) {
    issues.push('须包含特殊符号');
  }
  return issues;
}

/** A new password as the forms and the admin tools accept it. */
export const newPasswordSchema = z.string().check(
  z.superRefine((pw, ctx) => {
    const issues = passwordPolicyIssues(pw);
    if (issues.length > 0) ctx.addIssue({ code: 'custom', message: `密码不符合要求：${issues.join('，')}` });
  }),
);

/**
 * A staff account as the county administrator creates it from the staff
 * directory. `unitId` is the person's village, town, department or county id;
 * `townId` is set for village- and town-level staff.
 */
export const staffAccountSchema = z.object({
  username: z.string().check(
    z.regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
      error: '用户名须为 3–64 位小写字母、数字、点、下划线或连字符',
    }),
  ),
  name: z.string().check(z.minLength(1), z.maxLength(30)),
  email: z.email(),
  role: roleSchema,
  unitId: z.string().check(z.regex(/^[A-Z0-9-]{1,32}$/)),
  townId: z.optional(z.string().check(z.regex(/^[A-Z0-9-]{1,32}$/))),
  countyCode: z.string().check(z.regex(/^\d{6}$/)),
  /** Handed to the person; they must replace it at first sign-in. */
  temporaryPassword: z.optional(newPasswordSchema),
  /** Demo accounts only: a permanent password, so they can sign in at once. */
  password: z.optional(newPasswordSchema),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;
