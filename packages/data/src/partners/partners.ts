import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  NotFoundError,
  newId,
  type Partner,
  type PartnerCreate,
  partnerSchema,
  TAKEN,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryAllPrefix } from '../page';
import { countyPrograms } from '../rules/programs';
import { transactWrite } from '../transact';

type CountyScope = { countyId: string };

/** Registers a partner of the county; the programs it reads must be the county's own (county-wide). */
export async function createPartner(
  db: Db,
  scope: CountyScope,
  input: PartnerCreate,
  createdBy: string,
  now: Date,
): Promise<Partner> {
  const programs = new Set((await countyPrograms(db, scope)).map((p) => p.id));
  const unknown = input.programIds.findIndex((id) => !programs.has(id));
  if (unknown >= 0)
    throw new ValidationError(
      '只能选择本县全县统一的积分项目 (choose one of the county-wide programs)',
      { [`programIds.${unknown}`]: 'unknown' },
      'unknown_program',
    );
  const partner: Partner = {
    id: newId(),
    name: input.name,
    description: input.description,
    programIds: [...new Set(input.programIds)],
    createdAt: now.toISOString(),
    createdBy,
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.partnerName(scope.countyId, input.name),
            type: 'PartnerName',
            partnerId: partner.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.partner(scope.countyId, partner.id), type: 'Partner', ...partner },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    () =>
      new ConflictError('partner_name_taken', `本县已有「${input.name}」(partner exists)`, { name: TAKEN }),
  );
  return partner;
}

export async function getPartner(db: Db, scope: CountyScope, partnerId: string): Promise<Partner> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.partner(scope.countyId, partnerId) }),
  );
  if (!out.Item) throw new NotFoundError('合作机构 (partner)');
  return partnerSchema.parse(out.Item);
}

/** A county's partners: a handful (its banks), read whole. */
export const listPartners = (db: Db, scope: CountyScope) =>
  queryAllPrefix(db, keys.partnerPrefix(scope.countyId), (item) => partnerSchema.parse(item));
