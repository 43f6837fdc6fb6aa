import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  type Consent,
  type ConsentCreate,
  type ConsentWithdraw,
  chinaDate,
  consentSchema,
  householdSearchText,
  NotFoundError,
  newId,
  type PartnerHousehold,
  partnerHouseholdSchema,
  ValidationError,
} from '@xjf/domain';
import { type AuditWho, auditEntry } from '../audit/audit';
import type { Db } from '../client';
import { getHousehold } from '../households/households';
import { keys } from '../keys';
import { type Page, queryAllPrefix, queryPrefix } from '../page';
import { getVillage } from '../tenants/villages';
import { transactWrite } from '../transact';
import { getPartner } from './partners';

type VillageScope = { countyId: string; villageId: string };

const notInFuture = (day: string, now: Date, field: string) => {
  if (day > chinaDate(now))
    throw new ValidationError('日期不能晚于今天 (the date cannot be in the future)', { [field]: 'future' });
};

/**
 * Records a household's consent to a partner (the day it signed) in one transaction: the
 * consent in the village, the standing item the partner lists in the county (at most one in
 * force per household and partner), and the audit entry.
 */
export async function grantConsent(
  db: Db,
  scope: VillageScope,
  householdId: string,
  input: ConsentCreate,
  by: AuditWho & { userId: string },
  now: Date,
): Promise<Consent> {
  notInFuture(input.grantedOn, now, 'grantedOn');
  const [household, partner, village] = await Promise.all([
    getHousehold(db, scope, householdId),
    getPartner(db, scope, input.partnerId),
    getVillage(db, scope),
  ]);
  const consent: Consent = {
    id: newId(),
    householdId,
    partnerId: partner.id,
    partnerName: partner.name,
    grantedOn: input.grantedOn,
    note: input.note,
    recordedAt: now.toISOString(),
    recordedBy: by.userId,
  };
  const standing: PartnerHousehold & { consentId: string; searchText: string } = {
    householdId,
    villageId: scope.villageId,
    villageName: village.name,
    householdNumber: household.number,
    headName: household.headName,
    grantedOn: input.grantedOn,
    consentId: consent.id,
    searchText: householdSearchText(household),
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.partnerHousehold(scope.countyId, partner.id, householdId),
            type: 'PartnerHousehold',
            ...standing,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR attribute_exists(withdrawnAt)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.consent(scope.countyId, scope.villageId, householdId, consent.id),
            type: 'Consent',
            ...consent,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditEntry(db, scope, {
        action: 'consent',
        at: now,
        by,
        householdNumber: household.number,
        detail: `授权 ${partner.name} 查询积分，签署日 ${input.grantedOn} (consent to ${partner.name})`,
      }),
    ],
    () =>
      new ConflictError(
        'consent_exists',
        `该户对「${partner.name}」的授权仍有效 (a consent to this partner is already in force)`,
        { partnerId: 'exists' },
      ),
  );
  return consent;
}

/** Withdraws a consent: it stays in the history with the day, and the partner stops seeing the household. */
export async function withdrawConsent(
  db: Db,
  scope: VillageScope,
  householdId: string,
  consentId: string,
  input: ConsentWithdraw,
  by: AuditWho & { userId: string },
  now: Date,
): Promise<Consent> {
  notInFuture(input.withdrawnOn, now, 'withdrawnOn');
  const [out, household] = await Promise.all([
    db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.consent(scope.countyId, scope.villageId, householdId, consentId),
      }),
    ),
    getHousehold(db, scope, householdId),
  ]);
  if (!out.Item) throw new NotFoundError('授权 (consent)');
  const consent = consentSchema.parse(out.Item);
  if (input.withdrawnOn < consent.grantedOn)
    throw new ValidationError('撤回日期不能早于签署日 (withdrawal cannot precede the consent)', {
      withdrawnOn: 'before_grant',
    });
  const withdrawn: Consent = {
    ...consent,
    withdrawnOn: input.withdrawnOn,
    withdrawnAt: now.toISOString(),
    withdrawnBy: by.userId,
    withdrawReason: input.reason,
  };
  await transactWrite(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.consent(scope.countyId, scope.villageId, householdId, consentId),
          UpdateExpression:
            'SET withdrawnOn = :on, withdrawnAt = :at, withdrawnBy = :by, withdrawReason = :reason',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(withdrawnAt)',
          ExpressionAttributeValues: {
            ':on': withdrawn.withdrawnOn,
            ':at': withdrawn.withdrawnAt,
            ':by': by.userId,
            ':reason': input.reason ?? '',
          },
        },
      },
      {
        // The standing item stays (withdrawn), so a later look-up is still logged in this village.
        Update: {
          TableName: db.tableName,
          Key: keys.partnerHousehold(scope.countyId, consent.partnerId, householdId),
          UpdateExpression: 'SET withdrawnAt = :at',
          ConditionExpression: 'consentId = :id',
          ExpressionAttributeValues: { ':at': withdrawn.withdrawnAt, ':id': consentId },
        },
      },
      auditEntry(db, scope, {
        action: 'consent_withdraw',
        at: now,
        by,
        householdNumber: household.number,
        reason: input.reason,
        detail: `撤回对 ${consent.partnerName} 的授权，撤回日 ${input.withdrawnOn} (consent withdrawn)`,
      }),
    ],
    () => new ConflictError('consent_withdrawn', '该授权已撤回 (this consent was already withdrawn)'),
  );
  return withdrawn;
}

/** A household's consents, oldest first, withdrawn ones included. */
export async function listConsents(db: Db, scope: VillageScope, householdId: string): Promise<Consent[]> {
  await getHousehold(db, scope, householdId);
  const all = await queryAllPrefix(
    db,
    keys.consentPrefix(scope.countyId, scope.villageId, householdId),
    (item) => consentSchema.parse(item),
  );
  return all.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

/** The households consenting to a partner now, across the county's villages; searchable by name or 户号. */
export function listPartnerHouseholds(
  db: Db,
  scope: { countyId: string; partnerId: string },
  query: { q?: string; limit?: number; cursor?: string },
): Promise<Page<PartnerHousehold>> {
  return queryPrefix(
    db,
    keys.partnerHouseholdPrefix(scope.countyId, scope.partnerId),
    {
      limit: query.limit,
      cursor: query.cursor,
      filter: {
        expression: `attribute_not_exists(withdrawnAt)${query.q ? ' AND contains(searchText, :q)' : ''}`,
        values: query.q ? { ':q': query.q } : {},
      },
    },
    (item) => partnerHouseholdSchema.parse(item),
  );
}
