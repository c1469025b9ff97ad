import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { metricsNamespace } from '#domain/system/resources.ts';
import type { Grant } from '#domain/system/grants.ts';
import { handlerEntry } from '#domain/system/routes.ts';
import type { DeploymentConfig } from '../config.ts';
import { LambdaBundler, lambdaNodeOptions, type BundleSpec } from './bundles.ts';
import type { Email } from './email.ts';

/** The repository root: where package-lock.json and `functions/` are. */
export const repositoryRoot = join(import.meta.dirname, '..', '..');

/** Props of {@link ServiceFunctions}. */
export interface ServiceFunctionsProps {
  /** Log retention and Powertools settings, from the deployment configuration. */
  readonly logs: DeploymentConfig['logs'];
  /** Variables every function gets (the names of `envNames` in `domain/system/resources.ts`). */
  readonly environment: Record<string, string>;
  /**
   * Root holding package-lock.json and the `functions/` folder.
   * @default the repository root
   */
  readonly projectRoot?: string;
  /**
   * Where the entry file of a handler folder is. Tests point many synthetic
   * handlers at one real file, which is then bundled once.
   * @default `functions/<handler>/handler.ts` under the project root
   */
  readonly entryOf?: (handler: string) => string;
  /**
   * Where bundles are kept between runs.
   * @default `node_modules/.cache/shouwang-bundles` under the project root
   */
  readonly bundleCacheDir?: string;
}

/** One function: its entry folder and what differs from the defaults. */
export interface ServiceFunctionOptions {
  /** Folder under `functions/` holding `handler.ts`. */
  readonly handler: string;
  /** Shown in the Lambda console (cut to Lambda's 256 characters). */
  readonly description: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** Added to the shared variables. */
  readonly environment?: Record<string, string>;
  /** Files or folders copied beside `index.mjs` (fonts, data files of dependencies). */
  readonly copy?: BundleSpec['copy'];
  /** Files written beside `index.mjs`. */
  readonly files?: BundleSpec['files'];
  /** Says where the function comes from when its entry is missing, e.g. `route submitIncome`. */
  readonly origin?: string;
  /**
   * Where the function's resources go: a nested stack keeps the parent under
   * CloudFormation's resource limit.
   * @default this construct
   */
  readonly scope?: Construct;
}

/**
 * The defaults every Lambda function shares, in one place: local esbuild (no
 * Docker; see `bundles.ts`), Node.js 24 on arm64, minified ESM with source maps,
 * its own log group and an execution role holding nothing but the grants made with
 * {@link bindTable}, {@link bindArchive} and {@link bindEmail}.
 */
export class ServiceFunctions extends Construct {
  /** Every function made here. */
  readonly all: lambda.Function[] = [];
  private readonly props: ServiceFunctionsProps;
  private readonly projectRoot: string;
  private readonly bundler: LambdaBundler;

  constructor(scope: Construct, id: string, props: ServiceFunctionsProps) {
    super(scope, id);
    this.props = props;
    this.projectRoot = props.projectRoot ?? repositoryRoot;
    this.bundler = new LambdaBundler({
      projectRoot: this.projectRoot,
      ...(props.bundleCacheDir ? { cacheDir: props.bundleCacheDir } : {}),
    });
  }

  /** Path of the handler's entry (`handlerEntry`); fails with the file's name when it does not exist. */
  entryOf(handler: string, origin?: string): string {
    const entry = this.props.entryOf?.(handler) ?? join(this.projectRoot, handlerEntry(handler));
    if (!existsSync(entry)) {
      const file = relative(this.projectRoot, entry);
      throw new Error(
        `Lambda entry file ${file} does not exist${origin ? ` (needed by ${origin})` : ''}; create it or remove the definition that names it.`,
      );
    }
    return entry;
  }

  /**
   * Bundles the given functions' handlers ahead of {@link create}, all in one
   * esbuild run: faster than one run per function when many are missing.
   */
  prepare(functions: readonly Pick<ServiceFunctionOptions, 'handler' | 'origin' | 'copy' | 'files'>[]): void {
    this.bundler.bundle(functions.map((f) => this.specOf(f)));
  }

