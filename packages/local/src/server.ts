import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from '@xjf/api';
import { createDb, type Db, tableSigningSeed } from '@xjf/data';
import type { RuntimeConfig } from '@xjf/domain';
import {
  errorHandler,
  type Identity,
  type Log,
  localSigningKey,
  newSigningKeyPem,
  notFoundHandler,
  router,
  tokenIssuer,
  tokenVerifier,
} from '@xjf/http';
import { compress } from 'hono/compress';
import { devSignInRoutes } from './dev-sign-in';
import { localPhotos } from './photos';
import { devSmsInbox } from './sms-inbox';
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
  /** The token signing key (PKCS#8 PEM, kept in `.data/` by `npm start`); one per process otherwise. */
  signingKeyPem?: string;
  /** The issuer's URL: where the local runtime listens. */
  issuer?: string;
  /** Print each SMS code to the console (npm start). */
  printSms?: boolean;
}) {
  const clock = options.clock ?? (() => new Date());
  const identity = localIdentity(options);
  const photos = localPhotos({
    dir: options.photosDir ?? join(tmpdir(), 'xjf-photos'),
    secret: options.secret,
    clock,
  });
  const api = createApp(
    {
      db: options.db,
      verifier: identity.verifier,
      identity: identity.identity,
      clock,
      log: options.log,
      signingSeed: tableSigningSeed(options.db),
      photos: photos.store,
    },
    devSignInRoutes({ db: options.db, identity: identity.identity, clock, inbox: identity.inbox.messages }),
  );
  const config: RuntimeConfig = { apiBaseUrl: '', dev: true };
  api.get('/config.json', (c) => c.json(config));
  if (options.webDist) {
    // CloudFront compresses the admin's files on the fly for browsers that accept it (text types of
    // 1 KB and more; images and fonts are already compressed), and so does this: the admin weighs
    // here what it weighs in AWS. The API answers above are left as API Gateway sends them.
    api.use('/*', compress());
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
  return { app, identity: identity.identity, smsInbox: identity.inbox.messages };
}

let processKey: string | undefined;
/** Tests and the bench make many apps in one process: one key serves them all (2048-bit keys take ~100 ms each). */
const processSigningKey = () => {
  processKey ??= newSigningKeyPem();
  return processKey;
};

/** The production sign-in with a key file instead of KMS and a console inbox instead of an SMS provider. */
function localIdentity(options: { signingKeyPem?: string; issuer?: string; printSms?: boolean }) {
  const { signer, keys } = localSigningKey(options.signingKeyPem ?? processSigningKey());
  const issuer = options.issuer ?? 'http://localhost';
  const verification = tokenVerifier({ issuer, keys });
  const inbox = devSmsInbox({ print: options.printSms });
  const identity: Identity = {
    issuer,
    keys,
    tokens: tokenIssuer({ issuer, signer }),
    challenge: verification.challenge,
    sms: inbox.sender,
    secureCookies: issuer.startsWith('https:'),
  };
  return { identity, verifier: verification.verifier, inbox };
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

/** A secret kept beside the data so it survives restarts (the photo URL signatures, the token key). */
function keptFile(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, make(), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export const localSecret = (dataDir: string) =>
  keptFile(dataDir, 'dev-token-secret', () => randomBytes(32).toString('base64url'));

/** The local issuer's RSA key: sessions survive restarts as they do in AWS. */
export const localSigningKeyPem = (dataDir: string) =>
  keptFile(dataDir, 'token-signing-key.pem', newSigningKeyPem);
