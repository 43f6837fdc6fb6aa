import { UnauthenticatedError } from '@xjf/domain';
import { sign, verify } from 'hono/jwt';
import { actorFromClaims, type TenancyClaims, type TokenVerifier } from './claims';

const ISSUER = 'xiaojifen-local';
export const DEV_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/**
 * Tokens for the local runtime and tests: HS256 with a secret the local runtime keeps, carrying
 * the same claims as a Cognito ID token. Never wired into the Lambda entry points.
 */
export function devTokens(secret: string) {
  const verifier: TokenVerifier = {
    async verify(token) {
      let payload: unknown;
      try {
        payload = await verify(token, secret, { alg: 'HS256', iss: ISSUER });
      } catch {
        throw new UnauthenticatedError('令牌无效或已过期 (invalid or expired token)', 'invalid_token');
      }
      return actorFromClaims(payload);
    },
  };
  const issue = (claims: TenancyClaims, now: Date, lifetimeSeconds = DEV_TOKEN_LIFETIME_SECONDS) => {
    const iat = Math.floor(now.getTime() / 1000);
    return sign(
      { ...claims, token_use: 'id', iss: ISSUER, iat, exp: iat + lifetimeSeconds },
      secret,
      'HS256',
    );
  };
  return { verifier, issue };
}
