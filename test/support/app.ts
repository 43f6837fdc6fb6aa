import { randomUUID } from 'node:crypto';
import type { Db } from '@xjf/data';
import { ACCESS_TOKEN_SECONDS } from '@xjf/domain';
import { claimsForUser, localSigningKey, newSigningKeyPem, type TenancyClaims, tokenIssuer } from '@xjf/http';
import { localApp, localDb } from '@xjf/local';
import { dynamoEndpoint } from './dynamo';

export const SECRET = 'test-secret-for-local-tokens-only';

/**
 * The real app (the same code a Lambda runs) against a fresh table in the shared DynamoDB
 * Local, and a token minter that signs with the app's own issuer, as a sign-in would.
 */
export async function testApp(options: { clock?: () => Date; endpoint?: string } = {}) {
  const db: Db = await localDb(options.endpoint ?? dynamoEndpoint(), `t-${randomUUID()}`);
  const { app, identity, smsInbox } = localApp({ db, secret: SECRET, log: () => {}, clock: options.clock });
  /** An access token for any claims, issued at `now` for `seconds` (expired ones too). */
  const issue = (claims: TenancyClaims, now = new Date(), seconds = ACCESS_TOKEN_SECONDS) =>
    identity.tokens.session(claims, now, seconds).then((t) => t.accessToken);
  const tokenFor = (user: Parameters<typeof claimsForUser>[0], now = new Date()) =>
    issue(claimsForUser(user), now);
  return { app, db, identity, smsInbox, issue, tokenFor };
}

/** A well-formed token from an issuer of the same name but another key: a forgery. */
export async function foreignKeyToken(issuer: string, claims: TenancyClaims) {
  const { signer } = localSigningKey(newSigningKeyPem());
  const tokens = await tokenIssuer({ issuer, signer }).session(claims, new Date(), 600);
  return tokens.accessToken;
}
