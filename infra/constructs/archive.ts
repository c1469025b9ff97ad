import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';

/** Props of {@link Archive}. */
export interface ArchiveProps {
  /** Retention, lock mode and storage-class transition, from the deployment configuration. */
  readonly archive: DeploymentConfig['archive'];
  /** Where S3 server access logs go. */
  readonly accessLogs: s3.IBucket;
}

/**
 * The report archive: every PDF that is sent, kept unchanged. Object Lock (with
 * versioning, which it requires) is what lets an auditor trust that the archived
 * file is the one that was sent: no one can overwrite or delete a locked version
 * before its retention ends.
 */
export class Archive extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArchiveProps) {
    super(scope, id);
    const { retentionYears, lockMode, coldAfterDays } = props.archive;
    this.bucket = new s3.Bucket(this, 'Bucket', {
      versioned: true,
      objectLockEnabled: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'archive/',
      lifecycleRules: [
        {
          id: 'colder-after-age',
          // Glacier Instant Retrieval: auditors still download old reports in milliseconds.
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(coldAfterDays),
            },
          ],
          noncurrentVersionTransitions: [
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(coldAfterDays),
            },
          ],
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      // Never deleted with the stack: the archive outlives any deployment.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The L2 only writes the retention in days; records rules count years (and 3650 days
    // fall two or three days short of ten calendar years), so the rule is set in years.
    (this.bucket.node.defaultChild as s3.CfnBucket).objectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: lockMode, years: retentionYears } },
    };
  }
}
