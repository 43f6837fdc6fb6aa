import {
  type Actor,
  assertRedemptionDay,
  ConflictError,
  chinaDate,
  type Household,
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
import { getItems } from '../batch';
import type { Db } from '../client';
import { householdFrom } from '../households/households';
import { type IdempotencySeal, requestInProgress } from '../idempotency/records';
import { keys } from '../keys';
import { villageMonthUpdate } from '../reports/village-months';
import { programAmong, programKeys } from '../rules/programs';
import { type TransactItems, transactWithRetry } from '../transact';
import { actorName } from './items';
import { storeSettingsFrom } from './settings';

type VillageScope = { countyId: string; villageId: string };

const shelfFrom = (found: Awaited<ReturnType<typeof getItems>>, scope: VillageScope, itemIds: string[]) =>
  new Map(
    itemIds.flatMap((id): [string, StoreItem][] => {
      const item = found(keys.storeItem(scope.countyId, scope.villageId, id));
      return item ? [[id, storeItemSchema.parse(item)]] : [];
    }),
  );

/** The counter's first look, one BatchGet: the store's settings, the household and the shelf. */
async function readCounter(db: Db, scope: VillageScope, input: RedemptionCreate) {
  const { countyId, villageId } = scope;
  const itemIds = input.lines.map((l) => l.itemId);
  const settingsKey = keys.storeSettings(countyId, villageId);
  const householdKey = keys.household(countyId, villageId, input.householdId);
  const found = await getItems(
    db,
    [settingsKey, householdKey, ...itemIds.map((id) => keys.storeItem(countyId, villageId, id))],
    { consistent: true },
  );
  return {
    settings: storeSettingsFrom(found(settingsKey)),
    household: householdFrom(found(householdKey)),
    shelf: shelfFrom(found, scope, itemIds),
  };
}

/**
 * The store's program and the account the sale would debit, one BatchGet: which account
 * (the household's, or a member's) depends on the program, so both candidates are read.
 */
async function readAccount(
  db: Db,
  scope: VillageScope,
  programId: string,
  household: Household,
  memberId: string | undefined,
) {
  const refOf = (member?: string) => [household.id, programId, member].filter(Boolean).join('#');
  const accountKey = (member?: string) => keys.account(scope.countyId, scope.villageId, refOf(member));
  const found = await getItems(
    db,
    [...programKeys(scope, programId), accountKey(), ...(memberId ? [accountKey(memberId)] : [])],
    { consistent: true },
  );
  const program = programAmong(found, scope, programId);
  const member = program.accountHolder === 'member' ? memberId : undefined;
  if (program.accountHolder === 'member' && !household.members.some((m) => m.id === member)) {
    throw new ValidationError('按人计分的项目须选择本户成员 (choose a member of the household)', {
      memberId: '请选择成员',
    });
  }
  const balance = Number(found(accountKey(member))?.balance ?? 0);
  return { program, memberId: member, accountRef: refOf(member), balance };
}

async function accountBalance(db: Db, scope: VillageScope, accountRef: string): Promise<number> {
  const found = await getItems(db, [keys.account(scope.countyId, scope.villageId, accountRef)], {
    consistent: true,
  });
  return Number(found(keys.account(scope.countyId, scope.villageId, accountRef))?.balance ?? 0);
}

const notEnoughPoints = (balance: number, total: number) =>
  new ConflictError(
    'insufficient_points',
    `积分不足：余额 ${balance} 分，需要 ${total} 分 (not enough points)`,
    undefined,
    { balance, total },
  );

/** The account held another balance than the one read: only the exact first try refuses on that. */
class AccountMoved extends Error {}

const describe = (lines: RedemptionLine[], total: number) => ({
  zh: `兑换 ${lines.map((l) => `${l.name} ${l.quantity}${l.unit}`).join('、')}，共 ${total} 分`,
  en: `Redeemed ${lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')}: ${total} points`,
});

/**
 * A sale at the counter. One transaction debits the account (never below zero), takes each
 * item's stock (never below zero, at the price the clerk saw, only while on sale), and writes
 * the redemption, its stock movements and its ledger entry. Stock is never read and written
 * back, so any number of clerks can sell at once without losing a count. The account is
 * debited on the balance read just before (`balance = :seen`), which makes the receipt's
 * balance exact without reading it again; if the household's account moved meanwhile, the
 * sale is tried once more needing only `balance >= :total`, and the balance is read after it.
 */
export async function createRedemption(
  db: Db,
  scope: VillageScope,
  input: RedemptionCreate,
  actor: Actor,
  now: Date,
  seal?: IdempotencySeal,
) {
  const { settings, household, shelf } = await readCounter(db, scope, input);
  assertRedemptionDay(settings.redemptionDays, chinaDate(now));
  if (!settings.programId) {
    throw new ConflictError(
      'store_not_set_up',
      '请先在积分超市设置中选择使用哪个积分项目 (choose the store’s program)',
    );
  }
  const { program, memberId, accountRef, balance } = await readAccount(
    db,
    scope,
    settings.programId,
    household,
    input.memberId,
  );
  const { lines, total } = priceBasket(input.lines, shelf);
  if (balance < total) throw notEnoughPoints(balance, total);
  const at = now.toISOString();
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
  const effects: TransactItems = [
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
  const sell = async (seen: number | undefined, answer: object) => {
    const items: TransactItems = [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.account(countyId, villageId, accountRef),
          UpdateExpression:
            'SET balance = balance - :total, spent = spent + :total, version = version + :one',
          ConditionExpression:
            seen === undefined ? 'balance >= :total' : 'balance = :seen AND balance >= :total',
          ExpressionAttributeValues: {
            ':total': total,
            ':one': 1,
            ...(seen === undefined ? {} : { ':seen': seen }),
          },
        },
      },
      ...effects,
    ];
    if (seal) items.push(seal({ status: 201, body: answer }));
    await transactWithRetry(db, items, async (failed) => {
      if (seal && failed.includes(items.length - 1)) return requestInProgress();
      if (failed.includes(0))
        return seen === undefined
          ? notEnoughPoints(await accountBalance(db, scope, accountRef), total)
          : new AccountMoved();
      return whyTheShelfRefused(db, scope, lines);
    });
  };
  const receipt = { ...redemption, balanceAfter: balance - total };
  try {
    await sell(balance, receipt);
    return receipt;
  } catch (error) {
    if (!(error instanceof AccountMoved)) throw error;
  }
  // A replay after a lost response gets the sale without the balance, which only the first answer read.
  await sell(undefined, redemption);
  return { ...redemption, balanceAfter: await accountBalance(db, scope, accountRef) };
}

/** Re-reads the shelf to name what changed between the clerk's look and the sale. */
async function whyTheShelfRefused(db: Db, scope: VillageScope, lines: RedemptionLine[]) {
  const itemIds = lines.map((l) => l.itemId);
  const found = await getItems(
    db,
    itemIds.map((id) => keys.storeItem(scope.countyId, scope.villageId, id)),
    { consistent: true },
  );
  const shelf = shelfFrom(found, scope, itemIds);
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