  private specOf(f: Pick<ServiceFunctionOptions, 'handler' | 'origin' | 'copy' | 'files'>): BundleSpec {
    return {
      entry: this.entryOf(f.handler, f.origin),
      ...(f.copy ? { copy: f.copy } : {}),
      ...(f.files ? { files: f.files } : {}),
    };
  }

  /** Creates a function with the shared defaults. */
  create(id: string, options: ServiceFunctionOptions): lambda.Function {
    const [bundleDir] = this.bundler.bundle([this.specOf(options)]);
    const scope = new Construct(options.scope ?? this, id);
    const logGroup = new logs.LogGroup(scope, 'Logs', {
      retention: this.props.logs.retentionDays as logs.RetentionDays,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    const role = new iam.Role(scope, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${options.handler}`,
    });
    logGroup.grantWrite(role);

    const fn = new lambda.Function(scope, 'Function', {
      code: lambda.Code.fromAsset(bundleDir!),
      handler: 'index.handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: options.memorySize ?? 512,
      timeout: options.timeout ?? Duration.seconds(10),
      description: options.description.slice(0, 256),
      role,
      logGroup,
      environment: {
        ...this.props.environment,
        POWERTOOLS_SERVICE_NAME: this.props.logs.serviceName,
        POWERTOOLS_LOG_LEVEL: this.props.logs.level,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        NODE_OPTIONS: lambdaNodeOptions,
        ...options.environment,
      },
    });
    this.all.push(fn);
    return fn;
  }
}

/**
 * How cdk-nag names a reference in a finding: `Logical.Arn` for the bucket's own
 * attribute in the same stack, the parameter's name in a nested stack that gets the
 * ARN as a parameter. Resolved in the stack holding the policy, because that is
 * where the finding is made.
 */
function nagReference(stack: Stack, value: string): string {
  const resolved = stack.resolve(value) as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (resolved.Ref) return resolved.Ref;
  if (resolved['Fn::GetAtt']) return resolved['Fn::GetAtt'].join('.');
  throw new Error(
    `bindGrants: expected a Ref or Fn::GetAtt for the bucket ARN, got ${JSON.stringify(resolved)}`,
  );
}

/** Everything a route's or job's `access` field can name. */
export interface AccessTargets {
  readonly table: dynamodb.ITableV2;
  readonly indexNames: readonly string[];
  readonly archive: s3.IBucket;
  readonly email: Email;
  /** The county's user pool, for routes that manage accounts. */
  readonly userPool?: cognito.IUserPool;
}

/**
 * Binds the grants a function's declarations mean (`domain/system/grants.ts`) to
 * the deployment's resources: the one place where access turns into IAM. Table
 * actions name the table and each index (never `index/*`), limited to the
 * county-scoped keys every item has (`C#<county>#…`); archive object actions the
 * bucket's objects; email the SES identity and its configuration set; accounts
 * the county's user pool.
 */
export function bindGrants(fn: lambda.IFunction, grants: readonly Grant[], targets: AccessTargets): void {
  for (const g of grants) {
    const actions = [...g.actions];
    switch (g.target) {
      case 'table':
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions,
            resources: [
              targets.table.tableArn,
              ...targets.indexNames.map((name) => `${targets.table.tableArn}/index/${name}`),
            ],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*'] } },
          }),
        );
        break;
      case 'archive-objects':
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions, resources: [targets.archive.arnForObjects('*')] }),
        );
        if (fn.role)
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Resource::<${nagReference(Stack.of(fn.role), targets.archive.bucketArn)}>/*]`,
            reason:
              'Report keys are made at run time (county, period, report id), so object permissions name the archive bucket with the object wildcard; actions are listed one by one and no delete or retention action is granted.',
          });
        break;
      case 'archive-bucket':
        fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [targets.archive.bucketArn] }));
        break;
      case 'email':
        fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: targets.email.sendResources() }));
        break;
      case 'user-pool':
        if (!targets.userPool)
          throw new Error('a function declares user-pool access but no user pool was given');
        fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [targets.userPool.userPoolArn] }));
        break;
    }
  }
}
