import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  scheduleTimeZone,
  schedules as sharedSchedules,
  toEventBridgeCron,
  type ScheduleDef,
} from '#domain/system/schedules.ts';
import { FONT_DIR_ENV, FONT_FILES } from '#domain/system/resources.ts';
import { grantsOf, jobAccess } from '#domain/system/grants.ts';
import { jobHandler } from '#domain/system/routes.ts';
import type { DeploymentConfig } from '../config.ts';
import {
  bindGrants,
  type AccessTargets,
  type ServiceFunctionOptions,
  type ServiceFunctions,
} from './functions.ts';

/** Where the job function finds the report fonts at run time (the bundle is unpacked in /var/task). */
export const fontDir = '/var/task/fonts';

/**
 * What the report bundle reads from disk next to `index.mjs`: the fonts, and
 * pdfkit's standard-font metrics and colour profile, which pdfkit's ESM build loads
 * at run time through its own `#standard-fonts/*` import map and `import.meta.url`
 * (esbuild cannot inline either). A tiny package.json restores that import map.
 */
export function reportAssets(): Required<Pick<ServiceFunctionOptions, 'copy' | 'files'>> {
  const bundlePackageJson = JSON.stringify({
    type: 'module',
    imports: { '#standard-fonts/*': './pdfkit-standard-fonts/*.cjs' },
  });
  return {
    copy: [
      ...FONT_FILES.map((f) => ({
        from: `node_modules/${f.packageName}/${f.packagePath}`,
        to: `fonts/${f.fileName}`,
      })),
      { from: 'node_modules/pdfkit/js/standard-fonts', to: 'pdfkit-standard-fonts' },
      { from: 'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', to: 'data/sRGB_IEC61966_2_1.icc' },
    ],
    files: { 'package.json': bundlePackageJson },
  };
}

/** The event every schedule sends to the job function. */
export interface JobPayload {
  job: ScheduleDef['job'];
  scheduleId: string;
}

/** Props of {@link Jobs}. */
export interface JobsProps {
  readonly functions: ServiceFunctions;
  readonly targets: AccessTargets;
  /** Retry counts and event age, from the deployment configuration. */
  readonly jobs: DeploymentConfig['jobs'];
  /** Prefix of the schedule names. */
  readonly stage: string;
  /**
   * The schedules.
   * @default the shared calendar of `domain/system/schedules.ts`
   */
  readonly schedules?: readonly ScheduleDef[];
}

/**
 * The county's calendar: one EventBridge Scheduler schedule per shared schedule,
 * evaluated in Asia/Shanghai, all invoking one job function with `{ job, scheduleId }`.
 * What cannot be delivered or keeps failing ends in one dead-letter queue, which
 * is alarmed.
 */
export class Jobs extends Construct {
  readonly fn: lambda.Function;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedules: scheduler.CfnSchedule[] = [];

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedules and of the job function; its depth is alarmed.',
    });

    this.fn = props.functions.create('RunJob', {
      handler: jobHandler,
      description: 'Scheduled jobs: builds, archives and e-mails the reports',
      // 1769 MB is one full vCPU: subsetting CJK fonts and laying out PDFs is CPU-bound.
      memorySize: 1769,
      timeout: Duration.minutes(10),
      environment: { [FONT_DIR_ENV]: fontDir },
      ...reportAssets(),
      origin: 'the schedules (domain/system/schedules.ts)',
    });
    bindGrants(this.fn, grantsOf(jobAccess), props.targets);

    const maxEventAge = Duration.seconds(props.jobs.maxEventAgeSeconds);
    // Scheduler invokes asynchronously: its retries cover delivery, Lambda's cover a failing run.
    this.fn.configureAsyncInvoke({
      retryAttempts: Math.min(props.jobs.retryAttempts, 2),
      maxEventAge,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    const role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets EventBridge Scheduler start the job function',
    });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }),
    );
    this.deadLetterQueue.grantSendMessages(role);

    for (const s of props.schedules ?? sharedSchedules) {
      const payload: JobPayload = { job: s.job, scheduleId: s.id };
      this.schedules.push(
        new scheduler.CfnSchedule(this, `Schedule-${s.id}`, {
          name: `${props.stage}-${s.id}`,
          description: s.description,
          scheduleExpression: toEventBridgeCron(s.cron),
          scheduleExpressionTimezone: scheduleTimeZone,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: this.fn.functionArn,
            roleArn: role.roleArn,
            input: JSON.stringify(payload),
            retryPolicy: {
              maximumRetryAttempts: props.jobs.retryAttempts,
              maximumEventAgeInSeconds: props.jobs.maxEventAgeSeconds,
            },
            deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
          },
        }),
      );
    }
  }
}
