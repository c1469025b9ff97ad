import { CfnParameter, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { mergeGrants } from '#domain/system/grants.ts';
import { handlerName, routes as sharedRoutes, type RouteDef } from '#domain/system/routes.ts';
import type { DeploymentConfig } from '../config.ts';
import { bindGrants, type AccessTargets, type ServiceFunctions } from './functions.ts';
import type { Monitoring } from './monitoring.ts';

/** Props of {@link Api}. */
export interface ApiProps {
  /** Makes the route functions with the shared defaults. */
  readonly functions: ServiceFunctions;
  /** Table, archive and sender the routes' `access` fields refer to. */
  readonly targets: AccessTargets;
  /** The pool whose tokens the JWT authorizer accepts. */
  readonly userPool: cognito.IUserPool;
  /** The app client those tokens must be issued to (the authorizer's audience). */
  readonly client: cognito.IUserPoolClient;
  /** Throttling limits. */
  readonly api: DeploymentConfig['api'];
  /** Retention of the access log. */
  readonly logRetentionDays: number;
  /** Gets each route function's error and throttle alarms. */
  readonly monitoring: Monitoring;
  /**
   * The route table.
   * @default the shared table of `domain/system/routes.ts`
   */
  readonly routes?: readonly RouteDef[];
  /**
   * Most functions in one nested stack. A function with its role, policy, log
   * group, integration and two alarms is 7 resources, plus one permission per route.
   * @default 25
   */
  readonly functionsPerStack?: number;
}

/** The routes one function serves: those naming the same handler folder. */
export interface RouteFunction {
  readonly handler: string;
  readonly routes: readonly RouteDef[];
}

/** The functions of one nested stack. */
export interface RouteGroup {
  /** Construct id of the nested stack, from the first path segment after `/api/`. */
  readonly name: string;
  readonly functions: readonly RouteFunction[];
}

/** The first path segment after `/api/`, as letters and digits (`root` when there is none). */
export function areaOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const first = segments[0] === 'api' ? segments[1] : segments[0];
  const area = (first?.startsWith('{') ? '' : (first ?? '')).replace(/[^A-Za-z0-9]/g, '');
  return area || 'root';
}

/**
 * Splits the route table into nested stacks: one function per handler folder (its
 * routes together), grouped by the area of its first route, at most
 * `functionsPerStack` functions a group (`archive`, `archive2`, ...), in table order.
 */
export function groupRoutes(routes: readonly RouteDef[], functionsPerStack: number): RouteGroup[] {
  const byHandler = new Map<string, RouteDef[]>();
  for (const r of routes) byHandler.set(r.handler, [...(byHandler.get(r.handler) ?? []), r]);
  const byArea = new Map<string, RouteFunction[]>();
  for (const [handler, rs] of byHandler) {
    const area = areaOf(rs[0]!.path);
    byArea.set(area, [...(byArea.get(area) ?? []), { handler, routes: rs }]);
  }
  const groups: RouteGroup[] = [];
  for (const [area, fns] of byArea) {
    for (let i = 0; i * functionsPerStack < fns.length; i++) {
      groups.push({
        name: i === 0 ? area : `${area}${i + 1}`,
        functions: fns.slice(i * functionsPerStack, (i + 1) * functionsPerStack),
      });
    }
  }
  return groups;
}

/** Props of {@link RouteFunctionsStack}. */
export interface RouteFunctionsStackProps {
  /** The functions (and their routes) this stack holds. */
  readonly group: RouteGroup;
  /** The API (in the parent) the integrations and permissions belong to. */
  readonly httpApi: apigwv2.IHttpApi;
  /** Makes the functions with the shared defaults. */
  readonly functions: ServiceFunctions;
  /** Table, archive and sender of the parent, granted per the routes' `access`. */
  readonly targets: AccessTargets;
  /** Gets each function's error and throttle alarms, made in this stack. */
  readonly monitoring: Monitoring;
}

/**
 * A nested stack holding some route functions with everything that is theirs:
 * role, policy, log group, the API integration, the invoke permission of each
 * route, the alarms. The routes themselves stay in the parent (see {@link Api}).
 */
export class RouteFunctionsStack extends NestedStack {
  /** Handler folder → its integration. */
  readonly integrations = new Map<string, apigwv2.HttpIntegration>();
  /** Route id → its function. */
  readonly functions = new Map<string, lambda.Function>();

