import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { table as tableDef } from '#domain/system/resources.ts';

/** Props of {@link DataStore}. */
export interface DataStoreProps {
  /** Prefix of the physical table name, e.g. the environment name. */
  readonly stage: string;
}

/**
 * The single DynamoDB table every record lives in, with the keys and indexes of
 * `domain/system/resources.ts` (the same definition dynalite gets locally).
 */
export class DataStore extends Construct {
  readonly table: dynamodb.TableV2;
  /** Index names, for grants that name each index instead of `index/*`. */
  readonly indexNames: readonly string[] = tableDef.indexes.map((i) => i.name);

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);
    const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: `${props.stage}-${tableDef.name}`,
      partitionKey: key(tableDef.partitionKey),
      sortKey: key(tableDef.sortKey),
      globalSecondaryIndexes: tableDef.indexes.map((i) => ({
        indexName: i.name,
        partitionKey: key(i.partitionKey),
        sortKey: key(i.sortKey),
      })),
      // On demand: a county writes in bursts around the 6th-8th and is quiet otherwise.
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The AWS-managed key (aws/dynamodb): encryption at rest with a key the account can audit, at no monthly fee.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
