import { type KeyObject, randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, keyIdOf, parseKeyId, type SigningKey, signingKeySchema } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { deriveSigningKey, publicKeyForms, type SigningSeed } from './signing';

/** Locally the seed is an item of the table, made on first use (a race makes it once). */
export function tableSigningSeed(db: Db): SigningSeed {
  let seed: Promise<string> | undefined;
  return () => {
    seed ??= readOrCreateSeed(db).catch((error) => {
      seed = undefined;
      throw error;
    });
    return seed;
  };
}

async function readSeed(db: Db): Promise<string | undefined> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.signingSeed(), ConsistentRead: true }),
  );
  return Item?.seed as string | undefined;
}

async function readOrCreateSeed(db: Db): Promise<string> {
  const existing = await readSeed(db);
  if (existing) return existing;
  const seed = randomBytes(32).toString('base64url');
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.signingSeed(), type: 'SigningSeed', seed },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return seed;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return (await readSeed(db)) ?? seed;
  }
}

const toSigningKey = (item: Record<string, unknown>): SigningKey => signingKeySchema.parse(item);

/** A county's public keys, oldest first: every certificate it ever signed checks against one. */
export async function listSigningKeys(db: Db, countyId: string): Promise<SigningKey[]> {
  const { PK, SKPrefix } = keys.signingKeyPrefix(countyId);
  const { Items = [] } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix },
    }),
  );
  return Items.map(toSigningKey);
}

export async function getSigningKey(db: Db, keyId: string): Promise<SigningKey | undefined> {
  const { countyId, number } = parseKeyId(keyId);
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.signingKey(countyId, number) }),
  );
  return Item ? toSigningKey(Item) : undefined;
}

export type ActiveKey = { keyId: string; privateKey: KeyObject };

/**
 * The key a county signs with now, cached per process (per Lambda instance). It is the county's
 * newest key while that key still derives from the current seed; when the seed has changed
 * (rotated, or a table restored elsewhere) the county gets its next key number, and the old
 * public keys stay, so every certificate already issued still verifies.
 */
export function certificateSigner(db: Db, seed: SigningSeed) {
  const active = new Map<string, Promise<ActiveKey>>();
  return {
    activeKey(countyId: string, now: Date): Promise<ActiveKey> {
      let key = active.get(countyId);
      if (!key) {
        key = loadActiveKey(db, seed, countyId, now);
        key.catch(() => active.delete(countyId));
        active.set(countyId, key);
      }
      return key;
    },
  };
}
export type CertificateSigner = ReturnType<typeof certificateSigner>;

async function loadActiveKey(db: Db, seed: SigningSeed, countyId: string, now: Date): Promise<ActiveKey> {
  const secret = await seed();
  const { PK, SKPrefix } = keys.signingKeyPrefix(countyId);
  const { Items = [] } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const newest = Items[0] ? toSigningKey(Items[0]) : undefined;
  if (newest) {
    const derived = deriveSigningKey(secret, newest.keyId);
    if (publicKeyForms(derived.publicKey).publicKeyPem === newest.publicKeyPem)
      return { keyId: newest.keyId, privateKey: derived.privateKey };
  }
  const number = newest ? parseKeyId(newest.keyId).number + 1 : 1;
  const keyId = keyIdOf(countyId, number);
  const { privateKey, publicKey } = deriveSigningKey(secret, keyId);
  const record: SigningKey = {
    keyId,
    algorithm: 'Ed25519',
    ...publicKeyForms(publicKey),
    createdAt: now.toISOString(),
  };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.signingKey(countyId, number), type: 'SigningKey', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // Another instance made this key at the same moment: from the same seed it is the same key.
    const stored = await getSigningKey(db, keyId);
    if (stored?.publicKeyPem !== record.publicKeyPem)
      throw new ConflictError(
        'signing_key_changed',
        '签名密钥正在更换，请重试 (signing key changing; retry)',
      );
  }
  return { keyId, privateKey };
}
