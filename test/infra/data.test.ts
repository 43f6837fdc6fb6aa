import { tableSpec } from '@xjf/data/table';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT, synthApp } from './synth';

describe('data stack', () => {
  let table: { Properties: Record<string, unknown> & { Replicas: Record<string, unknown>[] } } & Record<
    string,
    unknown
  >;

  beforeAll(() => {
    const { stacks, template } = synthApp();
    const tables = Object.values(template(stacks.data).findResources('AWS::DynamoDB::GlobalTable'));
    expect(tables).toHaveLength(1);
    table = tables[0] as typeof table;
  }, SYNTH_TIMEOUT);

  it('has the key schema and indexes of the shared table spec', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableSpec.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableSpec.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      tableSpec.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('expires items by the spec TTL attribute and has no stream, since nothing consumes one', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableSpec.ttlAttribute,
      Enabled: true,
    });
    expect(table.Properties.StreamSpecification).toBeUndefined();
  });

  it('is billed on demand', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('keeps the data: point-in-time recovery, deletion protection and Retain', () => {
    const [replica] = table.Properties.Replicas;
    expect(replica).toMatchObject({
      Region: 'ap-southeast-1',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});
