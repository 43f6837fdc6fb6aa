import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  type CreatedUser,
  isVillageRole,
  NotFoundError,
  newId,
  TAKEN,
  type User,
  type UserCreate,
  userSchema,
  ValidationError,
} from '@xjf/domain';
import { credentialPut } from '../auth/credentials';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import { mobilePut } from '../auth/sms-codes';
import type { Db } from '../client';
import { getHousehold } from '../households/households';
import { keys } from '../keys';
import { type Page, queryPage, queryPrefix } from '../page';
import { getTownship } from '../tenants/townships';
import { type TransactItems, transactWrite } from '../transact';

/** Where a user belongs: the platform, a county, or a village of a county. */
export type UserScope = { countyId?: string; villageId?: string };

/** What a sign-in needs to know about a username, without reading the tenant's partition. */
export const usernameEntrySchema = userSchema.pick({
  id: true,
  username: true,
  name: true,
  role: true,
  countyId: true,
  villageId: true,
  partnerId: true,
  townshipId: true,
});

function userKey(user: { id: string; countyId?: string; villageId?: string }) {
  if (user.countyId && user.villageId) return keys.villageUser(user.countyId, user.villageId, user.id);
  if (user.countyId) return keys.countyUser(user.countyId, user.id);
  return keys.platformUser(user.id);
}

export function newUser(scope: UserScope, input: UserCreate, createdBy: string, now: Date): User {
  return {
    id: newId(),
    username: input.username,
    name: input.name,
    role: input.role,
    phone: input.phone,
    countyId: scope.countyId,
    villageId: isVillageRole(input.role) ? scope.villageId : undefined,
    partnerId: input.role === 'partner' ? input.partnerId : undefined,
    householdId: input.role === 'villager' ? input.householdId : undefined,
    townshipId: input.role === 'township_reviewer' ? input.townshipId : undefined,
    createdAt: now.toISOString(),
    createdBy,
  };
}

/** The number a villager signs in with by SMS: their phone, or a username that is one. */
export const signInMobileOf = (user: Pick<User, 'role' | 'phone' | 'username'>) =>
  user.role !== 'villager'
    ? undefined
    : (user.phone ?? (/^1\d{10}$/.test(user.username) ? user.username : undefined));

/**
 * What creates a sign-in: staff get a one-time password (hashed here, shown once to the admin,
 * changed at first sign-in); villagers sign in by SMS to their mobile and get none.
 */
export async function newSignIn(user: User) {
  if (user.role === 'villager') return { passwordHash: undefined, temporaryPassword: undefined };
  const password = temporaryPassword();
  return { passwordHash: await hashPassword(password), temporaryPassword: password };
}

/**
 * The puts that create a user: the user under its tenant, its globally unique username, its
 * credential and, for a villager, its mobile number for SMS sign-in.
 */
export function userPuts(db: Db, user: User, passwordHash: string | undefined): TransactItems {
  const { id, username, name, role, countyId, villageId, partnerId, townshipId } = user;
  const mobile = signInMobileOf(user);
  return [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.username(username),
          ...keys.usernameListing(username),
          type: 'Username',
          ...{ id, username, name, role, countyId, villageId, partnerId, townshipId },
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...userKey(user), type: 'User', ...user },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    credentialPut(db, { username, passwordHash, mustChangePassword: passwordHash !== undefined, version: 1 }),
    ...(mobile ? [mobilePut(db, mobile, username)] : []),
  ];
}

/** `field` is where the username sits in the request body (`admin.username` at onboarding). */
export const usernameTaken = (username: string, field = 'username') =>
  new ConflictError('username_taken', `用户名「${username}」已被使用 (username taken)`, { [field]: TAKEN });

/** A mobile number signs in to one villager only. */
export const mobileTaken = (mobile: string) =>
  new ConflictError('mobile_taken', `手机号 ${mobile} 已被其他村民使用 (mobile number already in use)`, {
    phone: TAKEN,
  });

