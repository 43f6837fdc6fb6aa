/**
 * The one table, described once. The CDK stack, the local runtime and the tests all build
 * their table from this object; see DESIGN.md beside it for the entities and access patterns.
 * Pure data: importing it pulls in no AWS SDK.
 */
export const tableSpec = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [{ indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
  /** Epoch seconds; DynamoDB deletes the item some time after (idempotency records). */
  ttlAttribute: 'ttl',
  /** Streams feed the aggregates of later features (county reports). */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type TableSpec = typeof tableSpec;
