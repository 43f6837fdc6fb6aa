import type { Db, IdempotencySeal, SigningSeed } from '@xjf/data';
import type { Actor, UserDirectory } from '@xjf/domain';
import type { TokenVerifier } from './claims';
import type { PhotoStore } from './photos';

export type LogEntry = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

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

/** Structured JSON logs: one object per line, as CloudWatch Logs Insights reads them. */
export const jsonLog: Log = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};
