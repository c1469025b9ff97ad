/**
 * Per-environment deployment configuration: everything that differs between one
 * county's deployment and another (or between the demo and production) lives here,
 * typed, and is validated with zod when the app synthesizes, so a wrong value
 * stops `npm run synth` with a message naming the field instead of failing half
 * way through a CloudFormation deployment.
 *
 * Choosing an environment: CDK context `-c env=<name>` (when run by the aws-cdk
 * CLI) or the variable `SHOUWANG_ENV`; `demo` by default. A county's own values
 * (county configuration, sender address, domain...) come from a JSON file named by
 * context `-c config=<file>` or `SHOUWANG_CONFIG`, merged over the named environment.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { countyConfigSchema, demoCountyConfig } from '#domain/config/county-config.ts';

const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

/** CloudWatch Logs accepts only these retention periods (days). */
const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const deploymentConfigSchema = z
  .object({
    /** Short name used in the stack name and resource names, e.g. `demo`, `prod`. */
    envName: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, {
      error: 'envName must be 2-16 characters: lower-case letters, digits and dashes, starting with a letter',
    }),
    /** Target account and region; left out, the stack is environment-agnostic (the CLI's defaults apply). */
    aws: z
      .object({
        account: z
          .string()
          .regex(/^\d{12}$/, { error: 'aws.account must be a 12-digit AWS account id' })
          .optional(),
        region: z
          .string()
          .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'aws.region must look like ap-southeast-1' })
          .optional(),
      })
      .default({}),
    /** The county the deployment serves (code, name, yearly thresholds, deadlines); passed to every function. */
    county: countyConfigSchema,
    site: z
      .object({
        /** Custom domain for the forms site and API; without it the CloudFront domain is used. */
        domainName: z
          .string()
          .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, {
            error: 'site.domainName must be a host name such as shouwang.example.gov.cn',
          })
          .optional(),
        /** ACM certificate for `domainName`; CloudFront requires it to be in us-east-1. */
        certificateArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, {
            error:
              'site.certificateArn must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)',
          })
          .optional(),
        /** ISO 3166 alpha-2 codes allowed to reach the site; empty means no geographic restriction. */
        allowedCountries: z
          .array(z.string().regex(/^[A-Z]{2}$/, { error: 'country codes are two capital letters, e.g. CN' }))
          .default([]),
      })
      .default({ allowedCountries: [] }),
    email: z.object({
      /** The From address of every report and letter. */
      senderAddress: z.email({ error: 'email.senderAddress must be an e-mail address' }),
      /** Verify the whole domain (DKIM) instead of the single address; recommended once DNS can be changed. */
      verifyDomain: z.boolean().default(false),
    }),
    archive: z.object({
      /** Years every archived report is kept unchangeable (S3 Object Lock default retention). */
      retentionYears: z
        .number()
        .int()
        .min(1, { error: 'archive.retentionYears must be at least 1' })
        .max(100),
      /**
       * GOVERNANCE lets a privileged administrator remove a locked object (for a demo);
       * COMPLIANCE makes the lock binding on everyone, the root user included.
       */
      lockMode: z.enum(['GOVERNANCE', 'COMPLIANCE']),
      /** Days after which archived reports move to Glacier Instant Retrieval (still downloadable at once). */
      coldAfterDays: z.number().int().min(30, { error: 'archive.coldAfterDays must be at least 30' }),
      /** Days S3/CloudFront access logs are kept. */
      accessLogDays: z.number().int().min(30).default(365),
    }),
    logs: z.object({
      /** CloudWatch retention of function and API logs. */
      retentionDays: z.number().refine((d) => (logRetentionDays as readonly number[]).includes(d), {
        error: `logs.retentionDays must be one of ${logRetentionDays.join(', ')}`,
      }),
      /** Powertools `POWERTOOLS_LOG_LEVEL`. */
      level: z.enum(logLevels),
      /** Powertools `POWERTOOLS_SERVICE_NAME`. */
      serviceName: z.string().min(1).default('shouwang'),
    }),
    api: z
      .object({
        /** Steady-state requests per second across the API. */
        throttleRate: z.number().int().positive(),
        /** Burst of requests allowed above the rate. */
        throttleBurst: z.number().int().positive(),
      })
      .default({ throttleRate: 50, throttleBurst: 100 }),
    auth: z
      .object({
        /** Cognito Plus plan (threat protection: compromised-password and risky sign-in checks); billed per user. */
        plusFeaturePlan: z.boolean(),
        /** `optional` lets each user turn on TOTP; `required` forces it for everyone. */
        mfa: z.enum(['optional', 'required']),
      })
      .default({ plusFeaturePlan: false, mfa: 'optional' }),
    jobs: z
      .object({
        /** Scheduler and Lambda retries of a job invocation before it lands in the dead-letter queue. */
        retryAttempts: z.number().int().min(0).max(185),
        /** Oldest an undelivered job event may get (seconds) before it goes to the dead-letter queue. */
        maxEventAgeSeconds: z.number().int().min(60).max(21_600),
      })
      .default({ retryAttempts: 2, maxEventAgeSeconds: 6 * 3600 }),
    alarms: z
      .object({
        /** Address subscribed to the alarm topic; the county confirms the subscription by e-mail. */
        email: z.email({ error: 'alarms.email must be an e-mail address' }).optional(),
      })
      .default({}),
  })
  .superRefine((value, ctx) => {
    const site = value.site;
    if (site.domainName && !site.certificateArn) {
      ctx.addIssue({
        code: 'custom',
        path: ['site', 'certificateArn'],
        message: 'site.certificateArn is required when site.domainName is set',
      });
    }
    if (site.certificateArn && !site.domainName) {
      ctx.addIssue({
        code: 'custom',
        path: ['site', 'domainName'],
        message: 'site.domainName is required when site.certificateArn is set',
      });
    }
  });

