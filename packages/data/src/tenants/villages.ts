import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  assertInviteUsable,
  ConflictError,
  type CreatedUser,
  GoneError,
  NotFoundError,
  newId,
  type Onboarding,
  TAKEN,
  type Village,
  type VillageDetails,
  type VillagePatch,
  villageSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPrefix } from '../page';
import { transactWrite } from '../transact';
import { newSignIn, newUser, usernameTaken, userPuts } from '../users/users';
import { listCounties } from './counties';
import { getInvite } from './invites';
import { getTownship } from './townships';

type CountyScope = { countyId: string };
type VillageScope = { countyId: string; villageId: string };

/** `field` is where the name sits in the request body (`village.name` at onboarding). */
const nameTaken = (name: string, field = 'name') =>
  new ConflictError(
    'village_name_taken',
    `本乡镇已有「${name}」(a village of this name exists in the township)`,
    {
      [field]: TAKEN,
    },
  );

const pickDetails = (d: VillageDetails) => ({
  name: d.name,
  householdCount: d.householdCount,
  population: d.population,
  contactName: d.contactName,
  contactPhone: d.contactPhone,
  description: d.description,
  postingDays: d.postingDays,
});

/** The profile after a patch: listed fields only, `null` removes a field. */
function patched(current: Village, patch: VillagePatch, now: Date): Village {
  const next: Record<string, unknown> = { ...current, updatedAt: now.toISOString() };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return villageSchema.parse(next);
}

/**
 * Self-onboarding: the invite code is spent, the village created and its first admin made,
 * all in one transaction, so a code can never create two villages and a failure creates nothing.
 */
export async function onboardVillage(
  db: Db,
  input: Onboarding,
  now: Date,
): Promise<{ village: Village; admin: CreatedUser }> {
  const invite = await getInvite(db, input.inviteCode, now);
  assertInviteUsable(invite, now);
  const scope = { countyId: invite.countyId };
  const township = await getTownship(db, scope, invite.townshipId);
  const at = now.toISOString();
  const village: Village = villageSchema.parse({
    id: newId(),
    countyId: invite.countyId,
    townshipId: township.id,
    townshipName: township.name,
    ...pickDetails(input.village),
    createdAt: at,
    updatedAt: at,
  });
  const admin = newUser(
    { countyId: village.countyId, villageId: village.id },
    { ...input.admin, role: 'village_admin' },
    `invite:${invite.code}`,
    now,
  );
  const signIn = await newSignIn(admin);
  await transactWrite(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.invite(invite.code),
          UpdateExpression: 'SET usedAt = :at, villageId = :village',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :at',
          ExpressionAttributeValues: { ':at': at, ':village': village.id },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.villageName(village.countyId, village.townshipId, village.name),
            type: 'VillageName',
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.village(village.countyId, village.id), type: 'Village', ...village },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...userPuts(db, admin, signIn.passwordHash),
      villageRefPut(db, village),
    ],
    (index) => {
      if (index === 0)
        return new GoneError('invite_unusable', '邀请码刚刚被使用或已过期 (invite just used or expired)');
      if (index === 1) return nameTaken(village.name, 'village.name');
      return usernameTaken(admin.username, 'admin.username');
    },
  );
  return { village, admin: { ...admin, temporaryPassword: signIn.temporaryPassword } };
}

/** The public board's way from a village id to its county (no condition: the id is brand new). */
const villageRefPut = (db: Db, village: { id: string; countyId: string }) => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.villageRef(village.id), type: 'VillageRef', countyId: village.countyId },
  },
});

/** The scope of a village named only by id, for public pages; the county comes from the table. */
export async function villageScopeById(db: Db, villageId: string): Promise<VillageScope> {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.villageRef(villageId) }));
  if (typeof out.Item?.countyId !== 'string') throw new NotFoundError('村 (village)');
  return { countyId: out.Item.countyId, villageId };
}

/** Villages onboarded before the public board existed get their lookup item; safe to run again. */
export async function backfillVillageRefs(db: Db): Promise<void> {
  const pages = async (
    next: (cursor?: string) => Promise<Page<{ id: string }>>,
    each: (id: string) => Promise<unknown>,
  ) => {
    let cursor: string | undefined;
    do {
      const page = await next(cursor);
      await Promise.all(page.items.map((item) => each(item.id)));
      cursor = page.nextCursor;
    } while (cursor);
  };
  await pages(
    (cursor) => listCounties(db, { cursor }),
    (countyId) =>
      pages(
        (cursor) => listVillages(db, { countyId }, { cursor }),
        (villageId) => db.doc.send(new PutCommand(villageRefPut(db, { id: villageId, countyId }).Put)),
      ),
  );
}

export async function getVillage(db: Db, scope: VillageScope): Promise<Village> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.village(scope.countyId, scope.villageId) }),
  );
  return villageFrom(out.Item);
}

/** A village item read (perhaps in a batch) as the village, or 404 when it was not there. */
export function villageFrom(item: Record<string, unknown> | undefined): Village {
  if (!item) throw new NotFoundError('村 (village)');
  return villageSchema.parse(item);
}

export function listVillages(
  db: Db,
  scope: CountyScope,
  page: { limit?: number; cursor?: string; townshipId?: string },
): Promise<Page<Village>> {
  const filter = page.townshipId
    ? { expression: 'townshipId = :township', values: { ':township': page.townshipId } }
    : undefined;
  return queryPrefix(
    db,
    keys.villagePrefix(scope.countyId),
    { limit: page.limit, cursor: page.cursor, filter },
    (item) => villageSchema.parse(item),
  );
}

/** Renaming moves the township-unique name guard in the same transaction as the change. */
export async function updateVillage(
  db: Db,
  scope: VillageScope,
  patch: VillagePatch,
  now: Date,
): Promise<Village> {
  const current = await getVillage(db, scope);
  const next = patched(current, patch, now);
  const renamed = next.name !== current.name;
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.village(scope.countyId, scope.villageId), type: 'Village', ...next },
          // Optimistic lock: a concurrent edit makes this one fail rather than silently overwrite.
          ConditionExpression: 'updatedAt = :seen',
          ExpressionAttributeValues: { ':seen': current.updatedAt },
        },
      },
      ...(renamed
        ? [
            {
              Delete: {
                TableName: db.tableName,
                Key: keys.villageName(scope.countyId, current.townshipId, current.name),
              },
            },
            {
              Put: {
                TableName: db.tableName,
                Item: {
                  ...keys.villageName(scope.countyId, next.townshipId, next.name),
                  type: 'VillageName',
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]
        : []),
    ],
    (index) =>
      index === 0
        ? new ConflictError('edit_conflict', '村信息已被他人修改，请刷新后重试 (changed meanwhile; reload)')
        : nameTaken(next.name),
  );
  return next;
}
