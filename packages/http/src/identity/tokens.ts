import { randomUUID } from 'node:crypto';
import { CHALLENGE_SECONDS, TOKEN_AUDIENCE, type Tokens, UnauthenticatedError } from '@xjf/domain';
import { calculateJwkThumbprint, createLocalJWKSet, errors, type JWK, jwtVerify } from 'jose';
import { actorFromClaims, type TenancyClaims, type TokenVerifier } from '../claims';

/**
 * Where tokens are signed: a KMS key in AWS (the private key never leaves KMS), a key file
 * locally. Both sign RS256, which API Gateway's JWT authorizer requires.
 */
export interface TokenSigner {
  /** The public half, as published in the JWKS. */
  publicJwk(): Promise<JWK>;
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data`. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Every public key whose tokens may still be alive: the signing key and those retired within a token's lifetime. */
export interface PublishedKeys {
  jwks(): Promise<{ keys: JWK[] }>;
}

/** What a challenge proves between sign-in steps, and for whom. */
export type ChallengePurpose = 'password_change' | 'totp' | 'totp_enrolment';
export type Challenge = {
  purpose: ChallengePurpose;
  username: string;
  /** The credential's version when the step was reached: a challenge works once. */
  version: number;
  /** Enrolment only: the secret being set up, signed so it cannot be swapped. */
  totpSecret?: string;
};

const ACCESS_TYP = 'at+jwt';
const CHALLENGE_TYP = 'xjf-challenge+jwt';
const CHALLENGE_AUDIENCE = `${TOKEN_AUDIENCE}/sign-in`;
const encoder = new TextEncoder();
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWK's RFC 7638 thumbprint: the `kid` of tokens it signs, the same wherever computed. */
export const keyIdOf = (jwk: JWK) => calculateJwkThumbprint(jwk, 'sha256');

export const publicJwkOf = async (jwk: JWK): Promise<JWK> => ({
  kty: jwk.kty,
  n: jwk.n,
  e: jwk.e,
  kid: await keyIdOf(jwk),
  alg: 'RS256',
  use: 'sig',
});

/** Issues the tokens of a session and the challenges between sign-in steps. */
export function tokenIssuer(config: { issuer: string; signer: TokenSigner }) {
  let kid: Promise<string> | undefined;
  async function sign(typ: string, payload: Record<string, unknown>): Promise<string> {
    kid ??= config.signer.publicJwk().then(keyIdOf);
    kid.catch(() => {
      kid = undefined;
    });
    const input = `${b64({ alg: 'RS256', typ, kid: await kid })}.${b64(payload)}`;
    const signature = await config.signer.sign(encoder.encode(input));
    return `${input}.${Buffer.from(signature).toString('base64url')}`;
  }
  const times = (now: Date, seconds: number) => {
    const iat = Math.floor(now.getTime() / 1000);
    return { iat, exp: iat + seconds };
  };
  return {
    issuer: config.issuer,
    async session(claims: TenancyClaims, now: Date, seconds: number): Promise<Tokens> {
      const common = { iss: config.issuer, aud: TOKEN_AUDIENCE, ...times(now, seconds), ...claims };
      const [accessToken, idToken] = await Promise.all([
        sign(ACCESS_TYP, { ...common, jti: randomUUID(), token_use: 'access' }),
        sign('JWT', { ...common, jti: randomUUID(), token_use: 'id', preferred_username: claims.username }),
      ]);
      return { tokenType: 'Bearer', accessToken, idToken, expiresIn: seconds };
    },
    challenge(challenge: Challenge, now: Date): Promise<string> {
      return sign(CHALLENGE_TYP, {
        iss: config.issuer,
        aud: CHALLENGE_AUDIENCE,
        sub: challenge.username,
        ...times(now, CHALLENGE_SECONDS),
        purpose: challenge.purpose,
        ver: challenge.version,
        ...(challenge.totpSecret ? { totp: challenge.totpSecret } : {}),
      });
    },
  };
}
export type TokenIssuer = ReturnType<typeof tokenIssuer>;

/**
 * Verifies tokens in the app as well as at API Gateway, so a misrouted route never runs
 * unauthenticated: RS256 only, our issuer and audience, a key of the JWKS by `kid`, not expired.
 * `alg: none`, HS256 signed with the public key, a foreign `kid` or issuer all fail here.
 */
export function tokenVerifier(config: { issuer: string; keys: PublishedKeys }) {
  let keySet: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
  const keys = () => {
    keySet ??= config.keys.jwks().then((jwks) => createLocalJWKSet(jwks));
    keySet.catch(() => {
      keySet = undefined;
    });
    return keySet;
  };
  async function payloadOf(token: string, typ: string, audience: string) {
    try {
      const { payload } = await jwtVerify(token, await keys(), {
        issuer: config.issuer,
        audience,
        algorithms: ['RS256'],
        typ,
      });
      return payload;
    } catch (error) {
      // Any malformed, forged, foreign or expired token; anything else (the key source) is ours.
      if (error instanceof errors.JOSEError)
        throw new UnauthenticatedError('令牌无效或已过期 (invalid or expired token)', 'invalid_token');
      throw error;
    }
  }
  const verifier: TokenVerifier = {
    async verify(token) {
      return actorFromClaims(await payloadOf(token, ACCESS_TYP, TOKEN_AUDIENCE));
    },
  };
  return {
    verifier,
    async challenge(token: string, purpose: ChallengePurpose): Promise<Challenge> {
      let payload: Awaited<ReturnType<typeof payloadOf>>;
      try {
        payload = await payloadOf(token, CHALLENGE_TYP, CHALLENGE_AUDIENCE);
      } catch (error) {
        if (error instanceof UnauthenticatedError) throw expiredChallenge();
        throw error;
      }
      if (payload.purpose !== purpose || typeof payload.sub !== 'string' || typeof payload.ver !== 'number')
        throw expiredChallenge();
      return {
        purpose,
        username: payload.sub,
        version: payload.ver,
        totpSecret: typeof payload.totp === 'string' ? payload.totp : undefined,
      };
    },
  };
}

export const expiredChallenge = () =>
  new UnauthenticatedError(
    '登录步骤已过期，请重新登录 (this sign-in step expired: start again)',
    'challenge_expired',
  );
