import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoLocal } from './dynamo-local';
import { seedDemo } from './seed';
import { localDb } from './server';

/** The file DynamoDB Local keeps its shared database in, inside its folder. */
export const DYNAMO_LOCAL_FILE = 'shared-local-instance.db';

/**
 * Seeds the demo with a DynamoDB Local of its own in scratch space kept in memory (/dev/shm
 * where the machine has it, as the browser tests do) and copies the finished database into
 * `dbPath`, where `npm start` then serves it. Why: DynamoDB Local syncs each write to disk,
 * and on this machine's disk batch writes ran at about a tenth of their speed in memory, so
 * the bulk-written year of 银川村 would keep `npm start` from serving within a minute. And
 * `dbPath` only ever holds a whole demo: a seed that fails leaves nothing there.
 */
export async function seedDemoInto(dbPath: string, now: Date): Promise<{ inviteCode: string }> {
  const scratch = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'xjf-seed-'));
  try {
    const dynamo = await startDynamoLocal({ dbPath: scratch });
    let seeded: { inviteCode: string };
    try {
      seeded = await seedDemo(await localDb(dynamo.endpoint), now);
    } finally {
      await dynamo.stop();
    }
    cpSync(join(scratch, DYNAMO_LOCAL_FILE), join(dbPath, DYNAMO_LOCAL_FILE));
    return seeded;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
