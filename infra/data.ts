import { tableSpec } from '@xjf/data/table';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

const string = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/** The one table, built from the same spec as DynamoDB Local, so both have the same keys and indexes. */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: string(tableSpec.partitionKey),
      sortKey: string(tableSpec.sortKey),
      globalSecondaryIndexes: tableSpec.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableSpec.ttlAttribute,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The points ledger is the product: never deleted with the stack, even if deletion protection is lifted.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // For infra/scripts/create-admin.ts.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
