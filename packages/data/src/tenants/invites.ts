import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Invite,
  type InviteCreate,
  inviteExpiry,
  inviteSchema,
  inviteStatus,
  NotFoundError,
  newInviteCode,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPage } from '../page';
import { transactWrite } from '../transact';

type CountyScope = { countyId: string };

const toInvite = (item: Record<string, unknown>, now: Date): Invite =>
  inviteSchema.parse({ ...item, status: inviteStatus(item as { expiresAt: string; usedAt?: string }, now) });

export async function createInvite(
  db: Db,
  scope: CountyScope,
  input: InviteCreate,
  createdBy: string,
  now: Date,
): Promise<Invite> {
  const stored = {
    code: newInviteCode(),
    countyId: scope.countyId,
    townshipId: input.townshipId,
    note: input.note,
    createdAt: now.toISOString(),
    createdBy,
    expiresAt: inviteExpiry(now, input.expiresInDays).toISOString(),
  };
  await transactWrite(
    db,
    [
      {
        ConditionCheck: {
          TableName: db.tableName,
          Key: keys.township(scope.countyId, input.townshipId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.invite(stored.code),
            ...keys.inviteListing(scope.countyId, stored.createdAt),
            type: 'Invite',
            ...stored,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    () => new NotFoundError('乡镇 (township)'),
  );
  return toInvite(stored, now);
}

export function listInvites(
  db: Db,
  scope: CountyScope,
  page: { limit?: number; cursor?: string },
  now: Date,
): Promise<Page<Invite>> {
  return queryPage(
    db,
    {
      partition: { name: 'GSI1PK', value: keys.inviteListingPK(scope.countyId) },
      indexName: 'GSI1',
      forward: false,
      ...page,
    },
    (item) => toInvite(item, now),
  );
}

export async function getInvite(db: Db, code: string, now: Date): Promise<Invite> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.invite(code) }));
  if (!out.Item) throw new NotFoundError('邀请码 (invite code)', 'invite_not_found');
  return toInvite(out.Item, now);
}