  constructor(scope: Construct, id: string, props: RouteFunctionsStackProps) {
    const { group, httpApi } = props;
    const handlers = group.functions.map((f) => f.handler).join(', ');
    // CloudFormation takes up to 1024 characters of description.
    super(scope, id, { description: `Shouwang API functions: ${handlers}`.slice(0, 1024) });

    let archive: s3.IBucket | undefined;
    // The archive's ARN comes in as a parameter of a fixed name, so that the
    // acknowledgement of its object wildcard (bindGrants) names it predictably.
    const archiveTarget = (): s3.IBucket => {
      if (archive) return archive;
      const arn = new CfnParameter(this, 'ArchiveBucketArn', {
        type: 'String',
        description: 'ARN of the report archive bucket',
      });
      this.setParameter('ArchiveBucketArn', props.targets.archive.bucketArn);
      archive = s3.Bucket.fromBucketArn(this, 'ArchiveBucket', arn.valueAsString);
      return archive;
    };

    for (const { handler, routes } of group.functions) {
      const name = handlerName(handler);
      const fn = props.functions.create(name, {
        handler,
        description: routes.map((r) => `${r.method} ${r.path}`).join(', '),
        origin: `route ${routes.map((r) => r.id).join(', ')}`,
        scope: this,
      });
      // A function serving several routes holds every grant of each (derived, never re-listed).
      const grants = mergeGrants(routes.map((r) => r.access));
      const onArchive = grants.some((g) => g.target.startsWith('archive'));
      bindGrants(fn, grants, { ...props.targets, ...(onArchive ? { archive: archiveTarget() } : {}) });
      props.monitoring.watchFunction(name, fn, fn.node.scope!);

      const integration = new apigwv2.HttpIntegration(this, `${name}-Integration`, {
        httpApi,
        integrationType: apigwv2.HttpIntegrationType.AWS_PROXY,
        integrationUri: fn.functionArn,
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      });
      this.integrations.set(handler, integration);
      for (const route of routes) {
        this.functions.set(route.id, fn);
        // One permission per route: API Gateway may invoke the function for that path only.
        fn.addPermission(`${route.id}-Invoke`, {
          principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
          sourceArn: Stack.of(this).formatArn({
            service: 'execute-api',
            resource: httpApi.apiId,
            resourceName: `*/*${route.path}`,
          }),
        });
      }
    }
  }
}

/**
 * The HTTP API: one route per entry of the shared route table, and one function
 * per handler folder the table names. Routes with roles sit behind the Cognito JWT
 * authorizer; the function checks the role and scope again
 * (`functions/shared/http.ts`), so neither check alone guards data.
 *
 * A route function costs about 8 CloudFormation resources, so the functions live in
 * nested stacks ({@link RouteFunctionsStack}, grouped by the path's area) and the
 * parent keeps the API, the authorizer and one route resource per route. Keeping the
 * routes in the parent makes moving a function to another nested stack safe: the
 * new function and integration are made first, the route is pointed at them, and
 * only then are the old ones deleted (a route key moving between stacks would be
 * created while the old one still exists, which API Gateway refuses).
 */
export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  /** Route id → its function. */
  readonly functions = new Map<string, lambda.Function>();
  /** The nested stacks holding the functions. */
  readonly functionStacks: RouteFunctionsStack[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Shouwang forms API (served under /api of the site)',
      createDefaultStage: false,
    });
    const accessLog = new logs.LogGroup(this, 'AccessLog', {
      retention: props.logRetentionDays as logs.RetentionDays,
    });
    this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.api.throttleRate, burstLimit: props.api.throttleBurst },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLog),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            bytes: '$context.responseLength',
            user: '$context.authorizer.claims.sub',
            authError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Made here rather than by HttpUserPoolAuthorizer, which would create it beside
    // the first route that uses it: it must stay in the parent with the API.
    const authorizer = new apigwv2.HttpAuthorizer(this.httpApi, 'CognitoJwt', {
      httpApi: this.httpApi,
      authorizerName: 'CognitoJwt',
      type: apigwv2.HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [props.client.userPoolClientId],
      jwtIssuer: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${props.userPool.userPoolId}`,
    });

    const routes = props.routes ?? sharedRoutes;
    const groups = groupRoutes(routes, props.functionsPerStack ?? 25);
    // All bundles in one esbuild run before the first function asks for its own.
    props.functions.prepare(
      groups.flatMap((g) =>
        g.functions.map((f) => ({ handler: f.handler, origin: `route ${f.routes[0]!.id}` })),
      ),
    );

    const integrations = new Map<string, apigwv2.HttpIntegration>();
    for (const group of groups) {
      const stack = new RouteFunctionsStack(this, `Routes-${group.name}`, {
        group,
        httpApi: this.httpApi,
        functions: props.functions,
        targets: props.targets,
        monitoring: props.monitoring,
      });
      this.functionStacks.push(stack);
      for (const [handler, integration] of stack.integrations) integrations.set(handler, integration);
      for (const [routeId, fn] of stack.functions) this.functions.set(routeId, fn);
    }

    for (const route of routes) {
      const isPublic = route.roles.length === 0;
      // The L1 route: the L2 HttpRoute would create its own integration beside it, in the parent.
      // It sits where HttpApi.addRoutes put its routes, so a stack deployed before the
      // nested stacks keeps its routes' logical ids: they are updated in place, never
      // created anew beside the old ones with the same route key.
      const at = new Construct(this.httpApi, `${route.method}${route.path}`);
      const created = new apigwv2.CfnRoute(at, 'Resource', {
        apiId: this.httpApi.apiId,
        routeKey: `${route.method} ${route.path}`,
        target: `integrations/${integrations.get(route.handler)!.integrationId}`,
        authorizationType: isPublic ? 'NONE' : 'JWT',
        ...(isPublic ? {} : { authorizerId: authorizer.authorizerId }),
      });
      if (isPublic) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Route ${route.id} (${route.method} ${route.path}) is public in the shared route table (no roles): it is used without signing in, and the function checks the credential the request carries itself (an emailed link's token).`,
        });
      }
    }
  }

  /** Host name of the API's execute-api endpoint, the site's `/api/*` origin. */
  get domainName(): string {
    return `${this.httpApi.apiId}.execute-api.${this.httpApi.stack.region}.${this.httpApi.stack.urlSuffix}`;
  }
}
