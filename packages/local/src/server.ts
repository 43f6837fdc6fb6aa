import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '@xjf/api';
import { createDb, type Db } from '@xjf/data';
import { noUserDirectory, type RuntimeConfig } from '@xjf/domain';
import { devTokens, type Log } from '@xjf/http';
import { devSignInRoutes } from './dev-sign-in';
import { ensureTable } from './table';

export const TABLE_NAME = 'xiaojifen';
const REGION = 'local';

/** The app exactly as a Lambda runs it, plus the dev sign-in and, when given, the built admin. */
export function localApp(options: {
  db: Db;
  secret: string;
  log: Log;
  webDist?: string;
  clock?: () => Date;
}) {
  const clock = options.clock ?? (() => new Date());
  const tokens = devTokens(options.secret);
  const app = createApp(
    { db: options.db, verifier: tokens.verifier, directory: noUserDirectory, clock, log: options.log },
    devSignInRoutes({ db: options.db, issue: tokens.issue }),
  );
  const config: RuntimeConfig = { apiBaseUrl: '', auth: { mode: 'dev' } };
  app.get('/config.json', (c) => c.json(config));
  if (options.webDist) {
    app.get('/*', serveStatic({ root: options.webDist }));
    // Client-side routes (/counties/…, /onboarding) all load the one page.
    app.get('/*', serveStatic({ path: join(options.webDist, 'index.html') }));
  }
  return { app, tokens };
}

/** Connects to DynamoDB Local and creates the table if missing. */
export async function localDb(endpoint: string, tableName = TABLE_NAME) {
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  return createDb({ tableName, region: REGION, endpoint });
}

/** The signing secret for local tokens, kept beside the data so sign-ins survive restarts. */
export function localSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-token-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
