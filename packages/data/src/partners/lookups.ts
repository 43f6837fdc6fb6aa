import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type LookupOutcome,
  newId,
  type PartnerLookup,
  partnerLookupSchema,
  villageSchema,
} from '@xjf/domain';
import { auditEntry } from '../audit/audit';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryAllPrefix, queryPrefix } from '../page';
import { transactWrite } from '../transact';

export type { LookupOutcome };

type VillageScope = { countyId: string; villageId: string };
type Who = { partnerId: string; userId: string; name: string };

const outcomeText: Record<LookupOutcome, string> = {
  allowed: '已查询 (shown)',
  no_consent: '拒绝：未授权 (refused: no consent)',
  consent_withdrawn: '拒绝：授权已撤回 (refused: consent withdrawn)',
  future_date: '拒绝：日期在未来 (refused: future date)',
};

/**
 * Logs one partner look-up in the household's village: an audit entry (the village's log) and
 * a look-up item under the household (its 查询记录), in one transaction.
 */
export async function logLookup(input: {
  db: Db;
  scope: VillageScope;
  partner: Who;
  partnerName: string;
  householdId: string;
  householdNumber?: string;
  asOf: string;
  now: Date;
  outcome: LookupOutcome;
  score?: number;
  tierLabel?: string;
}) {
  const { db, scope, partner, now } = input;
  const lookup: PartnerLookup = partnerLookupSchema.parse({
    id: newId(),
    at: now.toISOString(),
    householdId: input.householdId,
    partnerId: partner.partnerId,
    partnerName: input.partnerName,
    byUserId: partner.userId,
    byName: partner.name,
    asOf: input.asOf,
    outcome: input.outcome,
    score: input.score,
    tierLabel: input.tierLabel,
  });
  const tier = input.tierLabel ? ` · ${input.tierLabel}` : '';
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.partnerLookup(scope.countyId, scope.villageId, lookup.householdId, lookup.at, lookup.id),
            type: 'PartnerLookup',
            ...lookup,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditEntry(db, scope, {
        action: 'partner_lookup',
        at: now,
        by: { userId: partner.userId, name: `${partner.name}（${input.partnerName}）` },
        householdNumber: input.householdNumber,
        points: input.score,
        detail: `截至 ${input.asOf}：${outcomeText[input.outcome]}${tier}`,
      }),
    ],
    () => new Error('look-up ids collided'),
  );
}

/** A look-up of a household no village of the county has: kept with the partner in the county. */
export async function logStrayLookup(
  db: Db,
  partner: Who & { countyId: string },
  householdId: string,
  asOf: string,
  now: Date,
) {
  const at = now.toISOString();
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.strayLookup(partner.countyId, partner.partnerId, at, newId()),
        type: 'StrayLookup',
        householdId,
        asOf,
        byUserId: partner.userId,
        byName: partner.name,
        at,
      },
    }),
  );
}

/**
 * Which village of the county a household is in, when no consent names it: one BatchGet per
 * hundred villages (a county has hundreds). Only refused look-ups take this path.
 */
export async function findCountyHousehold(db: Db, countyId: string, householdId: string) {
  const villages = await queryAllPrefix(db, keys.villagePrefix(countyId), (item) =>
    villageSchema.parse(item),
  );
  for (let i = 0; i < villages.length; i += 100) {
    const wanted = villages.slice(i, i + 100).map((v) => keys.household(countyId, v.id, householdId));
    const out = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: wanted } } }),
    );
    const found = out.Responses?.[db.tableName]?.[0];
    if (found) return { villageId: String(found.villageId) };
  }
  return undefined;
}

/** A household's partner look-ups, newest first (查询记录). */
export function listLookups(
  db: Db,
  scope: VillageScope,
  householdId: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<PartnerLookup>> {
  return queryPrefix(
    db,
    keys.partnerLookupPrefix(scope.countyId, scope.villageId, householdId),
    { ...page, forward: false },
    (item) => partnerLookupSchema.parse(item),
  );
}
