import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  assertMayCancel,
  ConflictError,
  NotFoundError,
  newId,
  type Redemption,
  redemptionSchema,
} from '@xjf/domain';
import { getItems } from '../batch';
import type { Db } from '../client';
import { type IdempotencySeal, requestInProgress } from '../idempotency/records';
import { keys } from '../keys';
import { villageMonthUpdate } from '../reports/village-months';
import { type TransactItems, transactWithRetry } from '../transact';
import { actorName } from './items';
import { storeSettingsFrom } from './settings';

type VillageScope = { countyId: string; villageId: string };

export async function getRedemption(db: Db, scope: VillageScope, redemptionId: string): Promise<Redemption> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.redemption(scope.countyId, scope.villageId, redemptionId),
      ConsistentRead: true,
    }),
  );
  return redemptionFrom(out.Item);
}

function redemptionFrom(item: Record<string, unknown> | undefined): Redemption {
  if (!item) throw new NotFoundError('兑换记录 (redemption)');
  return redemptionSchema.parse(item);
}

/**
 * Undoes a sale within the village's cancellation period: reversing entries give the points
 * and the goods back; the redemption stays, marked cancelled, so its history is never lost.
 */
export async function cancelRedemption(
  db: Db,
  scope: VillageScope,
  redemptionId: string,
  reason: string,
  actor: Actor,
  now: Date,
  seal?: IdempotencySeal,
): Promise<Redemption> {
  // The sale and the store's cancellation period, one BatchGet.
  const redemptionKey = keys.redemption(scope.countyId, scope.villageId, redemptionId);
  const settingsKey = keys.storeSettings(scope.countyId, scope.villageId);
  const found = await getItems(db, [redemptionKey, settingsKey], { consistent: true });
  const redemption = redemptionFrom(found(redemptionKey));
  const settings = storeSettingsFrom(found(settingsKey));
  assertMayCancel(redemption, settings, now);
  const at = now.toISOString();
  const by = actorName(actor);
  const { countyId, villageId } = scope;
  const items: TransactItems = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.redemption(countyId, villageId, redemption.id),
        UpdateExpression:
          'SET #status = :cancelled, cancelledAt = :at, cancelledBy = :by, cancelReason = :reason',
        ConditionExpression: '#status = :completed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':cancelled': 'cancelled',
          ':completed': 'completed',
          ':at': at,
          ':by': by,
          ':reason': reason,
        },
      },
    },
    {
      Update: {
        TableName: db.tableName,
        Key: keys.account(countyId, villageId, redemption.accountRef),
        UpdateExpression: 'SET balance = balance + :total, spent = spent - :total, version = version + :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':total': redemption.total, ':one': 1 },
      },
    },
    ...redemption.lines.flatMap((line): TransactItems => {
      const movementId = newId();
      return [
        {
          Update: {
            TableName: db.tableName,
            Key: keys.storeItem(countyId, villageId, line.itemId),
            UpdateExpression: 'SET stock = stock + :q',
            ExpressionAttributeValues: { ':q': line.quantity },
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.stockMovement(countyId, villageId, line.itemId, at, movementId),
              type: 'StockMovement',
              id: movementId,
              itemId: line.itemId,
              kind: 'cancellation',
              delta: line.quantity,
              redemptionId: redemption.id,
              reason,
              at,
              by,
            },
          },
        },
      ];
    }),
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.ledgerEntry(countyId, villageId, redemption.householdId, at, `${redemption.id}#cancel`),
          type: 'LedgerEntry',
          accountRef: redemption.accountRef,
          programId: redemption.programId,
          kind: 'redeem_cancel',
          points: redemption.total,
          redemptionId: redemption.id,
          explanation: {
            zh: `撤销兑换 ${redemption.code}，退回 ${redemption.total} 分`,
            en: `Redemption ${redemption.code} cancelled: ${redemption.total} points back`,
          },
          at,
          by,
          reason,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    villageMonthUpdate(db, scope, {
      kind: 'redeem_cancel',
      points: redemption.total,
      programId: redemption.programId,
      at,
    }),
  ];
  const cancelled: Redemption = {
    ...redemption,
    status: 'cancelled',
    cancelledAt: at,
    cancelledBy: by,
    cancelReason: reason,
  };
  if (seal) items.push(seal({ status: 200, body: cancelled }));
  await transactWithRetry(db, items, async (failed) =>
    failed.includes(items.length - 1) && seal
      ? requestInProgress()
      : new ConflictError('already_cancelled', '该兑换已撤销 (already cancelled)'),
  );
  return cancelled;
}
