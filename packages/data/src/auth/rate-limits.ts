import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TooManyRequestsError } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';

export type RateLimit = { max: number; seconds: number };

/**
 * Counts one use of `bucket` in the current fixed window and refuses it past `max` (429 with the
 * seconds until the window ends). Windows expire by TTL. Several limits are checked at once.
 */
export async function spendRateLimits(db: Db, limits: { bucket: string; limit: RateLimit }[], now: Date) {
  const at = Math.floor(now.getTime() / 1000);
  const refusals = await Promise.all(
    limits.map(async ({ bucket, limit }) => {
      const windowStart = at - (at % limit.seconds);
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: keys.rateWindow(bucket, windowStart),
            UpdateExpression: 'ADD uses :one SET #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(uses) OR uses < :max',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':max': limit.max,
              ':ttl': windowStart + limit.seconds + 60,
            },
          }),
        );
        return 0;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return windowStart + limit.seconds - at;
        throw error;
      }
    }),
  );
  const wait = Math.max(...refusals, 0);
  if (wait > 0)
    throw new TooManyRequestsError(
      'rate_limited',
      `请求过于频繁，请 ${wait} 秒后再试 (too many requests: try again in ${wait} s)`,
      wait,
    );
}
