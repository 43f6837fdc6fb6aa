import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Db } from '@xjf/data';

type Fault = 'throttle' | 'conflict' | 'lost_response';

/**
 * Injects DynamoDB's failures into the app's own client, for transaction writes only:
 * - throttle: the service refuses the call, inside the SDK's retry loop (as a real throttle is);
 * - conflict: the transaction is cancelled for a TransactionConflict, before it runs;
 * - lost_response: the transaction commits, then the answer never arrives (a timeout after the write).
 * `arm(fault, times)` fails the next `times` transactions; `sends` counts the app's tries and
 * `wireAttempts` the SDK's attempts within them.
 */
export function faultInjector(db: Db) {
  let armed: { fault: Fault; left: number } | undefined;
  let sends = 0;
  let wireAttempts = 0;
  const isTransaction = (args: { input: object }) => 'TransactItems' in args.input;
  const take = (fault: Fault) => {
    if (armed?.fault !== fault || armed.left <= 0) return false;
    armed.left--;
    return true;
  };

  db.doc.middlewareStack.add(
    (next) => async (args) => {
      if (!isTransaction(args as { input: object })) return next(args);
      sends++;
      if (take('conflict'))
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      const out = await next(args);
      if (take('lost_response')) throw Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
      return out;
    },
    { step: 'initialize', name: 'faultsOutside', override: true },
  );
  db.doc.middlewareStack.add(
    (next) => async (args) => {
      if (!isTransaction(args as { input: object })) return next(args);
      wireAttempts++;
      if (take('throttle'))
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
          name: 'ThrottlingException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
      return next(args);
    },
    { step: 'deserialize', name: 'faultsInsideRetries', override: true },
  );

  return {
    arm(fault: Fault, times = 1) {
      armed = { fault, left: times };
      sends = 0;
      wireAttempts = 0;
    },
    disarm() {
      armed = undefined;
    },
    get sends() {
      return sends;
    },
    get wireAttempts() {
      return wireAttempts;
    },
  };
}
