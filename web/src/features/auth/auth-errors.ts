import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';

/** Seconds the API asked to wait (`details.retryAfterSeconds` of a 423 or 429), or 0. */
export const retryAfterOf = (error: unknown): number => {
  const seconds = error instanceof ApiError ? error.details.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : 0;
};

/** What to tell someone signing in, by the API's error code; `sms` for the villagers' code. */
export function authErrorText(error: unknown, t: TFunction, lng: string, options: { sms?: boolean } = {}) {
  if (!(error instanceof ApiError)) return errorText(error, t, lng);
  const seconds = retryAfterOf(error);
  switch (error.code) {
    case 'invalid_credentials':
    case 'challenge_expired':
    case 'password_reused':
    case 'wrong_password':
      return t(`auth.errors.${error.code}`);
    case 'account_locked':
      // The API's own message also says how long, should it ever come without the details.
      return seconds
        ? t('auth.errors.account_locked', { minutes: Math.ceil(seconds / 60) })
        : errorText(error, t, lng);
    case 'invalid_code':
      return t(options.sms ? 'auth.errors.invalid_sms_code' : 'auth.errors.invalid_code');
    case 'rate_limited':
      return seconds ? t('auth.errors.rate_limited', { seconds }) : errorText(error, t, lng);
    case 'sms_not_configured':
    case 'sms_failed':
      return t('auth.errors.sms_unavailable');
    default:
      return errorText(error, t, lng);
  }
}
