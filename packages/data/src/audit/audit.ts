import {
  type Actor,
  type AuditAction,
  type AuditEntry,
  auditEntrySchema,
  chinaDayEnd,
  chinaDayStart,
  newId,
} from '@xjf/domain';
import type { Db } from '../client';
import { type Key, keys } from '../keys';
import { type Page, queryPage } from '../page';
import type { TransactItem } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** Who did it: a signed-in user, or someone from the public board who may give a name. */
export type AuditWho = { userId?: string; name: string };
export const auditWhoOf = (actor: Actor): AuditWho => ({
  userId: actor.userId,
  name: actor.name || actor.username,
});

export type AuditInput = {
  action: AuditAction;
  at: Date;
  by: AuditWho;
  recordId?: string;
  householdNumber?: string;
  ruleName?: string;
  points?: number;
  reason?: string;
  detail?: string;
};

/**
 * One audit entry as a TransactWrite item, for the caller to write in the same transaction as
 * the effect it records: the log then holds an entry exactly when the effect happened.
 */
export const auditEntry = (db: Db, scope: VillageScope, input: AuditInput): TransactItem =>
  auditPut(db, input, (at, id) => keys.audit(scope.countyId, scope.villageId, at, id));

/**
 * An entry in the log of whoever holds the account: its village, its county, or the platform.
 * Sign-ins, failures, locks and resets of staff who belong to no village land here.
 */
export const tenantAuditEntry = (
  db: Db,
  tenant: { countyId?: string; villageId?: string },
  input: AuditInput,
): TransactItem =>
  auditPut(db, input, (at, id) => {
    if (tenant.countyId && tenant.villageId) return keys.audit(tenant.countyId, tenant.villageId, at, id);
    if (tenant.countyId) return keys.countyAudit(tenant.countyId, at, id);
    return keys.platformAudit(at, id);
  });

function auditPut(db: Db, input: AuditInput, keyOf: (at: string, id: string) => Key): TransactItem {
  const at = input.at.toISOString();
  const entry: AuditEntry = auditEntrySchema.parse({
    id: newId(),
    at,
    action: input.action,
    byUserId: input.by.userId,
    byName: input.by.name,
    recordId: input.recordId,
    householdNumber: input.householdNumber,
    ruleName: input.ruleName,
    points: input.points,
    reason: input.reason || undefined,
    detail: input.detail,
  });
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keyOf(at, entry.id), type: 'AuditEntry', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** The audit entry for something done to a point record. */
export const recordAudit = (
  db: Db,
  scope: VillageScope,
  action: AuditAction,
  record: {
    id: string;
    householdNumber: string;
    rule: { name: string };
    estimate: number;
    points?: number;
  },
  by: AuditWho,
  at: Date,
  reason?: string,
): TransactItem =>
  auditEntry(db, scope, {
    action,
    at,
    by,
    recordId: record.id,
    householdNumber: record.householdNumber,
    ruleName: record.rule.name,
    points: record.points ?? record.estimate,
    reason,
  });

/**
 * An audit log, newest first, optionally within China days `from`..`to` (inclusive): a village's,
 * or (without `villageId`) the county's own, which holds its county users' account events.
 */
export function listAudit(
  db: Db,
  scope: { countyId: string; villageId?: string },
  query: { from?: string; to?: string; limit?: number; cursor?: string },
): Promise<Page<AuditEntry>> {
  const PK = scope.villageId
    ? keys.auditPrefix(scope.countyId, scope.villageId).PK
    : keys.countyAudit(scope.countyId, '', '').PK;
  const SKPrefix = 'AUDIT#';
  return queryPage(
    db,
    {
      partition: { name: 'PK', value: PK },
      sortCondition: {
        expression: '#sk BETWEEN :from AND :to',
        values: {
          ':from': `${SKPrefix}${query.from ? chinaDayStart(query.from) : ''}`,
          // The day after `to` starts at this instant; every entry's key then has `#id` after it.
          ':to': `${SKPrefix}${query.to ? chinaDayEnd(query.to) : '~'}`,
        },
      },
      forward: false,
      limit: query.limit,
      cursor: query.cursor,
    },
    (item) => auditEntrySchema.parse(item),
  );
}
