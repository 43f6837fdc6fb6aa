import { UnauthenticatedError } from '@xjf/domain';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { actorFromClaims, type TokenVerifier } from './claims';

/**
 * Verifies Cognito ID tokens in the app as well as at API Gateway, so a misrouted or
 * misconfigured route can never run unauthenticated. The JWKS is fetched once and cached.
 */
export function cognitoVerifier(config: {
  userPoolId: string;
  clientId: string;
  jwks?: Jwks;
}): TokenVerifier {
  const jwt = CognitoJwtVerifier.create({
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    tokenUse: 'id',
  });
  // Tests hand over the keys a real pool would publish, so verifying needs no network.
  if (config.jwks) jwt.cacheJwks(config.jwks);
  return {
    async verify(token) {
      let payload: unknown;
      try {
        payload = await jwt.verify(token);
      } catch {
        throw new UnauthenticatedError('令牌无效或已过期 (invalid or expired token)', 'invalid_token');
      }
      return actorFromClaims(payload);
    },
  };
}
