import { join } from 'node:path';
import { CfnOutput, Stack, Tags, Validations, type StackProps } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { envNames, jobEnvNames } from '#domain/system/resources.ts';
import type { RouteDef } from '#domain/system/routes.ts';
import type { DeploymentConfig } from './config.ts';
import { AccessLogs } from './constructs/access-logs.ts';
import { Api } from './constructs/api.ts';
import { Archive } from './constructs/archive.ts';
import { Auth } from './constructs/auth.ts';
import { DataStore } from './constructs/data.ts';
import { Email } from './constructs/email.ts';
import { repositoryRoot, ServiceFunctions } from './constructs/functions.ts';
import { Jobs } from './constructs/jobs.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Site } from './constructs/site.ts';

/** Props of {@link ShouwangStack}. */
export interface ShouwangStackProps extends StackProps {
  /** The validated deployment configuration (see `infra/config.ts`). */
  readonly config: DeploymentConfig;
  /**
   * Root holding package-lock.json and `functions/`.
   * @default the repository root
   */
  readonly projectRoot?: string;
  /**
   * The route table.
   * @default the shared table of `domain/system/routes.ts`
   */
  readonly routes?: readonly RouteDef[];
  /**
   * Where the entry file of a handler folder is (tests point synthetic handlers at one real file).
   * @default `functions/<handler>/handler.ts`
   */
  readonly entryOf?: (handler: string) => string;
}

/**
 * One county's deployment: one stack of constructs, one per concern, with the API's
 * route functions in nested stacks (see `constructs/api.ts`) so that the route table
 * can grow past CloudFormation's 500 resources a stack. Every route, schedule, table
 * key and bucket comes from `domain/system/*`, the definitions the local runtime
 * reads too.
 */
export class ShouwangStack extends Stack {
  /** The HTTP API and its route functions (in nested stacks). */
  readonly api: Api;
  /** The job function, its schedules and dead-letter queue. */
  readonly jobs: Jobs;

  constructor(scope: Construct, id: string, props: ShouwangStackProps) {
    super(scope, id, props);
    const { config } = props;
    const stage = config.envName;
    Tags.of(this).add('project', 'shouwang');
    Tags.of(this).add('county', config.county.countyCode);
    Tags.of(this).add('environment', stage);

    const accessLogs = new AccessLogs(this, 'AccessLogs', { expireAfterDays: config.archive.accessLogDays });
    const data = new DataStore(this, 'Data', { stage });
    const archive = new Archive(this, 'Archive', { archive: config.archive, accessLogs: accessLogs.bucket });
    const email = new Email(this, 'Email', { email: config.email, stage });
    const auth = new Auth(this, 'Auth', { auth: config.auth, countyCode: config.county.countyCode });

    // What CloudFront adds to every /api request and the functions require (see
    // `originHeader`): the execute-api endpoint of an HTTP API cannot be closed
    // without a custom API domain, so requests that bypass the site are refused.
    const originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      description:
        'Shared by the site CloudFront distribution and the API functions: proves a request came through CloudFront',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating it means updating the CloudFront origin and every function at once, which a deployment does; redeploy with a new secret (delete and recreate) to rotate. It guards the path to the API, not data.',
    });
    const originSecretValue = originSecret.secretValue.unsafeUnwrap();

    const functions = new ServiceFunctions(this, 'Functions', {
      logs: config.logs,
      ...(props.projectRoot ? { projectRoot: props.projectRoot } : {}),
      ...(props.entryOf ? { entryOf: props.entryOf } : {}),
      environment: {
        [envNames.tableName]: data.table.tableName,
        [envNames.archiveBucket]: archive.bucket.bucketName,
        [envNames.senderAddress]: email.senderAddress,
        [envNames.countyConfig]: JSON.stringify(config.county),
        [envNames.userPoolId]: auth.userPool.userPoolId,
        [envNames.userPoolClientId]: auth.client.userPoolClientId,
        [envNames.jwtIssuer]: auth.issuer,
        [envNames.jwksUri]: `${auth.issuer}/.well-known/jwks.json`,
        [envNames.originSecret]: originSecretValue,
      },
    });
    const targets = {
      table: data.table,
      indexNames: data.indexNames,
      archive: archive.bucket,
      email,
      userPool: auth.userPool,
    };
    // First, so the API's nested stacks can alarm each function beside it.
    const monitoring = new Monitoring(this, 'Monitoring', {
      serviceName: config.logs.serviceName,
      ...(config.alarms.email ? { alarmEmail: config.alarms.email } : {}),
    });

    const api = new Api(this, 'Api', {
      functions,
      targets,
      userPool: auth.userPool,
      client: auth.client,
      api: config.api,
      logRetentionDays: config.logs.retentionDays,
      monitoring,
      ...(props.routes ? { routes: props.routes } : {}),
    });
    this.api = api;
    const jobs = new Jobs(this, 'Jobs', { functions, targets, jobs: config.jobs, stage });
    this.jobs = jobs;
    monitoring.watchFunction('runJob', jobs.fn);
    monitoring.watchDeadLetters(jobs.deadLetterQueue);
    monitoring.watchApi(api.httpApi);
    const site = new Site(this, 'Site', {
      site: config.site,
      apiDomainName: api.domainName,
      originSecret: originSecretValue,
      accessLogs: accessLogs.bucket,
      siteDir: join(props.projectRoot ?? repositoryRoot, 'forms', 'dist'),
      runtimeConfig: {
        auth: {
          endpoint: `https://cognito-idp.${this.region}.${this.urlSuffix}/`,
          region: this.region,
          userPoolId: auth.userPool.userPoolId,
          clientId: auth.client.userPoolClientId,
        },
        county: config.county,
      },
    });

    const siteUrl = `https://${config.site.domainName ?? site.distribution.distributionDomainName}`;
    // Download links in report emails lead to the site's /api/archive/links/… (recorded, then redirected).
    jobs.fn.addEnvironment(jobEnvNames.siteUrl, siteUrl);
    new CfnOutput(this, 'SiteUrl', { value: siteUrl, description: 'The forms site (and /api)' });
    new CfnOutput(this, 'SiteBucketName', {
      value: site.bucket.bucketName,
      description: 'Upload forms/dist here',
    });
    new CfnOutput(this, 'DistributionId', { value: site.distribution.distributionId });
    new CfnOutput(this, 'ApiEndpoint', { value: api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'ArchiveBucketName', { value: archive.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: jobs.deadLetterQueue.queueUrl });
  }
}
