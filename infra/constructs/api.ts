import { Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routes as sharedRoutes, type RouteDef } from '#domain/system/routes.ts';
import type { DeploymentConfig } from '../config.ts';
import { bindAccess, type AccessTargets, type ServiceFunctions } from './functions.ts';

/** Props of {@link Api}. */
export interface ApiProps {
  /** Makes the route functions with the shared defaults. */
  readonly functions: ServiceFunctions;
  /** Table, archive and sender the routes' `access` fields refer to. */
  readonly targets: AccessTargets;
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
  /** Throttling limits. */
  readonly api: DeploymentConfig['api'];
  /** Retention of the access log. */
  readonly logRetentionDays: number;
  /**
   * The route table.
   * @default the shared table of `domain/system/routes.ts`
   */
  readonly routes?: readonly RouteDef[];
}

/**
 * The HTTP API: one route and one function per entry of the shared route table.
 * Routes with roles sit behind the Cognito JWT authorizer; the function checks the
 * role and scope again (`functions/shared/http.ts`), so neither check alone guards data.
 */
export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  /** Route id → its function. */
  readonly functions = new Map<string, nodejs.NodejsFunction>();

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

    const authorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [props.client],
      identitySource: ['$request.header.Authorization'],
    });

    for (const route of props.routes ?? sharedRoutes) {
      const fn = props.functions.create(`Route-${route.id}`, {
        handler: route.handler,
        description: `${route.method} ${route.path}`,
        origin: `route ${route.id}`,
      });
      bindAccess(fn, route.access, props.targets);
      this.functions.set(route.id, fn);
      const isPublic = route.roles.length === 0;
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.id}Integration`, fn),
        ...(isPublic ? {} : { authorizer }),
      });
      if (isPublic && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `Route ${route.id} (${route.method} ${route.path}) is public in the shared route table (no roles): it is used before sign-in.`,
        });
      }
    }
  }

  /** Host name of the API's execute-api endpoint, the site's `/api/*` origin. */
  get domainName(): string {
    return `${this.httpApi.apiId}.execute-api.${this.httpApi.stack.region}.${this.httpApi.stack.urlSuffix}`;
  }
}
