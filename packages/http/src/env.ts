import type { Db, IdempotencySeal, SigningSeed } from '@xjf/data';
import type { Actor, UserDirectory } from '@xjf/domain';
import type { TokenVerifier } from './claims';
import type { Log } from './log';
import type { PhotoStore } from './photos';

export type { Log, LogEntry } from './log';
export { jsonLog } from './log';

/** Everything a handler may touch, created once per process and passed in, never imported. */
export interface Deps {
  db: Db;
  verifier: TokenVerifier;
  /** Cognito in AWS; nothing locally. */
  directory: UserDirectory;
  clock: () => Date;
  log: Log;
  /** What score certificates are signed from: a Secrets Manager secret in AWS, the table locally. */
  signingSeed: SigningSeed;
  /** Evidence and store item photos: S3 in AWS, a folder locally. */
  photos: PhotoStore;
}

export type AppEnv = {
  Variables: {
    actor: Actor | undefined;
    requestId: string;
    /** Set by idempotent(): completes the key inside an effect's transaction. */
    idempotencySeal: IdempotencySeal | undefined;
  };
};
