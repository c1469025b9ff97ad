import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roleLabels, roles } from '#domain/auth/roles.ts';
import { appClient, customAttributes, passwordPolicy, userPoolName } from '#domain/auth/user-pool.ts';
import type { DeploymentConfig } from '../config.ts';

/** Props of {@link Auth}. */
export interface AuthProps {
  /** Feature plan and MFA mode, from the deployment configuration. */
  readonly auth: DeploymentConfig['auth'];
  /** The county whose staff sign in (names the pool). */
  readonly countyCode: string;
}

/**
 * Sign-in for county staff: administrators create every account (no self sign-up),
 * the Cognito group is the role of `domain/auth/roles.ts`, and the org unit, town
 * and county are custom attributes that `functions/shared/auth.ts` reads from the
 * ID token. Attributes, client flows, token lifetimes and password rules come from
 * `domain/auth/user-pool.ts`, which cognito-local is set up from too.
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const plus = props.auth.plusFeaturePlan;
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: userPoolName(props.countyCode),
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        fullname: { required: true, mutable: true },
        email: { required: false, mutable: true },
      },
      // Administrators move staff between units, so the attributes stay mutable (by admins only: see the client).
      customAttributes: Object.fromEntries(
        customAttributes.map((name) => [name, new cognito.StringAttribute({ maxLen: 64, mutable: true })]),
      ),
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireNumbers,
        requireSymbols: passwordPolicy.requireSymbols,
        tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordValidityDays),
      },
      mfa: props.auth.mfa === 'required' ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      // Authenticator apps only: SMS would need an SNS role, per-message fees and Chinese sender registration.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(plus ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    roles.forEach((role, precedence) => {
      new cognito.UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: roleLabels[role],
        precedence,
      });
    });

    this.client = this.userPool.addClient('FormsClient', {
      userPoolClientName: appClient.name,
      // A public client: the forms run in the browser, where no secret can be kept.
      generateSecret: false,
      // ALLOW_USER_PASSWORD_AUTH; CDK always adds ALLOW_REFRESH_TOKEN_AUTH.
      authFlows: { userPassword: appClient.authFlows.includes('ALLOW_USER_PASSWORD_AUTH') },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(appClient.idTokenMinutes),
      accessTokenValidity: Duration.minutes(appClient.accessTokenMinutes),
      refreshTokenValidity: Duration.days(appClient.refreshTokenDays),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true })
        .withCustomAttributes(...customAttributes),
      // Users must never change their own unit, town or county: those decide what they may see.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    const reasons: { id: string; reason: string }[] = [];
    if (props.auth.mfa !== 'required') {
      reasons.push({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional by configuration: many village officers share basic phones without an authenticator app; administrators and auditors turn TOTP on for themselves, and `auth.mfa: required` forces it for all.',
      });
    }
    if (!plus) {
      reasons.push({
        id: 'AwsSolutions-COG8',
        reason:
          'The demo runs on the Essentials plan (free for the first 10,000 users); the Plus plan costs about USD 0.02 per active user a month and is switched on with `auth.plusFeaturePlan` (on in the prod environment).',
      });
    }
    if (reasons.length) Validations.of(this.userPool).acknowledge(...reasons);
  }

  /** The issuer of the pool's tokens, as API Gateway and `aws-jwt-verify` expect it. */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
