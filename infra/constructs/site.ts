import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { originHeader } from '#domain/system/resources.ts';
import type { RuntimeConfig } from '#domain/system/runtime-config.ts';
import type { DeploymentConfig } from '../config.ts';

/** Props of {@link Site}. */
export interface SiteProps {
  /** Domain, certificate and geographic allow-list, from the deployment configuration. */
  readonly site: DeploymentConfig['site'];
  /** Host name of the HTTP API, served under `/api/*`. */
  readonly apiDomainName: string;
  /**
   * Sent to the API with every request as `originHeader`; the functions refuse
   * requests without it, so only this distribution reaches the API.
   */
  readonly originSecret: string;
  /** Where S3 server access logs and CloudFront logs go. */
  readonly accessLogs: s3.IBucket;
  /** What `/runtime-config.json` tells the browser (sign-in endpoint, pool, client, county). */
  readonly runtimeConfig: RuntimeConfig;
  /** The built site (`forms/dist`), read for the hashes of its inline scripts; absent before `npm run build`. */
  readonly siteDir?: string;
}

/**
 * CSP hashes (`'sha256-...'`) of every inline `<script>` in the built pages. Astro
 * inlines its island loader; without these hashes `script-src 'self'` would stop the
 * React forms from starting, and `'unsafe-inline'` would defeat the policy.
 */
export function inlineScriptHashes(siteDir: string): string[] {
  const hashes = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.html')) {
        for (const m of readFileSync(path, 'utf8').matchAll(
          /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g,
        )) {
          if (m[1]) hashes.add(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
        }
      }
    }
  };
  visit(siteDir);
  return [...hashes].sort();
}

/**
 * The Content-Security-Policy of the forms. Scripts and styles come from the site
 * itself; the browser talks to the API on the same origin and to Cognito for sign-in.
 */
export function contentSecurityPolicy(
  region: string,
  urlSuffix: string,
  scriptHashes: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    // Inline scripts only by hash (Astro's island loader), never 'unsafe-inline'.
    ['script-src', "'self'", ...scriptHashes].join(' '),
    // React islands set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' https://cognito-idp.${region}.${urlSuffix}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/**
 * Astro writes `page/index.html`; S3 (behind origin access control) serves only
 * exact keys, so `/page/` and `/page` are rewritten at the edge.
 */
const indexRewrite = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) request.uri = uri + '/index.html';
  return request;
}`;

/**
 * `/runtime-config.json` answered at the edge: the values exist only once the stack
 * is deployed, so they are written into a CloudFront Function rather than uploaded
 * as a file that could drift from the stack. Non-ASCII is escaped to keep the
 * function source plain ASCII.
 */
export function runtimeConfigFunctionCode(config: RuntimeConfig): string {
  const json = JSON.stringify(JSON.stringify(config)).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `var body = ${json};
function handler(event) {
  return {
    statusCode: 200,
    statusDescription: 'OK',
    headers: {
      'content-type': { value: 'application/json; charset=utf-8' },
      'cache-control': { value: 'no-store' },
      'x-content-type-options': { value: 'nosniff' }
    },
    body: body
  };
}`;
}

/**
 * The forms site: a private bucket read only by CloudFront (origin access control),
 * HTTPS only, security headers on every response, and the API under `/api/*` of
 * the same domain, so the browser never makes a cross-origin call (no CORS).
 */
export class Site extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Versions let a bad upload of the site be rolled back.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Built from the repository at any time; kept on deletion only so tear-down never fails on a non-empty bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    let scriptHashes: string[] = [];
    if (props.siteDir && existsSync(props.siteDir)) scriptHashes = inlineScriptHashes(props.siteDir);
    else {
      Annotations.of(this).addWarningV2(
        'shouwang:site-not-built',
        'forms/dist is not built: the CSP allows no inline script, so Astro islands will not start. Run `npm run build` before synthesizing a deployment.',
      );
    }
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Shouwang security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(stack.region, stack.urlSuffix, scriptHashes),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(self)',
            override: true,
          },
        ],
      },
    });

    const { domainName, certificateArn, allowedCountries } = props.site;
    const custom =
      domainName && certificateArn
        ? {
            domainNames: [domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Shouwang forms and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Edges in Asia (Hong Kong, Taiwan, Japan, Korea, Singapore) are in class 200; class All adds only South America and Oceania.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(allowedCountries.length
        ? { geoRestriction: cloudfront.GeoRestriction.allowlist(...allowedCountries) }
        : {}),
      ...custom,
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'IndexRewrite', {
              code: cloudfront.FunctionCode.fromInline(indexRewrite),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: 'Serve page/index.html for /page and /page/',
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/runtime-config.json': {
          // Never reaches the bucket: the function answers every request.
          origin: siteOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headers,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'RuntimeConfig', {
                code: cloudfront.FunctionCode.fromInline(runtimeConfigFunctionCode(props.runtimeConfig)),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                comment: 'Serves /runtime-config.json from the stack outputs',
              }),
            },
          ],
        },
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            customHeaders: { [originHeader]: props.originSecret },
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          // A POST must not be redirected, so plain HTTP is refused outright here.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Forwards Authorization and the query string; the Host header must stay API Gateway's own.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });

    const suppressions: { id: string; reason: string }[] = [
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL: it would cost at least USD 5-10 a month per county for a staff-only site whose API already requires a Cognito token and is throttled at the stage; add one when the county policy asks for it.',
      },
    ];
    if (!allowedCountries.length) {
      suppressions.push({
        id: 'AwsSolutions-CFR1',
        reason:
          'The demo environment is opened by reviewers from anywhere; the prod environment sets site.allowedCountries (CN).',
      });
    }
    if (!domainName) {
      suppressions.push({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its *.cloudfront.net certificate, whose security policy it fixes itself; with site.domainName the distribution enforces TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(...suppressions);
  }
}
