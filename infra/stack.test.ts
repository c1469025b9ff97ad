/**
 * Assertions on the synthesized CloudFormation of the demo environment: the
 * properties a county's IT office and an auditor rely on. One synth (bundling the
 * real functions with esbuild) serves every test. The route functions live in
 * nested stacks, so function-level assertions look at every template.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '#domain/auth/roles.ts';
import { envNames, jobEnvNames, originHeader, table as tableDef } from '#domain/system/resources.ts';
import { routes, type RouteDef } from '#domain/system/routes.ts';
import { scheduleTimeZone, schedules, toEventBridgeCron } from '#domain/system/schedules.ts';
import { FONT_DIR_ENV, FONT_FILES } from '#reports/pdf/fonts.ts';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { buildApp, type BuiltApp } from './build.ts';
import { ServiceFunctions } from './constructs/functions.ts';
import { contentSecurityPolicy, inlineScriptHashes, runtimeConfigFunctionCode } from './constructs/site.ts';

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let outdir: string;
let built: BuiltApp;
/** The parent stack's template. */
let template: Template;
/** The parent's and every nested stack's template, by stack. */
let templates: { stack: Stack; template: Template }[];

/** Resources of the parent stack. */
function resources(type: string): [string, Resource][] {
  return Object.entries(template.findResources(type)) as [string, Resource][];
}

/** Resources of every stack, parent and nested, keyed `<stack>/<logical id>`. */
function allResources(type: string): [string, Resource][] {
  return templates.flatMap(({ stack, template: t }) =>
    (Object.entries(t.findResources(type)) as [string, Resource][]).map(
      ([id, r]) => [`${stack.node.id}/${id}`, r] as [string, Resource],
    ),
  );
}

/** Handler folders the table names: one function each. */
const handlers = new Set<string>(routes.map((r: RouteDef) => r.handler));

function asList<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'shouwang-cdk-'));
  built = buildApp({ outdir, envName: 'demo' });
  // The real synth, with the AWS Solutions plugin registered: an unacknowledged finding throws here.
  built.app.synth();
  template = Template.fromStack(built.stack);
  templates = [
    { stack: built.stack, template },
    ...built.stack.api.functionStacks.map((stack) => ({ stack, template: Template.fromStack(stack) })),
  ];
  // Bundling every handler from a cold cache (see constructs/bundles.ts) takes minutes on a busy machine.
}, 600_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('data', () => {
  it('keeps the table: on demand, point-in-time recovery, deletion protection, retained, encrypted', () => {
    const tables = resources('AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDef.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDef.sortKey, KeyType: 'RANGE' },
      ],
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        expect.objectContaining({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
    const indexNames = (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map(
      (i) => i.IndexName,
    );
    expect(indexNames).toEqual(tableDef.indexes.map((i) => i.name));
  });
});

describe('archive', () => {
  it('locks every report version (Object Lock default retention from configuration) and keeps the bucket', () => {
    const { archive } = built.config;
    const matches = resources('AWS::S3::Bucket').filter(([, b]) => b.Properties.ObjectLockEnabled === true);
    expect(matches).toHaveLength(1);
    const [, bucket] = matches[0]!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: archive.lockMode, Years: archive.retentionYears } },
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
      LifecycleConfiguration: {
        Rules: expect.arrayContaining([
          expect.objectContaining({
            Status: 'Enabled',
            Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: archive.coldAfterDays }],
          }),
        ]),
      },
    });
  });

  it('blocks public access and encrypts every bucket', () => {
    const buckets = resources('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    for (const [, b] of buckets) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption).toBeDefined();
    }
  });

  it('refuses plain-HTTP requests on every bucket (deny when aws:SecureTransport is false)', () => {
    const policies = resources('AWS::S3::BucketPolicy');
    const buckets = resources('AWS::S3::Bucket').map(([id]) => id);
    const enforced = policies
      .filter(([, p]) =>
        (
          (p.Properties.PolicyDocument as { Statement: (Statement & { Condition?: unknown })[] }).Statement ??
          []
        ).some(
          (s) =>
            s.Effect === 'Deny' &&
            JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }) &&
            asList(s.Action).includes('s3:*'),
        ),
      )
      .map(([, p]) => (p.Properties.Bucket as { Ref: string }).Ref);
    expect(enforced.sort()).toEqual(buckets.sort());
  });
});

