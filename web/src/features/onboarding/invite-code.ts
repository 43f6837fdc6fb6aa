import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';

// Crockford base32 without I, L, O, U, as the API issues codes; people type them from paper.
const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export const normalizeCode = (raw: string) => raw.trim().toUpperCase().replace(/[\s-]/g, '');
export const isCodeShaped = (code: string) => CODE.test(code);

/** The codes' own failures, in words a village secretary can act on; undefined for anything else. */
export function inviteProblem(error: unknown, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'invite_not_found':
      return t('onboarding.notFound');
    case 'invite_used':
      return t('onboarding.used');
    case 'invite_expired':
    case 'invite_unusable':
      return t('onboarding.expired');
    case 'validation_failed':
      return 'code' in error.fields || 'inviteCode' in error.fields ? t('onboarding.invalid') : undefined;
    default:
      return undefined;
  }
}
