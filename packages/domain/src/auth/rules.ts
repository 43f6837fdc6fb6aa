import type { Role } from '../actor';

/** Five wrong passwords or codes in a row lock sign-in for fifteen minutes. */
export const MAX_SIGN_IN_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;

export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** A refresh token is good for one use within this time; each use hands out the next one. */
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
/** How long a sign-in may take between its steps (password, new password, TOTP). */
export const CHALLENGE_SECONDS = 5 * 60;

export const SMS_CODE_SECONDS = 5 * 60;
export const SMS_CODE_MAX_TRIES = 5;
/** One code a minute and ten a day per number; sixty an hour from one address. */
export const SMS_LIMITS = {
  perNumberMinute: { max: 1, seconds: 60 },
  perNumberDay: { max: 10, seconds: 86_400 },
  perSourceHour: { max: 60, seconds: 3_600 },
} as const;

/** Who must prove a second factor: those whose accounts reach a whole county or the platform. */
export const totpRequired = (role: Role): boolean => role === 'platform_operator' || role === 'county_admin';

export type SignInFailures = { failures: number; lockedUntil?: number };

/** Seconds left on a lock at `now` (epoch seconds), or 0 when sign-in is open. */
export const lockSecondsLeft = (state: SignInFailures | undefined, now: number): number =>
  state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil - now : 0;

/** The failure that starts a lock: the fifth in a row. */
export const locksAccount = (failuresInARow: number) => failuresInARow >= MAX_SIGN_IN_FAILURES;

/** The mobile number shown in logs and the audit: never in full. */
export const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

/** The `aud` of every token the issuer signs; API Gateway's JWT authorizer checks it too. */
export const TOKEN_AUDIENCE = 'xiaojifen';