describe('schedules', () => {
  it('creates one schedule per shared schedule, in Asia/Shanghai, with retries and a dead-letter queue', () => {
    const found = resources('AWS::Scheduler::Schedule');
    expect(found).toHaveLength(schedules.length);
    for (const s of schedules) {
      const match = found.find(
        ([, r]) => JSON.parse(String((r.Properties.Target as { Input: string }).Input)).scheduleId === s.id,
      );
      expect(match, `schedule ${s.id}`).toBeDefined();
      const props = match![1].Properties;
      expect(props.ScheduleExpressionTimezone).toBe(scheduleTimeZone);
      expect(props.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
      expect(props.ScheduleExpression).toBe(toEventBridgeCron(s.cron));
      expect(props.Target).toMatchObject({
        RetryPolicy: { MaximumRetryAttempts: expect.anything() },
        DeadLetterConfig: { Arn: expect.anything() },
      });
      expect(JSON.parse((props.Target as { Input: string }).Input)).toEqual({ job: s.job, scheduleId: s.id });
    }
  });

  it('sends failed job runs to the same dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });
});

describe('api', () => {
  it('has one route per route-table entry, and the Cognito JWT authorizer on every route with roles', () => {
    const authorizers = resources('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [expect.anything()], Issuer: expect.anything() },
    });

    const found = resources('AWS::ApiGatewayV2::Route');
    expect(found).toHaveLength(routes.length);
    for (const route of routes) {
      const match = found.find(([, r]) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(match, `route ${route.id}`).toBeDefined();
      const props = match![1].Properties;
      const roleCount: number = route.roles.length;
      if (roleCount === 0) {
        expect(props.AuthorizationType ?? 'NONE').toBe('NONE');
      } else {
        expect(props.AuthorizationType, `route ${route.id}`).toBe('JWT');
        expect(props.AuthorizerId).toEqual({ Ref: authorizerId });
      }
      expect(JSON.stringify(props.Target), route.id).toContain('integrations/');
    }
  });

  it('lets API Gateway invoke each function for its own routes only', () => {
    const permissions = allResources('AWS::Lambda::Permission').map(([, p]) => p.Properties);
    const apiPermissions = permissions.filter((p) => p.Principal === 'apigateway.amazonaws.com');
    expect(apiPermissions).toHaveLength(routes.length);
    for (const route of routes) {
      const match = apiPermissions.filter((p) =>
        JSON.stringify(p.SourceArn).endsWith(`/*/*${route.path}"]]}`),
      );
      expect(match.length, route.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps every stack, parent and nested, well under the 500-resource limit', () => {
    for (const { stack, template: t } of templates) {
      expect(Object.keys(t.toJSON().Resources as object).length, stack.node.path).toBeLessThan(450);
    }
    expect(built.stack.api.functionStacks.length).toBeGreaterThan(0);
    // The parent keeps no route function: they are all nested.
    expect(resources('AWS::Lambda::Function')).toHaveLength(1);
  });

  it('throttles the stage and writes an access log', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: built.config.api.throttleRate,
        ThrottlingBurstLimit: built.config.api.throttleBurst,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('functions', () => {
  it('runs every function on Node.js 24, arm64, with its own log group and the shared variables', () => {
    const fns = allResources('AWS::Lambda::Function');
    expect(fns).toHaveLength(handlers.size + 1);
    for (const [id, fn] of fns) {
      expect(fn.Properties.Runtime, id).toBe('nodejs24.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Handler, id).toBe('index.handler');
      expect(fn.Properties.LoggingConfig, id).toMatchObject({ LogGroup: expect.anything() });
      const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const name of Object.values(envNames)) expect(vars, `${id} ${name}`).toHaveProperty(name);
      expect(vars.POWERTOOLS_SERVICE_NAME).toBe(built.config.logs.serviceName);
      expect(vars.POWERTOOLS_LOG_LEVEL).toBe(built.config.logs.level);
    }
  });

  it('never grants DynamoDB or S3 actions on "*", nor wildcard actions', () => {
    for (const [id, policy] of allResources('AWS::IAM::Policy')) {
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      for (const s of statements) {
        const actions = asList(s.Action);
        if (!actions.some((a) => a.startsWith('dynamodb:') || a.startsWith('s3:'))) continue;
        for (const a of actions) expect(a, id).not.toMatch(/\*/);
        for (const r of asList(s.Resource)) expect(r, id).not.toBe('*');
      }
    }
  });

  /**
   * The expectation is written out here, apart from `domain/system/grants.ts`: a
   * grant the derivation drops (as `userPool` once was) or adds shows as a difference.
   */
  const expectedActions = (access: RouteDef['access']): string[] => [
    ...(access.table
      ? ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem']
      : []),
    ...(access.table === 'write' ? ['dynamodb:PutItem', 'dynamodb:UpdateItem'] : []),
    ...(access.archive ? ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'] : []),
    ...(access.archive === 'write' ? ['s3:PutObject'] : []),
    ...(access.email ? ['ses:SendRawEmail'] : []),
    ...(access.userPool === 'admin'
      ? [
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
        ]
      : []),
  ];
  /** Every statement of the policies attached to `fn`'s role, in the template of its stack. */
  const statementsOf = (f: IFunction) => {
    const stack = Stack.of(f);
    const t = templates.find((x) => x.stack === stack)!.template;
    const roleId = stack.getLogicalId(f.role!.node.defaultChild as CfnElement);
    return (Object.values(t.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap(
        (p) =>
          (p.Properties.PolicyDocument as { Statement: (Statement & { Condition?: unknown })[] }).Statement,
      );
  };
  const dataActions = (statements: Statement[]) =>
    [
      ...new Set(
        statements.flatMap((s) => asList(s.Action)).filter((a) => /^(dynamodb|s3|ses|cognito-idp):/.test(a)),
      ),
    ].sort();

  it('grants each function exactly the actions its routes declare, from the route table', () => {
    const byHandler = new Map<string, RouteDef[]>();
    for (const r of routes) byHandler.set(r.handler, [...(byHandler.get(r.handler) ?? []), r]);
    for (const [handler, own] of byHandler) {
      const fn = built.stack.api.functions.get(own[0]!.id);
      expect(fn, handler).toBeDefined();
      const expected = [...new Set(own.flatMap((r) => expectedActions(r.access)))].sort();
      expect(dataActions(statementsOf(fn!)), handler).toEqual(expected);
    }
  });

  it('gives the account functions their Cognito calls on the county pool, and no one else', () => {
    const withPool = routes.filter((r: RouteDef) => r.access.userPool === 'admin').map((r) => r.id);
    expect(withPool.length).toBeGreaterThan(0);
    for (const route of routes) {
      const actions = dataActions(statementsOf(built.stack.api.functions.get(route.id)!));
      const sharesPool = routes.some(
        (r: RouteDef) => r.handler === route.handler && r.access.userPool === 'admin',
      );
      expect(
        actions.some((a) => a.startsWith('cognito-idp:')),
        route.id,
      ).toBe(sharesPool);
    }
  });

  it('lets no function delete or batch-write, and read-only functions write nothing', () => {
    for (const route of routes) {
      const actions = dataActions(statementsOf(built.stack.api.functions.get(route.id)!));
      for (const a of actions)
        expect(a, route.id).not.toMatch(
          /Delete|BatchWriteItem|PutBucket|PutObjectRetention|PutObjectLegalHold/,
        );
      const writes = routes.some(
        (r: RouteDef) =>
          r.handler === route.handler && (r.access.table === 'write' || r.access.archive === 'write'),
      );
      if (!writes)
        for (const a of actions)
          expect(a, route.id).not.toMatch(/^(dynamodb:(PutItem|UpdateItem)|s3:PutObject)$/);
    }
  });

  it('limits every table statement to county-scoped keys', () => {
    for (const [id, policy] of allResources('AWS::IAM::Policy')) {
      for (const s of (
        policy.Properties.PolicyDocument as { Statement: (Statement & { Condition?: unknown })[] }
      ).Statement) {
        if (!asList(s.Action).some((a) => a.startsWith('dynamodb:'))) continue;
        expect(s.Condition, id).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*'] } });
      }
    }
  });

  it('grants the job function what the job declares', () => {
    const job = built.stack.jobs.fn;
    expect(dataActions(statementsOf(job))).toEqual(
      [...new Set(expectedActions({ table: 'write', archive: 'write', email: true }))].sort(),
    );
  });

  it('bundles the four report fonts and pdfkit data beside the job function', () => {
    const job = resources('AWS::Lambda::Function').find(
      ([, f]) =>
        (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables[FONT_DIR_ENV] !==
        undefined,
    );
    expect(job).toBeDefined();
    const key = String((job![1].Properties.Code as { S3Key: string }).S3Key).replace(/\.zip$/, '');
    const assetDir = join(outdir, `asset.${key}`);
    expect(readdirSync(join(assetDir, 'fonts')).sort()).toEqual(FONT_FILES.map((f) => f.fileName).sort());
    expect(existsSync(join(assetDir, 'index.mjs'))).toBe(true);
    expect(existsSync(join(assetDir, 'pdfkit-standard-fonts', 'Helvetica.cjs'))).toBe(true);
    expect(existsSync(join(assetDir, 'package.json'))).toBe(true);
  });

  it('tells the job function the site address, for the download links in report emails', () => {
    const job = resources('AWS::Lambda::Function').find(
      ([, f]) =>
        (f.Properties.Environment as { Variables: Record<string, unknown> }).Variables[FONT_DIR_ENV] !==
        undefined,
    );
    const vars = (job![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    // The CloudFront domain of the demo environment (no custom domain), over HTTPS.
    expect(JSON.stringify(vars[jobEnvNames.siteUrl])).toMatch(/https:\/\/.*DomainName/);
  });

  it('names a missing entry file clearly', () => {
    const fns = new ServiceFunctions(new Stack(new App(), 'Probe'), 'Functions', {
      logs: built.config.logs,
      environment: {},
    });
    expect(() => fns.entryOf('income/no-such-route', 'route noSuchRoute')).toThrow(
      /functions\/income\/no-such-route\.handler\.ts does not exist \(needed by route noSuchRoute\)/,
    );
  });
});

describe('site', () => {
  it('serves HTTPS only with security headers, the bucket through origin access control and /api from the HTTP API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: Match.arrayWith(['POST']),
          }),
        ]),
        Origins: Match.arrayWith([Match.objectLike({ OriginAccessControlId: Match.anyValue() })]),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.anyValue() }),
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue() }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('lets only CloudFront reach the API: the /api origin sends the secret every function requires', () => {
    const secrets = resources('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    const [secretId] = secrets[0]!;
    const dist = resources('AWS::CloudFront::Distribution')[0]![1];
    const origins = (dist.Properties.DistributionConfig as { Origins: Record<string, unknown>[] }).Origins;
    const apiOrigin = origins.find((o) => o.CustomOriginConfig !== undefined)!;
    const headers = apiOrigin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    const sent = headers.find((h) => h.HeaderName === originHeader);
    expect(sent, 'the /api origin header').toBeDefined();
    // A dynamic reference, resolved by CloudFormation at deploy time: the value is in no template.
    expect(JSON.stringify(sent!.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(sent!.HeaderValue)).toContain(secretId);
    for (const [id, fn] of allResources('AWS::Lambda::Function')) {
      const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(JSON.stringify(vars[envNames.originSecret]), id).toContain('{{resolve:secretsmanager:');
    }
  });

  it('answers /runtime-config.json at the edge with the sign-in settings and the county', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/runtime-config.json' })]),
      }),
    });
    const config = {
      auth: {
        endpoint: 'https://cognito-idp.ap-southeast-1.amazonaws.com/',
        region: 'ap-southeast-1',
        userPoolId: 'p',
        clientId: 'c',
      },
      county: built.config.county,
    };
    const code = runtimeConfigFunctionCode(config);
    expect([...code].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const handler = new Function(`${code}; return handler;`)() as (e: unknown) => {
      statusCode: number;
      body: string;
    };
    const response = handler({ request: { uri: '/runtime-config.json' } });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual(config);
  });
});

describe('content security policy', () => {
  it("allows the built pages' inline scripts by hash only, and Cognito for sign-in", () => {
    const dir = mkdtempSync(join(tmpdir(), 'shouwang-site-'));
    try {
      mkdirSync(join(dir, 'login'));
      writeFileSync(
        join(dir, 'index.html'),
        '<script type="module" src="/_astro/a.js"></script><script>alert(1)</script>',
      );
      writeFileSync(join(dir, 'login', 'index.html'), '<script>alert(1)</script><script>\nx()\n</script>');
      const hashes = inlineScriptHashes(dir);
      // alert(1) and "\nx()\n": the external script is not hashed, duplicates count once.
      expect(hashes).toHaveLength(2);
      expect(hashes).toContain("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
      const csp = contentSecurityPolicy('ap-southeast-1', 'amazonaws.com', hashes);
      expect(csp).toContain(`script-src 'self' ${hashes.join(' ')}`);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toMatch(/script-src[^;]*/);
      expect(csp.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
      expect(csp).toContain("connect-src 'self' https://cognito-idp.ap-southeast-1.amazonaws.com");
      expect(csp).toContain("frame-ancestors 'none'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('auth', () => {
  it('has no self sign-up, one group per role, and a public client that cannot rewrite unit, town or county', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: Match.anyValue(),
    });
    const groups = resources('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...roles].sort());
    const [, client] = resources('AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    const writable = client.Properties.WriteAttributes as string[];
    expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('monitoring', () => {
  it('alarms on dead letters and failed deliveries (Shouwang/DeliveryFailed)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Shouwang',
      MetricName: 'DeliveryFailed',
      Dimensions: [{ Name: 'service', Value: built.config.logs.serviceName }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
    for (const name of ['Errors', 'Throttles']) {
      const count = allResources('AWS::CloudWatch::Alarm').filter(
        ([, a]) => a.Properties.Namespace === 'AWS/Lambda' && a.Properties.MetricName === name,
      ).length;
      expect(count, name).toBe(handlers.size + 1);
    }
  });
});

describe('AWS Solutions checks (cdk-nag)', () => {
  it('leaves no unacknowledged error or warning', () => {
    // cdk-nag 3 reports through CDK's validation plugins, not annotations: ask the pack directly.
    const report = new AwsSolutionsChecks().validateScope(built.stack);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('leaves no error annotation from CDK itself', () => {
    // The parent's artifact carries the messages of its nested stacks too.
    expect(Annotations.fromStack(built.stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
