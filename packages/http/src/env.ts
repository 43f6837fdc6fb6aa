import type { Db, IdempotencySeal, SigningSeed } from '@xjf/data';
import type { Actor } from '@xjf/domain';
import type { TokenVerifier } from './claims';
import type { Challenge, ChallengePurpose, PublishedKeys, SmsSender, TokenIssuer } from './identity';
import type { Log } from './log';
import type { PhotoStore } from './photos';

export type { Log, LogEntry } from './log';
export { jsonLog } from './log';

/** Everything a handler may touch, created once per process and passed in, never imported. */
export interface Deps {
  db: Db;
  verifier: TokenVerifier;
  /** Sign-in: what only the issuer (the auth surface) signs and sends with. */
  identity: Identity;
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

/** The issuer's side of sign-in: KMS and an SMS provider in AWS, a key file and a dev inbox locally. */
export interface Identity {
  /** The issuer URL, as in every token's `iss` and the discovery document. */
  issuer: string;
  tokens: TokenIssuer;
  keys: PublishedKeys;
  challenge(token: string, purpose: ChallengePurpose): Promise<Challenge>;
  sms: SmsSender;
  /** Secure cookies need HTTPS: always in AWS, not on the local runtime's http://localhost. */
  secureCookies: boolean;
}