/** The validated configuration the constructs read. */
export type DeploymentConfig = z.output<typeof deploymentConfigSchema>;
/** What an environment or a county's JSON file may say before defaults apply. */
export type DeploymentConfigInput = z.input<typeof deploymentConfigSchema>;

/** A partial input: what a named environment or a county file contributes. */
type PartialInput = { [K in keyof DeploymentConfigInput]?: unknown };

/**
 * The named environments. `demo` is complete and works offline on a fresh clone;
 * `prod` holds the hardened defaults and needs the county's own file for the rest.
 */
export const environments: Record<string, PartialInput> = {
  demo: {
    envName: 'demo',
    county: demoCountyConfig,
    email: { senderAddress: 'reports@example.com' },
    // A demo must be removable: GOVERNANCE locks can be lifted by an administrator.
    archive: { retentionYears: 1, lockMode: 'GOVERNANCE', coldAfterDays: 90, accessLogDays: 90 },
    logs: { retentionDays: 30, level: 'DEBUG' },
  },
  prod: {
    envName: 'prod',
    site: { allowedCountries: ['CN'] },
    // Government records: ten years unchangeable, binding even on the account's root user.
    archive: { retentionYears: 10, lockMode: 'COMPLIANCE', coldAfterDays: 90, accessLogDays: 365 },
    logs: { retentionDays: 365, level: 'INFO' },
    api: { throttleRate: 100, throttleBurst: 200 },
    auth: { plusFeaturePlan: true, mfa: 'optional' },
  },
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges `over` into `base`: objects key by key, everything else (arrays included) replaced. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** Thrown when the configuration is invalid; the message lists every problem by field path. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates an environment's configuration and returns it with defaults applied.
 * @param envName one of `environments`
 * @param overrides the county's own values (parsed JSON), merged over the environment
 */
export function loadConfig(envName: string, overrides?: unknown): DeploymentConfig {
  const base = environments[envName];
  if (!base) {
    throw new ConfigError(`Unknown environment "${envName}"; known: ${Object.keys(environments).join(', ')}`);
  }
  const result = deploymentConfigSchema.safeParse(deepMerge(base, overrides ?? {}));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration for environment "${envName}":\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads a county's JSON configuration file, with a clear error when it is missing or not JSON. */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read configuration file ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ConfigError(`Configuration file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}