export async function createUser(
  db: Db,
  scope: UserScope,
  input: UserCreate,
  createdBy: string,
  now: Date,
): Promise<CreatedUser> {
  // A villager's household must be one of this village's: it is all they will ever see.
  if (input.householdId && scope.countyId && scope.villageId)
    await getHousehold(db, { countyId: scope.countyId, villageId: scope.villageId }, input.householdId);
  // …and a township reviewer's township one of this county's: its token will carry the id.
  if (input.townshipId && scope.countyId)
    await getTownship(db, { countyId: scope.countyId }, input.townshipId);
  const user = newUser(scope, input, createdBy, now);
  const signIn = await newSignIn(user);
  await transactWrite(db, userPuts(db, user, signIn.passwordHash), (index) =>
    index === 3 ? mobileTaken(signInMobileOf(user) ?? '') : usernameTaken(user.username),
  );
  return { ...user, temporaryPassword: signIn.temporaryPassword };
}

export function listUsers(
  db: Db,
  scope: UserScope,
  page: { limit?: number; cursor?: string },
): Promise<Page<User>> {
  const prefix =
    scope.countyId && scope.villageId
      ? keys.villageUserPrefix(scope.countyId, scope.villageId)
      : scope.countyId
        ? keys.countyUserPrefix(scope.countyId)
        : { PK: 'PLATFORM', SKPrefix: 'USER#' };
  return queryPrefix(db, prefix, page, (item) => userSchema.parse(item));
}

export async function getUsername(db: Db, username: string) {
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.username(username) }));
  if (!out.Item) throw new NotFoundError('用户 (user)');
  return usernameEntrySchema.parse(out.Item);
}

/** Every sign-in of the deployment: used only by the local runtime's user picker. */
export function listUsernames(db: Db, page: { limit?: number; cursor?: string }) {
  return queryPage(
    db,
    { partition: { name: 'GSI1PK', value: 'USERNAMES' }, indexName: 'GSI1', ...page },
    (item) => usernameEntrySchema.parse(item),
  );
}

type VillageScope = { countyId: string; villageId: string };

/**
 * Links a village user to the household they live in (or unlinks them, with null), so that
 * nobody approves points for their own household. The household must be this village's. A
 * villager may move to another household but never be left without one (400 `household_required`).
 */
export async function setUserHousehold(
  db: Db,
  scope: VillageScope,
  userId: string,
  householdId: string | null,
): Promise<User> {
  if (householdId) await getHousehold(db, scope, householdId);
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.villageUser(scope.countyId, scope.villageId, userId),
        UpdateExpression: householdId ? 'SET householdId = :h' : 'REMOVE householdId',
        ConditionExpression: householdId
          ? 'attribute_exists(PK)'
          : 'attribute_exists(PK) AND #role <> :villager',
        ExpressionAttributeNames: householdId ? undefined : { '#role': 'role' },
        ExpressionAttributeValues: householdId ? { ':h': householdId } : { ':villager': 'villager' },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return userSchema.parse(out.Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException && error.Item)
      throw new ValidationError(
        '村民用户必须关联一个农户 (a villager must stay linked to a household)',
        { householdId: '请选择农户 (choose a household)' },
        'household_required',
      );
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new NotFoundError('用户 (user)');
    throw error;
  }
}

/** The household a village user lives in, if the village admin has linked one. */
export async function householdOfUser(db: Db, scope: VillageScope, userId: string) {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.villageUser(scope.countyId, scope.villageId, userId),
      ProjectionExpression: 'householdId',
    }),
  );
  return householdIdOf(out.Item);
}

/** The household a village user's item (perhaps read in a batch) links them to, if any. */
export const householdIdOf = (item: Record<string, unknown> | undefined) =>
  typeof item?.householdId === 'string' ? item.householdId : undefined;

/** A user of this scope by id (404 for another tenant's, which lives under another partition). */
export async function getUser(db: Db, scope: UserScope, userId: string): Promise<User> {
  const key = userKey({ id: userId, ...scope });
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  if (!out.Item) throw new NotFoundError('用户 (user)');
  return userSchema.parse(out.Item);
}
