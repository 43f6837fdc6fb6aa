import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '@xjf/api';
import { createDb, type Db, tableSigningSeed } from '@xjf/data';
import { noUserDirectory, type RuntimeConfig } from '@xjf/domain';
import { devTokens, errorHandler, type Log, notFoundHandler, router } from '@xjf/http';
import { devSignInRoutes } from './dev-sign-in';
import { localPhotos } from './photos';
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
  /** Where uploaded photos are kept (`.data/uploads` under `npm start`). */
  photosDir?: string;
}) {
  const clock = options.clock ?? (() => new Date());
  const tokens = devTokens(options.secret);
  const photos = localPhotos({
    dir: options.photosDir ?? join(tmpdir(), 'xjf-photos'),
    secret: options.secret,
    clock,
  });
  const api = createApp(
    {
      db: options.db,
      verifier: tokens.verifier,
      directory: noUserDirectory,
      clock,
      log: options.log,
      signingSeed: tableSigningSeed(options.db),
      photos: photos.store,
    },
    devSignInRoutes({ db: options.db, issue: tokens.issue }),
  );
  const config: RuntimeConfig = { apiBaseUrl: '', auth: { mode: 'dev' } };
  api.get('/config.json', (c) => c.json(config));
  if (options.webDist) {
    api.get('/*', serveStatic({ root: options.webDist }));
    // Client-side routes (/counties/…, /onboarding) all load the one page.
    api.get('/*', serveStatic({ path: join(options.webDist, 'index.html') }));
  }
  // Photo uploads come first: the API's middleware (its 1 MB body limit above all) never sees them.
  const app = router();
  photos.mount(app);
  app.onError(errorHandler(options.log));
  app.notFound(notFoundHandler);
  app.route('/', api);
  return { app, tokens };
}

/** Connects to DynamoDB Local and creates the table if missing. */
export async function localDb(endpoint: string, tableName = TABLE_NAME, localAccessKey = 'local') {
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: localAccessKey, secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  return createDb({ tableName, region: REGION, endpoint, localAccessKey });
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
