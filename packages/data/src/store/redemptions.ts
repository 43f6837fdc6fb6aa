import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  assertRedemptionDay,
  ConflictError,
  chinaDate,
  newId,
  newRedemptionCode,
  priceBasket,
  priceChanged,
  type Redemption,
  type RedemptionCreate,
  type RedemptionLine,
  type StoreItem,
  storeItemSchema,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { getHousehold } from '../households/households';
import { type IdempotencySeal, requestInProgress } from '../idempotency/records';
import { keys } from '../keys';
import { villageMonthUpdate } from '../reports/village-months';
import { getProgram } from '../rules/programs';
import { type TransactItems, transactWithRetry } from '../transact';
import { actorName } from './items';
import { getStoreSettings } from './settings';

type VillageScope = { countyId: string; villageId: string };

async function readItems(db: Db, scope: VillageScope, itemIds: string[]): Promise<Map<string, StoreItem>> {
  const out = await db.doc.send(
    new BatchGetCommand({
      RequestItems: {
        [db.tableName]: {
          Keys: itemIds.map((id) => keys.storeItem(scope.countyId, scope.villageId, id)),
          ConsistentRead: true,
        },
      },
    }),
  );
  // A basket is at most 40 small items, far under BatchGet's limits, so nothing is left unprocessed.
  const items = (out.Responses?.[db.tableName] ?? []).map((i) => storeItemSchema.parse(i));
  return new Map(items.map((i) => [i.id, i]));
}

async function accountBalance(db: Db, scope: VillageScope, accountRef: string): Promise<number> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.account(scope.countyId, scope.villageId, accountRef),
      ConsistentRead: true,
    }),
  );
  return Number(out.Item?.balance ?? 0);
}

const describe = (lines: RedemptionLine[], total: number) => ({
  zh: `兑换 ${lines.map((l) => `${l.name} ${l.quantity}${l.unit}`).join('、')}，共 ${total} 分`,
  en: `Redeemed ${lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}: ${total} points`,
});

/**
 * A sale at the counter. One transaction debits the account (never below zero), takes each
 * item's stock (never below zero, at the price the clerk saw, only while on sale), and writes
 * the redemption, its stock movements and its ledger entry. Nothing is read and then written
 * back, so any number of clerks can sell at once without losing a count.
 */
export async function createRedemption(
  db: Db,
  scope: VillageScope,
  input: RedemptionCreate,
  actor: Actor,
  now: Date,
  seal?: IdempotencySeal,
) {
  const [settings, household, shelf] = await Promise.all([
    getStoreSettings(db, scope),
    getHousehold(db, scope, input.householdId),
    readItems(
      db,
      scope,
      input.lines.map((l) => l.itemId),
    ),
  ]);
  assertRedemptionDay(settings.redemptionDays, chinaDate(now));
  if (!settings.programId) {
    throw new ConflictError(
      'store_not_set_up',
      '请先在积分超市设置中选择使用哪个积分项目 (choose the store’s program)',
    );
  }
  const program = await getProgram(db, scope, settings.programId);
  const memberId = program.accountHolder === 'member' ? input.memberId : undefined;
  if (program.accountHolder === 'member' && !household.members.some((m) => m.id === memberId)) {
    throw new ValidationError('按人计分的项目须选择本户成员 (choose a member of the household)', {
      memberId: '请选择成员',
    });
  }
  const { lines, total } = priceBasket(input.lines, shelf);
  const at = now.toISOString();
  const accountRef = [household.id, program.id, memberId].filter(Boolean).join('#');
  const by = actorName(actor);
  const redemption: Redemption = {
    id: newId(),
    code: newRedemptionCode(),
    householdId: household.id,
    householdNumber: household.number,
    headName: household.headName,
    group: household.group,
    memberId,
    programId: program.id,
    accountRef,
    lines,
    total,
    status: 'completed',
    at,
    by: actor.userId,
    byName: by,
  };
  const { countyId, villageId } = scope;
  const items: TransactItems = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.account(countyId, villageId, accountRef),
        UpdateExpression: 'SET balance = balance - :total, spent = spent + :total, version = version + :one',
        ConditionExpression: 'balance >= :total',
        ExpressionAttributeValues: { ':total': total, ':one': 1 },
      },
    },
    ...lines.flatMap((line): TransactItems => {
      const movementId = newId();
      return [
        {
          Update: {
            TableName: db.tableName,
            Key: keys.storeItem(countyId, villageId, line.itemId),
            UpdateExpression: 'SET stock = stock - :q',
            ConditionExpression: 'stock >= :q AND price = :price AND #status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':q': line.quantity, ':price': line.price, ':active': 'active' },
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
              kind: 'redemption',
              delta: -line.quantity,
              redemptionId: redemption.id,
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
          ...keys.redemption(countyId, villageId, redemption.id),
          ...keys.redemptionListing(countyId, villageId, at, redemption.id),
          type: 'Redemption',
          ...redemption,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.ledgerEntry(countyId, villageId, household.id, at, `${redemption.id}#redeem`),
          type: 'LedgerEntry',
          accountRef,
          programId: program.id,
          kind: 'redeem',
          points: -total,
          redemptionId: redemption.id,
          explanation: describe(lines, total),
          at,
          by,
        },
      },
    },
    villageMonthUpdate(db, scope, { kind: 'redeem', points: -total, programId: program.id, at }),
  ];
  // A replay after a lost response gets the sale without the balance, which only the first answer read.
  if (seal) items.push(seal({ status: 201, body: redemption }));
  await transactWithRetry(db, items, async (failed) => {
    if (seal && failed.includes(items.length - 1)) return requestInProgress();
    if (failed.includes(0)) {
      const balance = await accountBalance(db, scope, accountRef);
      return new ConflictError(
        'insufficient_points',
        `积分不足：余额 ${balance} 分，需要 ${total} 分 (not enough points)`,
        undefined,
        { balance, total },
      );
    }
    return whyTheShelfRefused(db, scope, lines);
  });
  return { ...redemption, balanceAfter: await accountBalance(db, scope, accountRef) };
}

/** Re-reads the shelf to name what changed between the clerk's look and the sale. */
async function whyTheShelfRefused(db: Db, scope: VillageScope, lines: RedemptionLine[]) {
  const shelf = await readItems(
    db,
    scope,
    lines.map((l) => l.itemId),
  );
  const changed = lines.flatMap((l) => {
    const price = shelf.get(l.itemId)?.price;
    return price !== undefined && price !== l.price ? [{ itemId: l.itemId, price }] : [];
  });
  if (changed.length > 0) return priceChanged(changed, shelf);
  const retired = lines.find((l) => shelf.get(l.itemId)?.status !== 'active');
  if (retired) return new ConflictError('item_unavailable', `${retired.name}已下架 (retired)`);
  const short = lines.filter((l) => (shelf.get(l.itemId)?.stock ?? 0) < l.quantity);
  return new ConflictError(
    'out_of_stock',
    `库存不足：${short.map((l) => `${l.name} 仅剩 ${shelf.get(l.itemId)?.stock ?? 0}${l.unit}`).join('，')} (not enough stock)`,
    undefined,
    { stock: short.map((l) => ({ itemId: l.itemId, stock: shelf.get(l.itemId)?.stock ?? 0 })) },
  );
}
