import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of {@link AccessLogs}. */
export interface AccessLogsProps {
  /** Days a log object is kept before it expires. */
  readonly expireAfterDays: number;
}

/**
 * The one bucket that receives S3 server access logs (archive, site) and CloudFront
 * standard logs, so an auditor can see who read which report.
 */
export class AccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      // Server access logging only delivers to SSE-S3 buckets (not SSE-KMS).
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging still writes with ACLs, so they must stay enabled here.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.expireAfterDays) }],
      // Access records of the archive are evidence; they outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log destination itself; logging it into itself would loop and another log bucket would only move the finding.',
    });
  }
}
