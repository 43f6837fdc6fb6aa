import { createDb } from '@xjf/data';
import { jsonLog } from '@xjf/http';
import { cognitoDirectory, cognitoVerifier } from '@xjf/http/cognito';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { s3PhotoStore } from './photos/s3-photo-store';
import { secretsManagerSigningSeed } from './signing-seed';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

// Config is read once at cold start and fails fast; clients are created once per container.
const app = createApp({
  db: createDb({ tableName: required('TABLE_NAME'), region: required('AWS_REGION') }),
  verifier: cognitoVerifier({
    userPoolId: required('USER_POOL_ID'),
    clientId: required('USER_POOL_CLIENT_ID'),
  }),
  directory: cognitoDirectory({ userPoolId: required('USER_POOL_ID') }),
  clock: () => new Date(),
  log: jsonLog,
  signingSeed: secretsManagerSigningSeed(required('SIGNING_SEED_SECRET_ARN')),
  photos: s3PhotoStore(required('PHOTO_BUCKET')),
});

export const handler = handle(app);
