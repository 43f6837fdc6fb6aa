/**
 * The one table, described once. The CDK stack, the local runtime and the tests all build
 * their table from this object; see DESIGN.md beside it for the entities and access patterns.
 * Pure data: importing it pulls in no AWS SDK.
 */
export const tableSpec = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [{ indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
  /**
   * Epoch seconds; DynamoDB deletes the item some time after (idempotency records). There is no
   * stream: the county's figures are kept in each posting's own transaction (DESIGN.md).
   */
  ttlAttribute: 'ttl',
} as const;

export type TableSpec = typeof tableSpec;
