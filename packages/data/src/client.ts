import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The table and the client that reaches it: the only handle repositories need. */
export interface Db {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export interface DbConfig {
  tableName: string;
  region: string;
  /** Set for DynamoDB Local; absent in AWS. */
  endpoint?: string;
  /**
   * DynamoDB Local only: without -sharedDb it keeps one database per access key, which lets one
   * instance serve several isolated copies of the demo (the browser tests).
   */
  localAccessKey?: string;
}

/**
 * Attempts per call, the first included: throttles and transient faults get two quick retries,
 * then the caller hears 503 "retry with the same Idempotency-Key", well inside API Gateway's 30 s.
 */
export const DYNAMO_MAX_ATTEMPTS = 3;

export function createDb(config: DbConfig): Db {
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: DYNAMO_MAX_ATTEMPTS,
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          credentials: { accessKeyId: config.localAccessKey ?? 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, tableName: config.tableName };
}
