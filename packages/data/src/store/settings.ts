import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_STORE_SETTINGS,
  type StoreSettings,
  type StoreSettingsPut,
  storeSettingsSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { getProgram } from '../rules/programs';

type VillageScope = { countyId: string; villageId: string };

export async function getStoreSettings(db: Db, scope: VillageScope): Promise<StoreSettings> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.storeSettings(scope.countyId, scope.villageId) }),
  );
  return storeSettingsFrom(out.Item);
}

/** The settings item (perhaps read in a batch); a store never set up has the defaults. */
export const storeSettingsFrom = (item: Record<string, unknown> | undefined): StoreSettings =>
  item ? storeSettingsSchema.parse(item) : DEFAULT_STORE_SETTINGS;

export async function putStoreSettings(db: Db, scope: VillageScope, input: StoreSettingsPut, now: Date) {
  await getProgram(db, scope, input.programId); // 404 for a program not in this village
  const settings: StoreSettings = {
    programId: input.programId,
    cancelWithinDays: input.cancelWithinDays,
    redemptionDays: input.redemptionDays,
    updatedAt: now.toISOString(),
  };
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.storeSettings(scope.countyId, scope.villageId), type: 'StoreSettings', ...settings },
    }),
  );
  return settings;
}
